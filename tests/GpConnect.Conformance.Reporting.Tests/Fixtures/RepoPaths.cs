using System.Reflection;

namespace GpConnect.Conformance.Reporting.Tests.Fixtures;

/// <summary>Finds the repository root (the folder holding GpConnect.Conformance.sln) and the shared inputs beside it.</summary>
internal static class RepoPaths
{
    public const string SolutionFile = "GpConnect.Conformance.sln";

    /// <summary>Walks up from the test binaries, then the working folder, then the test project's own folder.</summary>
    public static string? RepoRoot()
    {
        var projectDir = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TestProjectDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), projectDir })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        return null;
    }

    /// <summary>../shared/spec relative to the repository root, or null when absent.</summary>
    public static string? SharedSpec()
    {
        var root = RepoRoot();
        if (root is null) return null;
        var spec = Path.GetFullPath(Path.Combine(root, "..", "shared", "spec"));
        return Directory.Exists(spec) ? spec : null;
    }

    /// <summary>A folder for test output kept after the run (screenshots): under the test binaries.</summary>
    public static string OutputFolder(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "test-output", name);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
