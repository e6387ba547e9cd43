using System.Text.Json;
using System.Xml.Linq;
using System.Xml.Schema;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.JUnit;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Terminal;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;
using Shouldly;

namespace GpConnect.Conformance.Reporting.Tests.Outcomes;

/// <summary>The warning outcome (passed, with a finding a person should read) in every report and gate.</summary>
public class WarningOutcomeTests
{
    private const string WarnedId = "features/core/response-times.feature:17";
    private static readonly CheckFailure Finding = new("response-time.target", null, "≤ 100 ms", "180 ms",
        "The fastest of 3 command answers took 180 ms: inside the 250 ms limit, but a command SHOULD be answered within 100 ms.");

    private static RunResult Run()
    {
        var full = SampleRuns.Full();
        var warned = SampleRuns.Result(SampleRuns.Info("features/core/response-times.feature", "Response times",
            "A booking is answered within the command time limit", 17, ["@use-case-response-times", "@CORE-130"]), ScenarioStatus.Warning) with
        { Warnings = [Finding] };
        return full with { Scenarios = [.. full.Scenarios, warned] };
    }

    [Fact]
    public void The_engine_rule_makes_a_passing_scenario_with_warnings_a_warning_and_leaves_other_statuses_alone()
    {
        ScenarioStatuses.Settle(ScenarioStatus.Passed, 1).ShouldBe(ScenarioStatus.Warning);
        ScenarioStatuses.Settle(ScenarioStatus.Passed, 0).ShouldBe(ScenarioStatus.Passed);
        ScenarioStatuses.Settle(ScenarioStatus.Failed, 2).ShouldBe(ScenarioStatus.Failed);
        ScenarioStatuses.Settle(ScenarioStatus.Skipped, 1).ShouldBe(ScenarioStatus.Skipped);
    }

    [Fact]
    public void Results_json_carries_the_warning_status_the_findings_and_a_warning_total_and_reads_back()
    {
        var json = ResultsJson.Serialize(Run());
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("totals").GetProperty("warning").GetInt32().ShouldBe(1);
        var scenario = doc.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("id").GetString() == WarnedId);
        scenario.GetProperty("status").GetString().ShouldBe("warning");
        scenario.GetProperty("warnings")[0].GetProperty("rule").GetString().ShouldBe("response-time.target");

