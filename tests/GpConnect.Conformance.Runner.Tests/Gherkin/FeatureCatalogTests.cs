using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Gherkin;

public class FeatureCatalogTests
{
    [Fact]
    public void A_scenario_becomes_a_definition_with_a_stable_id_tags_and_steps()
    {
        var scenario = FeatureText.Single("""
            # a comment the parser ignores
            @foundations @use-case-find-a-patient
            Feature: Find a patient
              Consumers search by NHS number.

              @CORE-111 @since-1.2.7
              Scenario: Search by NHS number
                Given a patient with NHS number "9690937278"
                When the consumer searches
                Then the response status is 200
            """);

        scenario.Info.Id.ShouldBe("features/test.feature:7");
        scenario.Info.FeatureFile.ShouldBe("features/test.feature");
        scenario.Info.FeatureName.ShouldBe("Find a patient");
        scenario.Info.FeatureDescription.ShouldBe("Consumers search by NHS number.");
        scenario.Info.Name.ShouldBe("Search by NHS number");
        scenario.Info.Line.ShouldBe(7);
        scenario.Info.ExampleRow.ShouldBeNull();
        scenario.Info.DisplayName.ShouldBe("Find a patient — Search by NHS number");
        scenario.Info.Tags.ShouldBe(["@foundations", "@use-case-find-a-patient", "@CORE-111", "@since-1.2.7"]);
        scenario.Steps.Select(s => (s.Keyword, s.Kind, s.Text, s.Line)).ShouldBe(
        [
            ("Given", StepKind.Given, "a patient with NHS number \"9690937278\"", 8),
            ("When", StepKind.When, "the consumer searches", 9),
            ("Then", StepKind.Then, "the response status is 200", 10),
        ]);
    }

    [Fact]
    public void Background_steps_come_first_in_every_scenario()
    {
        var catalog = FeatureText.Catalog("""
            Feature: F
              Background:
                Given the provider is reachable
                And the consumer is authorised

              Scenario: One
                When one thing
              Scenario: Two
                When another thing
            """);

        catalog.Scenarios.Count.ShouldBe(2);
        catalog.Scenarios.ShouldAllBe(s => s.Steps[0].Text == "the provider is reachable" && s.Steps[1].Text == "the consumer is authorised");
        catalog.Scenarios[0].Steps[1].Kind.ShouldBe(StepKind.Given);
        catalog.Scenarios[1].Steps.Select(s => s.Text).ShouldBe(["the provider is reachable", "the consumer is authorised", "another thing"]);
    }

    [Fact]
    public void Each_examples_row_of_an_outline_is_its_own_scenario_with_the_values_substituted()
    {
        var catalog = FeatureText.Catalog("""
            @feature-tag
            Feature: Outlines
              @outline-tag
              Scenario Outline: Read <resource>
                When I read a <resource> with id "<id>"
                Then the status is <status>

                @valid
                Examples: good
                  | resource | id | status |
                  | Patient  | 1  | 200    |
                  | Practitioner | 2 | 200 |

                @invalid
                Examples: bad
                  | resource | id | status |
                  | Patient  | x  | 404    |
            """);

        catalog.Errors.ShouldBeEmpty();
        catalog.Scenarios.Select(s => s.Info.Id).ShouldBe(
            ["features/test.feature:4:11", "features/test.feature:4:12", "features/test.feature:4:17"]);
        var first = catalog.Scenarios[0];
        first.Info.Name.ShouldBe("Read Patient");
        first.Info.Line.ShouldBe(4);
        first.Info.ExampleRow.ShouldBe("resource=Patient, id=1, status=200");
        first.Info.DisplayName.ShouldBe("Outlines — Read Patient [resource=Patient, id=1, status=200]");
        first.Info.Tags.ShouldBe(["@feature-tag", "@outline-tag", "@valid"]);
        first.Steps.Select(s => s.Text).ShouldBe(["I read a Patient with id \"1\"", "the status is 200"]);
        first.Steps.Select(s => s.Line).ShouldBe([5, 6]);
        catalog.Scenarios[2].Info.Tags.ShouldContain("@invalid");
        catalog.Scenarios[2].Info.Tags.ShouldNotContain("@valid");
        catalog.Scenarios[2].Steps[1].Text.ShouldBe("the status is 404");
    }

    [Fact]
    public void And_But_and_star_take_the_kind_of_the_step_before_them()
    {
        var scenario = FeatureText.Single("""
            Feature: F
              Scenario: S
                * a first step without a kind
                And another given
                When something happens
                But not something else
                Then a result
                And another result
                * yet another result
            """);

        scenario.Steps.Select(s => (s.Keyword, s.Kind)).ShouldBe(
        [
            ("*", StepKind.Given), ("And", StepKind.Given), ("When", StepKind.When), ("But", StepKind.When),
            ("Then", StepKind.Then), ("And", StepKind.Then), ("*", StepKind.Then),
        ]);
    }

