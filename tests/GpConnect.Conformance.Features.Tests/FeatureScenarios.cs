using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Xunit;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Features.Tests;

/// <summary>
/// Every scenario (and every Examples row) of features/ as its own xUnit test case, named "Feature — Scenario [row]",
/// with its tags as traits: <c>dotnet test --filter "Ticket=912"</c>, <c>"Tag=@since-1.2.7"</c>, <c>"UseCase=…"</c>.
/// </summary>
[TestCaseOrderer(typeof(ScenarioTestCaseOrderer))]
public sealed class FeatureScenarios(ConformanceRunFixture run)
{
    private static readonly Lazy<FeatureCatalog> Catalog =
        new(() => FeatureCatalog.Load(Path.Combine(RepositoryLayout.RequireRoot(), "features")));

    public static IEnumerable<TheoryDataRow<string>> Scenarios => ScenarioTestData.Rows(Catalog.Value);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(string id) => ScenarioTestCase.RunAsync(Catalog.Value, run.Session.Runner, id, TestContext.Current.CancellationToken);
}