        var back = ResultsJson.Deserialize(json).Scenarios.Single(s => s.Scenario.Id == WarnedId);
        back.Status.ShouldBe(ScenarioStatus.Warning);
        back.Warnings.ShouldHaveSingleItem().ShouldBe(Finding);
    }

    [Fact]
    public void A_version_1_results_file_without_warnings_still_reads()
    {
        var v1 = ResultsJson.Serialize(SampleRuns.Full()).Replace("\"schemaVersion\": 2", "\"schemaVersion\": 1");
        v1.ShouldContain("\"schemaVersion\": 1");
        ResultsJson.Deserialize(v1).Scenarios.ShouldAllBe(s => s.Warnings.Count == 0);
    }

    [Fact]
    public void Junit_shows_a_passed_testcase_carrying_the_finding_as_property_and_system_out_and_stays_schema_valid()
    {
        var doc = XDocument.Parse(JUnitWriter.ToXml(Run()));
        var testcase = doc.Descendants("testcase").Single(t => (string?)t.Attribute("line") == "17");
        testcase.Elements("failure").ShouldBeEmpty();
        testcase.Elements("skipped").ShouldBeEmpty();
        var properties = testcase.Element("properties")!.Elements("property").ToList();
        properties.ShouldContain(p => (string?)p.Attribute("name") == "outcome" && (string?)p.Attribute("value") == "warning");
        properties.ShouldContain(p => (string?)p.Attribute("name") == "warning" && ((string?)p.Attribute("value"))!.Contains("SHOULD be answered within 100 ms"));
        testcase.Element("system-out")!.Value.ShouldContain("WARNING [response-time.target]");
        var suite = testcase.Parent!;
        ((string?)suite.Attribute("failures")).ShouldBe("0");
        ((string?)suite.Attribute("skipped")).ShouldBe("0");

        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Formats", "junit.xsd"));
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Report_html_has_a_warning_colour_a_warning_filter_and_the_finding_when_opened()
    {
        var html = HtmlReportWriter.Render(Run());
        html.ShouldContain("--warn:");
        html.ShouldContain("<input type=\"checkbox\" name=\"status\" value=\"warning\" checked> Warning (1)");
        html.ShouldContain("class=\"scn st-warning\"");
        html.ShouldContain("<span class=\"badge b-warning\">Warning</span>");
        html.ShouldContain("Passed, with findings to read");
        html.ShouldContain("SHOULD be answered within 100 ms");
    }

    [Fact]
    public void Console_summary_counts_and_lists_warnings()
    {
        var text = ConsoleSummaryWriter.Render(Run());
        text.ShouldContain("Warnings: passed, with findings to read (1)");
        text.ShouldContain($"{WarnedId}: [response-time.target]");
        text.ShouldContain("2 passed, 1 warning, 2 failed");
    }

    [Fact]
    public void Comparison_names_scenarios_newly_warning_and_counts_failed_to_warning_as_newly_passing()
    {
        var before = SampleRuns.WithStatuses(("a:1", ScenarioStatus.Passed), ("b:1", ScenarioStatus.Failed), ("c:1", ScenarioStatus.Warning));
        var now = SampleRuns.WithStatuses(("a:1", ScenarioStatus.Warning), ("b:1", ScenarioStatus.Warning), ("c:1", ScenarioStatus.Warning), ("d:1", ScenarioStatus.Warning));
        var c = RunComparison.Compare(before, now);
        c.NewlyWarning.Select(e => e.Id).ShouldBe(["a:1", "d:1"]);
        c.NewlyPassing.Select(e => e.Id).ShouldBe(["b:1"]);
        c.NewlyFailing.ShouldBeEmpty();
        HtmlReportWriter.Render(now, new ReportContext { Comparison = c }).ShouldContain("Newly warning");
        ConsoleSummaryWriter.Render(now, new ReportContext { Comparison = c }).ShouldMatch(@"(?s).*newly warning: .*\(a:1\).*");
    }

    [Fact]
    public void Fail_on_warning_fails_the_gate_that_any_and_new_let_through_and_a_waiver_accepts_the_warning()
    {
        var run = SampleRuns.WithStatuses(("a:1", ScenarioStatus.Passed), ("b:1", ScenarioStatus.Warning));
        ExitCodePolicy.Evaluate(run, FailOn.Any).ShouldBe(ExitCodePolicy.Success);
        ExitCodePolicy.Evaluate(run, FailOn.New, RunComparison.Compare(run, run)).ShouldBe(ExitCodePolicy.Success);
        ExitCodePolicy.Evaluate(run, FailOn.Warning).ShouldBe(ExitCodePolicy.Failures);
        ExitCodePolicy.ParseFailOn("warning").ShouldBe(FailOn.Warning);

        var today = new DateOnly(2026, 11, 21);
        var waivers = new WaiverSet([new Waiver("b:1", null, "SHOULD target agreed with NHS", "assurance team", today)]);
        var outcome = waivers.Apply(run with { Scenarios = [run.Scenarios[0], run.Scenarios[1] with { Warnings = [Finding] }] }, today);
        outcome.Run.Scenarios[1].Status.ShouldBe(ScenarioStatus.Waived);
        outcome.Run.Scenarios[1].Message!.ShouldContain("Original failure: Warning: [response-time.target]");
        ExitCodePolicy.Evaluate(outcome.Run, FailOn.Warning).ShouldBe(ExitCodePolicy.Success);
    }

    [Fact]
    public void Status_texts_and_counts_know_the_warning()
    {
        StatusText.Token(ScenarioStatus.Warning).ShouldBe("warning");
        StatusText.Parse("warning").ShouldBe(ScenarioStatus.Warning);
        StatusText.FailuresFirstRank(ScenarioStatus.Warning).ShouldBeLessThan(StatusText.FailuresFirstRank(ScenarioStatus.Passed));
        var counts = StatusCounts.Of(Run().Scenarios);
        counts.Warning.ShouldBe(1);
        StatusCounts.Of([Run().Scenarios[0], Run().Scenarios[^1]]).Overall.ShouldBe(ScenarioStatus.Warning);
    }
}
