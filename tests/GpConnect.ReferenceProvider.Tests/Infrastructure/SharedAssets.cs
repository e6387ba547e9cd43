using System.Reflection;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>
/// Finds the read-only inputs in <c>../shared</c> beside the repository root (the folder holding
/// GpConnect.Conformance.sln), walking up from the test binaries and then from the test project's source folder.
/// Skips the calling test with a clear message when they are absent.
/// </summary>
public static class SharedAssets
{
    public static string Find(string relative)
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            Assert.Skip("Repository root (GpConnect.Conformance.sln) not found; the ../shared assets are unavailable.");
        }
        var path = Path.Combine(root!.Parent!.FullName, "shared", relative);
        if (!File.Exists(path))
        {
            Assert.Skip($"Shared asset '../shared/{relative}' is absent; skipping the cross-check against it.");
        }
        return path;
    }

    private static DirectoryInfo? RepositoryRoot()
    {
        var sourceDirectory = typeof(SharedAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceProjectDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, sourceDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "GpConnect.Conformance.sln")) && directory.Parent is not null) return directory;
            }
        }
        return null;
    }
}
