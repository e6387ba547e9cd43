using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests;

/// <summary>
/// A user has only the repository: no product file (features, sources, config, docs, README) may point at the project's
/// private inputs beside the checkout. Only tests may read them, and they skip when the folder is absent.
/// </summary>
public sealed class ProductStandsAloneTests
{
    private static readonly string[] ProductFolders = ["features", "src", "config", "docs"];
    private static readonly string[] ProductFiles = ["README.md", "reports/README.md"];
    private static readonly string[] Skipped = ["bin", "obj"];

    [Fact]
    public void No_product_file_refers_to_the_shared_folder_beside_the_checkout()
    {
        var root = RepositoryLayout.RequireRoot();
        var offenders = ProductPaths(root)
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => Mentions(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.path)}:{x.number}: {x.line.Trim()}")
            .ToList();
        offenders.ShouldBeEmpty("cite the public source (GP Connect specification page and section, or release-note ticket) instead");
    }

    [Theory]
    [InlineData("# Source: ../shared/spec/core.md §2", true)]
    [InlineData(@"see ..\shared\seeds", true)]
    [InlineData("# Source: GP Connect 1.2.7 specification, Foundations — Find a patient", false)]
    [InlineData("shared by every interaction", false)]
    public void The_check_recognises_a_reference(string line, bool expected) => Mentions(line).ShouldBe(expected);

    private static bool Mentions(string line) =>
        line.Contains("../shared", StringComparison.Ordinal) || line.Contains(@"..\shared", StringComparison.Ordinal);

    private static IEnumerable<string> ProductPaths(string root)
    {
        foreach (var folder in ProductFolders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
                if (parts.Any(p => Skipped.Contains(p))) continue;
                if (IsText(file)) yield return file;
            }
        }
        foreach (var file in ProductFiles.Select(f => Path.Combine(root, f)).Where(File.Exists)) yield return file;
    }

    private static bool IsText(string path) =>
        Path.GetExtension(path) is ".cs" or ".feature" or ".md" or ".json" or ".tsv" or ".csproj" or ".props" or ".txt" or ".xml" or ".yml" or ".yaml" or ".html" or ".js" or ".css" or ".sh" or ".ps1";
}
