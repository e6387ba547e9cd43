using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.Conformance.Specs.Versions;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Versions;

/// <summary>The spec-version impact report over the suite's real feature files.</summary>
public sealed class VersionImpactTests
{
    private const string CapabilityFeature = "features/foundations/get-the-fhir-capability-statement.feature";
    private const string Gpc637 = "features/tickets/1.2.3/gpc-637-capability-statement-version.feature";
    private const string Gpc912 = "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature";
    private const string Note124 = "features/tickets/1.2.4/capability-statement-version-stays-1.2.3.feature";

    private static IReadOnlyList<ScenarioImpact> Impact(string from, string to) =>
        VersionImpact.Compare(SuiteUnderTest.Catalog.Scenarios, from, to);

    [Fact]
    public void From_1_2_3_to_1_2_7_the_capability_version_flips_with_its_ticket_and_the_1_2_7_tickets_start_applying()
    {
        if (!SuiteUnderTest.Includes(CapabilityFeature) || !SuiteUnderTest.Includes(Gpc912)) Assert.Skip("GPCC_SUITE_TAGS leaves out the features this test reads.");
        var impacts = Impact("1.2.3", "1.2.7");

        var flip = impacts.Where(i => i.Change == ImpactChange.ExpectationFlips).ShouldHaveSingleItem();
        flip.Scenario.FeatureFile.ShouldBe(CapabilityFeature);
        flip.Detail.ShouldBe("CapabilityStatement.version (value): 1.2.3 → 1.2.7");
        flip.Ticket.ShouldBe("#905 (was #637)");

        var stops = impacts.Where(i => i.Change == ImpactChange.StopsApplying).ShouldHaveSingleItem();
        stops.Scenario.FeatureFile.ShouldBe(Gpc637);
        stops.Ticket.ShouldBe("#637");

        var starts = impacts.Where(i => i.Change == ImpactChange.StartsApplying).ToList();
        starts.Where(i => i.Scenario.FeatureFile == Gpc912).ShouldNotBeEmpty();
        starts.Where(i => i.Scenario.FeatureFile == Gpc912).ShouldAllBe(i => i.Ticket == "#912");
        // Exactly the scenarios tagged @since-1.2.4 or @since-1.2.7 that are provider-testable and still apply to 1.2.7.
        var expected = SuiteUnderTest.Catalog.Scenarios.Select(s => s.Info)
            .Where(s => (s.Tags.Contains("@since-1.2.7") || s.Tags.Contains("@since-1.2.4")) && !s.Tags.Contains("@until-1.2.4") && !s.Tags.Contains("@not-provider-testable"))
            .Select(s => s.Id).ToList();
        starts.Select(i => i.Scenario.Id).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void Going_back_from_1_2_7_to_1_2_3_swaps_what_starts_and_stops_and_flips_the_value_back()
    {
        var forward = Impact("1.2.3", "1.2.7");
        var back = Impact("1.2.7", "1.2.3");

        back.Where(i => i.Change == ImpactChange.StopsApplying).Select(i => i.Scenario.Id)
            .ShouldBe(forward.Where(i => i.Change == ImpactChange.StartsApplying).Select(i => i.Scenario.Id), ignoreOrder: true);
        back.Where(i => i.Change == ImpactChange.StartsApplying).Select(i => i.Scenario.Id)
            .ShouldBe(forward.Where(i => i.Change == ImpactChange.StopsApplying).Select(i => i.Scenario.Id), ignoreOrder: true);
        back.Where(i => i.Change == ImpactChange.ExpectationFlips).ShouldAllBe(i => i.Detail.EndsWith("1.2.7 → 1.2.3") && i.Ticket == "#637 (was #905)");
    }

    [Fact]
    public void From_1_2_3_to_1_2_4_the_capability_version_does_not_flip_and_the_1_2_4_note_starts_applying()
    {
        if (!SuiteUnderTest.Includes(Note124)) Assert.Skip("GPCC_SUITE_TAGS leaves out the features this test reads.");
        var impacts = Impact("1.2.3", "1.2.4");

        impacts.ShouldNotContain(i => i.Change == ImpactChange.ExpectationFlips);
        impacts.ShouldContain(i => i.Change == ImpactChange.StartsApplying && i.Scenario.FeatureFile == Note124 && i.Ticket == "1.2.4 release notes");
        impacts.ShouldNotContain(i => i.Scenario.Tags.Contains("@since-1.2.7"));
    }

    [Fact]
    public void The_same_version_changes_nothing_and_an_unknown_version_is_refused()
    {
        Impact("1.2.7", "1.2.7").ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => Impact("1.2.3", "1.2.5")).Message.ShouldContain("\"1.2.5\" is not a GP Connect version the suite knows");
    }

    [Fact]
    public void The_run_expectations_read_the_capability_version_and_its_ticket_from_the_one_table()
    {
        foreach (var version in new[] { "1.2.3", "1.2.4", "1.2.7" })
        {
            var expectations = new SpecVersionExpectations(SuiteUnderTest.Settings(null, ("specVersion", version)));
            expectations.CapabilityVersion.ShouldBe(SpecVersionTable.CapabilityVersion.ValueFor(version));
            expectations.CapabilityVersionBasis.ShouldBe(SpecVersionTable.CapabilityVersion.TicketFor(version));
        }
    }

    [Fact]
    public void The_text_and_the_html_section_name_each_change_with_its_ticket()
    {
        var impacts = Impact("1.2.3", "1.2.7");
        var text = VersionImpact.Render(impacts, "1.2.3", "1.2.7", SuiteUnderTest.Catalog.Scenarios.Count);
        text.ShouldStartWith("Spec-version impact: GP Connect 1.2.3 → 1.2.7");
        text.ShouldContain("Expectation flips (1):");
        text.ShouldContain("CapabilityStatement.version (value): 1.2.3 → 1.2.7  [#905 (was #637)]");

        var run = new RunResult { Started = DateTimeOffset.UnixEpoch, Finished = DateTimeOffset.UnixEpoch, Scenarios = [] };
        var html = HtmlReportWriter.Render(run, new Reporting.ReportContext { VersionImpact = VersionImpact.ToReport(impacts, "1.2.3", "1.2.7") });
        html.ShouldContain("id=\"version-impact\"");
        html.ShouldContain("Spec version 1.2.3 → 1.2.7");
        html.ShouldContain("<td>Expectation flips</td>");
        html.ShouldContain("#905 (was #637)");
        HtmlReportWriter.Render(run, Reporting.ReportContext.Empty).ShouldNotContain("version-impact");
    }
}
