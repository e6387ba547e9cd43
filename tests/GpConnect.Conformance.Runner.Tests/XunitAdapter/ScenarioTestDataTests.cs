using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;
using GpConnect.Conformance.Runner.Xunit;

namespace GpConnect.Conformance.Runner.Tests.XunitAdapter;

public class ScenarioTestDataTests
{
    private static readonly FeatureCatalog Catalog = FeatureCatalog.FromSources(
        ("features/tickets/t912.feature", """
            @ticket-912 @since-1.2.7
            Feature: Ticket 912
              @use-case-find-a-patient @CORE-111
              Scenario: Search
                Given x
              Scenario Outline: Outline
                Given <v>
                Examples:
                  | v |
                  | a |
                  | b |
            """),
        ("features/broken.feature", "Feature: Broken\n  Scenario: S\n    Given x\n  nonsense\n"));

    [Fact]
    public void Each_pickle_is_one_row_named_by_its_display_name_with_its_id_as_argument()
    {
        var rows = ScenarioTestData.Rows(Catalog).ToList();

        rows.Count.ShouldBe(4);
        rows.Select(r => r.TestDisplayName).ShouldBe(
        [
            "Ticket 912 — Search",
            "Ticket 912 — Outline [v=a]",
            "Ticket 912 — Outline [v=b]",
            "Feature file error — features/broken.feature:4:3",
        ]);
        rows.Select(r => (string)((ITheoryDataRow)r).GetData()[0]!).ShouldBe(
        [
            "features/tickets/t912.feature:4",
            "features/tickets/t912.feature:6:10",
            "features/tickets/t912.feature:6:11",
            "feature-load-error:features/broken.feature:4:3",
        ]);
    }

    [Fact]
    public void Tags_become_traits_including_ticket_use_case_since_and_obligation_categories()
    {
        var row = ScenarioTestData.Rows(Catalog).First();

        row.Traits["Tag"].ShouldBe(["@ticket-912", "@since-1.2.7", "@use-case-find-a-patient", "@CORE-111"], ignoreOrder: true);
        row.Traits["Ticket"].ShouldBe(["912"]);
        row.Traits["Since"].ShouldBe(["1.2.7"]);
        row.Traits["UseCase"].ShouldBe(["find-a-patient"]);
        row.Traits["Obligation"].ShouldBe(["CORE-111"]);
        row.Traits["Feature"].ShouldBe(["Ticket 912"]);
        row.Traits["FeatureFile"].ShouldBe(["features/tickets/t912.feature"]);
    }

    [Fact]
    public void A_load_error_row_carries_the_file_as_its_feature_trait()
    {
        var row = ScenarioTestData.Rows(Catalog).Last();

        row.Traits["Feature"].ShouldBe(["features/broken.feature"]);
        row.Traits["Tag"].ShouldBe(["@feature-load-error"]);
    }

    [Fact]
    public async Task Running_a_load_error_row_fails_with_file_line_and_parser_message()
    {
        await using var runner = FeatureText.Runner(new Journal());
        var id = ScenarioTestData.LoadErrorId(Catalog.Errors.Single());

        var error = await Should.ThrowAsync<ScenarioFailedException>(() => ScenarioTestCase.RunAsync(Catalog, runner, id, TestContext.Current.CancellationToken));

        error.Message.ShouldStartWith("The feature file could not be parsed: features/broken.feature:4:3: expected:");
    }

    [Fact]
    public async Task Running_an_unknown_id_asks_for_rediscovery()
    {
        await using var runner = FeatureText.Runner(new Journal());

        var error = await Should.ThrowAsync<ScenarioFailedException>(() => ScenarioTestCase.RunAsync(Catalog, runner, "features/gone.feature:3", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("No scenario has the id 'features/gone.feature:3'");
    }

    [Fact]
    public async Task Running_a_scenario_row_maps_its_result()
    {
        await using var runner = FeatureText.Runner(new Journal());

        var error = await Should.ThrowAsync<ScenarioFailedException>(() => ScenarioTestCase.RunAsync(Catalog, runner, "features/tickets/t912.feature:4", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Undefined step 'Given x' (line 5)");
        error.Message.ShouldContain("Snippet for the undefined step:");
        error.Message.ShouldContain("[Given(@\"^x$\")]");
        error.Message.ShouldContain("public async Task GivenXAsync()");
    }
}
