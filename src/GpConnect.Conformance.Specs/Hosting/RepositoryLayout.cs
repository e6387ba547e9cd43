namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>Finds the suite's folders (features/, config/, reports/) from wherever a command or test runs.</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "GpConnect.Conformance.sln";

    /// <summary>
    /// The repository root: the nearest folder, from the current directory and then from the binaries' folder upwards,
    /// that holds the solution file; failing that, the checkout the binaries were built from (recorded at build time);
    /// null when none is found.
    /// </summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        var built = typeof(RepositoryLayout).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GpConnect.Conformance.RepositoryRoot")?.Value;
        return built is not null && File.Exists(Path.Combine(built, SolutionFile)) ? Path.GetFullPath(built) : null;
    }

    /// <summary>The repository root, or an exception saying how to run from a checkout.</summary>
    public static string RequireRoot() =>
        FindRoot() ?? throw new DirectoryNotFoundException(
            $"Cannot find the suite's checkout (no {SolutionFile} above the current directory or the binaries). Run from the repository folder.");

}
