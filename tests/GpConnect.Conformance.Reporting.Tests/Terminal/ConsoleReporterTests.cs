using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Terminal;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Terminal;

public class ConsoleReporterTests
{
    [Fact]
    public void Summary_has_feature_and_ticket_tables_failures_and_totals()
    {
        var text = ConsoleSummaryWriter.Render(SampleRuns.Full());
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldContain("  Feature                 Passed  Warning  Failed  Skipped  N/A  Waived");
        lines.ShouldContain("  Search for free slots        1        0       2        0    0       0");
        lines.ShouldContain("  Ticket  Release  Status  Scenarios");
        lines.ShouldContain("  #912    1.2.7    Waived  1 waived, 1 skipped, 1 n/a");
        text.ShouldContain("Failures (2)");
        text.ShouldContain("features/appointments/search_for_free_slots.feature:20:1: Slot must have exactly one serviceType");
        text.ShouldContain("features/broken.feature:3:5: expected: #Feature");
        text.ShouldContain("Totals: 7 scenarios — 2 passed, 0 warning, 2 failed, 1 skipped, 1 n/a, 1 waived; 1 feature load errors (10.00 s)");
    }

    [Fact]
    public void Summary_shows_comparison_expired_waivers_and_incomplete()
    {
        var run = SampleRuns.Full() with { Complete = false };
        var previous = SampleRuns.WithStatuses((run.Scenarios[0].Scenario.Id, ScenarioStatus.Failed));
        var text = ConsoleSummaryWriter.Render(run, new ReportContext
        {
            Comparison = RunComparison.Compare(previous, run, "20261120-170000"),
            ExpiredWaivers = [new Waiver("a.feature:1", null, "old", "Ann", new DateOnly(2026, 1, 31))],
        });
        text.ShouldStartWith("INCOMPLETE RUN");
        text.ShouldContain("Compared with 20261120-170000: 3 newly failing, 1 newly passing, 0 newly warning, 0 still failing, 7 new, 0 removed");
        text.ShouldContain("newly passing: Find a patient — Find a patient by NHS number");
        text.ShouldContain("scenario a.feature:1: expired 2026-01-31 (owner Ann) — old");
    }

    [Fact]
    public void Non_terminal_progress_is_sparse()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgressReporter(output, interactive: false, totalScenarios: 100);
        var passed = SampleRuns.Full().Scenarios[0];
        var failed = SampleRuns.Full().Scenarios[1];
        for (int i = 0; i < 100; i++) progress.ScenarioFinished(i == 42 ? failed : passed);
        progress.Finish();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBeLessThanOrEqualTo(12);
        lines.ShouldContain(l => l.StartsWith("FAILED Search for free slots — Slots carry one service type"));
        lines.Last().ShouldBe("[100/100] 1 failed · Find a patient");
        output.ToString().ShouldNotContain("\r");
    }

    [Fact]
    public void Terminal_progress_rewrites_one_line()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgressReporter(output, interactive: true, totalScenarios: 3, width: 60);
        var run = SampleRuns.Full();
        progress.ScenarioStarted(run.Scenarios[0].Scenario);
        progress.ScenarioFinished(run.Scenarios[0]);
        progress.ScenarioFinished(run.Scenarios[1]);
        output.ToString().ShouldNotContain("\n");
        output.ToString().ShouldEndWith("\r\u001b[2K[2/3] 1 failed · Search for free slots");
        progress.Finish();
        output.ToString().ShouldEndWith("\r\u001b[2K");
    }
}

public class CutShortRunTests
{
    private static RunResult CutShort()
    {
        var run = SampleRuns.WithStatuses(("a", ScenarioStatus.Passed), ("b", ScenarioStatus.Skipped), ("c", ScenarioStatus.Skipped));
        var reason = NotRun.ProviderUnresponsive + ": 3 requests in a row timed out";
        return run with
        {
            Scenarios = [run.Scenarios[0], run.Scenarios[1] with { Message = reason }, run.Scenarios[2] with { Message = reason }],
            Metadata = [new(NotRun.MetadataKey, "provider unresponsive after 6 s: 3 requests in a row timed out\n21:34:37Z GET http://p/metadata (GetCapabilityStatement): timed out")],
        };
    }

    [Fact]
    public void The_console_says_the_run_was_cut_short_why_and_with_which_requests()
    {
        var text = ConsoleSummaryWriter.Render(CutShort());
        text.ShouldContain("RUN CUT SHORT: 2 not run (provider unresponsive)");
        text.ShouldContain("  21:34:37Z GET http://p/metadata");
        text.ShouldContain("; of the skipped, 2 not run (provider unresponsive)");
        ConsoleSummaryWriter.Render(SampleRuns.Full()).ShouldNotContain("CUT SHORT");
    }

    [Fact]
    public void The_html_report_and_junit_say_it_too()
    {
        var run = CutShort();
        var html = GpConnect.Conformance.Reporting.Html.HtmlReportWriter.Render(run);
        html.ShouldContain("<title>Cut short — GP Connect conformance report");
        html.ShouldContain("id=\"cut-short\"");
        html.ShouldContain("21:34:37Z GET http://p/metadata");
        using var stream = new MemoryStream();
        GpConnect.Conformance.Reporting.JUnit.JUnitWriter.Write(run, stream);
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldContain("<skipped message=\"Not run: provider unresponsive: 3 requests in a row timed out\"");
    }
}