    [Fact]
    public void Data_tables_and_doc_strings_become_step_arguments_with_outline_values_substituted()
    {
        var catalog = FeatureText.Catalog("""
            Feature: F
              Scenario Outline: S
                Given the identifiers
                  | system                         | value  |
                  | https://fhir.nhs.uk/Id/nhs-number | <nhs> |
                  | local                          | 42     |
                When the body is
                  ```json
                  { "nhs": "<nhs>" }
                  ```
                Then done

                Examples:
                  | nhs        |
                  | 9690937278 |
            """);

        var scenario = catalog.Scenarios.ShouldHaveSingleItem();
        var table = scenario.Steps[0].Table.ShouldNotBeNull();
        table.Header.ShouldBe(["system", "value"]);
        table.RowCount.ShouldBe(2);
        table.Rows[0]["value"].ShouldBe("9690937278");
        table.Rows[1]["system"].ShouldBe("local");
        scenario.Steps[0].DocString.ShouldBeNull();
        scenario.Steps[1].DocString.ShouldBe("{ \"nhs\": \"9690937278\" }");
        scenario.Steps[1].Table.ShouldBeNull();
        scenario.Steps[2].Table.ShouldBeNull();
        scenario.Steps[2].DocString.ShouldBeNull();
    }

    [Fact]
    public void A_broken_file_becomes_a_load_error_with_file_line_and_column_and_the_others_still_load()
    {
        var catalog = FeatureCatalog.FromSources(
            ("features/good.feature", "Feature: Good\n  Scenario: Fine\n    Given something\n"),
            ("features/bad.feature", "Feature: Bad\n  Scenario: Broken\n    Given something\n  this line is not gherkin\n"),
            ("features/table.feature", "Feature: Table\n  Scenario: T\n    Given rows\n      | a | b |\n      | 1 |\n"));

        catalog.Scenarios.Select(s => s.Info.Id).ShouldBe(["features/good.feature:2"]);
        catalog.Errors.Count.ShouldBe(2);
        var bad = catalog.Errors[0];
        (bad.File, bad.Line, bad.Column).ShouldBe(("features/bad.feature", 4, 3));
        bad.Message.ShouldStartWith("expected:");
        bad.Message.ShouldContain("got 'this line is not gherkin'");
        bad.ToString().ShouldStartWith("features/bad.feature:4:3: expected:");
        var table = catalog.Errors[1];
        (table.File, table.Line).ShouldBe(("features/table.feature", 5));
        table.Message.ShouldContain("inconsistent cell count");
    }

    [Fact]
    public void A_file_without_a_feature_line_is_reported()
    {
        var catalog = FeatureCatalog.FromSources(("features/empty.feature", "# nothing here yet\n"));

        catalog.Scenarios.ShouldBeEmpty();
        var error = catalog.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("features/empty.feature");
        error.Message.ShouldContain("no 'Feature:' line");
    }

    [Fact]
    public void Load_reads_every_feature_file_recursively_with_paths_relative_to_the_folders_parent()
    {
        var root = Directory.CreateTempSubdirectory("runner-catalog-");
        try
        {
            var features = Directory.CreateDirectory(Path.Combine(root.FullName, "features"));
            var tickets = Directory.CreateDirectory(Path.Combine(features.FullName, "tickets"));
            File.WriteAllText(Path.Combine(features.FullName, "a.feature"), "Feature: A\n  Scenario: One\n    Given x\n");
            File.WriteAllText(Path.Combine(tickets.FullName, "t912.feature"), "@ticket-912\nFeature: T\n\n  Scenario: Two\n    Given y\n");
            File.WriteAllText(Path.Combine(tickets.FullName, "broken.feature"), "Feature: B\n  Scenario: Three\n    Given z\n  nonsense\n");
            File.WriteAllText(Path.Combine(tickets.FullName, "notes.txt"), "not a feature");

            var catalog = FeatureCatalog.Load(features.FullName);

            catalog.Scenarios.Select(s => s.Info.Id).ShouldBe(["features/a.feature:2", "features/tickets/t912.feature:4"]);
            catalog.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("features/tickets/broken.feature:4:3:");
            catalog.Find("features/tickets/t912.feature:4").ShouldNotBeNull().Info.Tags.ShouldBe(["@ticket-912"]);
            catalog.Find("features/missing.feature:1").ShouldBeNull();
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_of_a_missing_directory_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-features-" + Guid.NewGuid().ToString("N"));

        var error = Should.Throw<DirectoryNotFoundException>(() => FeatureCatalog.Load(missing));

        error.Message.ShouldContain(missing);
    }

    [Fact]
    public void Filter_keeps_matching_scenarios_and_the_load_errors()
    {
        var catalog = FeatureCatalog.FromSources(
            ("features/a.feature", "@ticket-912\nFeature: A\n  Scenario: One\n    Given x\n  @wip\n  Scenario: Two\n    Given y\n"),
            ("features/b.feature", "Feature: B\n  Scenario: Three\n    Given z\n"),
            ("features/c.feature", "Feature: C\n  Scenario: Four\n    Given w\n  oops\n"));

        var filtered = catalog.Filter(TagExpression.Parse("@ticket-912 and not @wip"));

        filtered.Scenarios.Select(s => s.Info.Name).ShouldBe(["One"]);
        filtered.Errors.Count.ShouldBe(1);
        catalog.Filter(null).ShouldBeSameAs(catalog);
    }
}
