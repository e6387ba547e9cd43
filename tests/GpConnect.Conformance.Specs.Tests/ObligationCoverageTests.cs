using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests;

/// <summary>
/// Every obligation of the suite's catalogue (docs/obligations/catalogue.tsv) is covered by a scenario tagged with its
/// id, or listed in docs/obligations-not-provider-testable.md with the reason it cannot be checked through a provider's
/// API; and every obligation id a feature uses is in the catalogue. (That the catalogue holds every id of the
/// requirement digests is checked in the Reporting tests.)
/// </summary>
public sealed partial class ObligationCoverageTests
{
    [Theory]
    [InlineData("CORE")]
    [InlineData("FND")]
    [InlineData("APT")]
    [InlineData("TKT")]
    public void Every_obligation_is_covered_by_a_scenario_or_listed_as_not_provider_testable(string prefix)
    {
        var obligations = ObligationCatalog.BuiltIn
            .Select(o => o.Id).Where(id => id.StartsWith(prefix + "-", StringComparison.Ordinal)).Distinct().ToList();
        obligations.ShouldNotBeEmpty();

        var tagged = SuiteUnderTest.Catalog.Scenarios.SelectMany(s => s.Info.Tags).Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);
        var listed = ListedAsNotTestable();

        var missing = obligations.Where(id => !tagged.Contains(id) && !listed.Contains(id)).ToList();
        missing.ShouldBeEmpty($"{prefix} obligations with neither a scenario tag nor an entry in docs/obligations-not-provider-testable.md");
    }

    [Fact]
    public void Every_obligation_id_the_features_use_is_in_the_catalogue()
    {
        var catalogue = ObligationCatalog.BuiltIn.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var used = SuiteUnderTest.Catalog.Scenarios.SelectMany(s => s.Info.Tags).Select(t => t.TrimStart('@'))
            .Where(t => IdPattern().IsMatch(t)).ToHashSet(StringComparer.Ordinal);
        used.ShouldNotBeEmpty();
        used.Where(id => !catalogue.Contains(id)).Order().ShouldBeEmpty("obligation tags in features/ that docs/obligations/catalogue.tsv does not define");
        ListedAsNotTestable().Where(id => !catalogue.Contains(id)).Order().ShouldBeEmpty("ids in docs/obligations-not-provider-testable.md that the catalogue does not define");
    }

    [Fact]
    public void Nothing_is_both_covered_and_listed_as_not_testable()
    {
        var tagged = SuiteUnderTest.Catalog.Scenarios.SelectMany(s => s.Info.Tags).Select(t => t.TrimStart('@')).ToHashSet(StringComparer.Ordinal);

        ListedAsNotTestable().Where(tagged.Contains).ShouldBeEmpty("listed as not provider-testable, yet a scenario is tagged with it");
    }

    /// <summary>Obligation ids named at the start of a list item in the document (e.g. "- CORE-001 …", "- **FND-004**: …").</summary>
    private static HashSet<string> ListedAsNotTestable()
    {
        var path = Path.Combine(RepositoryLayout.RequireRoot(), "docs", "obligations-not-provider-testable.md");
        return File.ReadLines(path)
            .Select(line => ListedId().Match(line))
            .Where(m => m.Success)
            .SelectMany(m => IdPattern().Matches(m.Value).Select(x => x.Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*[-*|]\s*\**\s*((CORE|FND|APT|TKT)-\d{3}[\s,–-]*)+")]
    private static partial Regex ListedId();

    [GeneratedRegex(@"(CORE|FND|APT|TKT)-\d{3}")]
    private static partial Regex IdPattern();
}
