namespace GpConnect.Conformance.Fhir.Tests.Support;

/// <summary>Finds the read-only <c>../shared</c> inputs beside the repository; tests skip when they are absent.</summary>
internal static class SharedFolder
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var dir = FindRoot(AppContext.BaseDirectory) ?? FindRoot(BuildTimeRoot());
        if (dir?.Parent is null) return null;
        var shared = Path.Combine(dir.Parent.FullName, "shared");
        return Directory.Exists(shared) ? shared : null;
    });

    private static DirectoryInfo? FindRoot(string? start)
    {
        var dir = start is null ? null : new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GpConnect.Conformance.sln"))) dir = dir.Parent;
        return dir;
    }

    /// <summary>The checkout the tests were built from (recorded at build time), for builds with an outside artifacts path.</summary>
    private static string? BuildTimeRoot() =>
        typeof(SharedFolder).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;

    /// <summary>The path of <c>../shared/<paramref name="relative"/></c>, or skips the test with a clear message.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !(Directory.Exists(path) || File.Exists(path)))
            Assert.Skip($"../shared/{relative} is not present beside the repository (it holds the official FHIR assets and spec examples); this test needs it.");
        return path!;
    }
}
