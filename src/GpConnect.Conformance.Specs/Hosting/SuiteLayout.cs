namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// Where the suite's content (features/, config/) comes from and where relative paths and reports go.
/// From a checkout (a folder holding the solution above the current directory or the binaries) both are the checkout,
/// as <c>run-tests.sh</c> has always worked. Installed as a .NET tool, the content sits next to the tool's own binaries
/// and everything the user names or the run writes is relative to the current directory.
/// </summary>
/// <param name="ContentRoot">The folder holding features/ and config/.</param>
/// <param name="WorkingRoot">The folder relative paths (--config, --waivers, reports) are resolved against.</param>
/// <param name="Installed">True when running as an installed tool (content beside the binaries).</param>
public sealed record SuiteLayout(string ContentRoot, string WorkingRoot, bool Installed)
{
    /// <summary>The default configuration: the embedded reference provider.</summary>
    public string DefaultConfig => Path.Combine(ContentRoot, "config", "default.json");

    /// <summary>The documented example configuration for a real provider.</summary>
    public string ExampleConfig => Path.Combine(ContentRoot, "config", "provider.example.json");

    /// <summary>The feature files.</summary>
    public string Features => Path.Combine(ContentRoot, "features");

    /// <summary>Finds the layout for this process.</summary>
    public static SuiteLayout Locate() => Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Finds the layout from a working directory and the binaries' folder (testable form of <see cref="Locate()"/>).</summary>
    public static SuiteLayout Locate(string currentDirectory, string binariesDirectory)
    {
        foreach (var start in new[] { currentDirectory, binariesDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, RepositoryLayout.SolutionFile))) return new(dir.FullName, dir.FullName, false);
        if (HasContent(binariesDirectory)) return new(Path.GetFullPath(binariesDirectory), Path.GetFullPath(currentDirectory), true);
        var root = RepositoryLayout.FindRoot();
        return root is not null ? new(root, root, false) : new(Path.GetFullPath(currentDirectory), Path.GetFullPath(currentDirectory), false);
    }

    private static bool HasContent(string folder) =>
        Directory.Exists(Path.Combine(folder, "features")) && File.Exists(Path.Combine(folder, "config", "default.json"));
}
