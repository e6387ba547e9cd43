using System.Reflection;

namespace GpConnect.Conformance.Client.Tests.Support;

/// <summary>Finds the repository root (the folder holding GpConnect.Conformance.sln) and the shared inputs beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DefaultConfig => Path.Combine(Root, "config", "default.json");

    public static string ExampleConfig => Path.Combine(Root, "config", "provider.example.json");

    /// <summary>The shared inputs folder (<c>../shared</c>), or null when it is not there.</summary>
    public static string? Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// Walks up from the test binaries, then from the current directory, then from the project folder recorded at
    /// build time (binaries built with --artifacts-path live outside the checkout).
    /// </summary>
    private static string FindRoot()
    {
        var projectDirectory = typeof(RepositoryPaths).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false)
            .Cast<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, Directory.GetCurrentDirectory(), projectDirectory];
        foreach (var start in starts.OfType<string>())
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GpConnect.Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No GpConnect.Conformance.sln above {string.Join(" or ", starts.OfType<string>())}.");
    }
}
