using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Outcomes;

public class RunHistoryTests
{
    private static void Write(string root, string folder, RunResult run)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        ResultsJson.Write(run, Path.Combine(root, folder, ResultsJson.FileName));
    }

    [Fact]
    public void Trend_reads_the_earlier_runs_totals_oldest_first_up_to_the_limit()
    {
        using var temp = new TempFolder();
        Write(temp.Path, "20261118-170000", SampleRuns.WithStatuses(("a", ScenarioStatus.Passed)));
        Write(temp.Path, "20261119-170000", SampleRuns.WithStatuses(("a", ScenarioStatus.Failed), ("b", ScenarioStatus.Passed)));
        Write(temp.Path, "20261120-170000", SampleRuns.Full());
        Write(temp.Path, "20261120-170000-2", SampleRuns.Full() with { Complete = false });
        Directory.CreateDirectory(Path.Combine(temp.Path, "20261120-180000"));
        File.WriteAllText(Path.Combine(temp.Path, "20261120-180000", ResultsJson.FileName), "{ not json");
        Write(temp.Path, "20261121-170000", SampleRuns.Full()); // the current run: never part of its own trend
        Write(temp.Path, "not-a-run", SampleRuns.Full());

        var points = RunHistory.Load(temp.Path, Path.Combine(temp.Path, "20261121-170000"), max: 3);

        points.Select(p => p.Label).ShouldBe(["20261119-170000", "20261120-170000", "20261120-170000-2"]);
        (points[0].Passed, points[0].Failed).ShouldBe((1, 1));
        (points[1].Passed, points[1].Failed, points[1].Skipped, points[1].NotApplicable, points[1].Waived, points[1].FeatureErrors).ShouldBe((2, 2, 1, 1, 1, 1));
        points[1].Warnings.ShouldBe(0);
        points[1].Started.ShouldBe(SampleRuns.Start);
        points[2].Complete.ShouldBeFalse();
        RunHistory.Load(temp.Path, null, max: 10).Count.ShouldBe(5, "the unreadable results.json is left out, not fatal");
        RunHistory.Load(temp.Path, null, max: 0).ShouldBeEmpty();
    }

    [Fact]
    public void Totals_after_a_large_header_are_still_read()
    {
        using var temp = new TempFolder();
        var big = SampleRuns.Full() with { Metadata = [new("config", new string('x', 3 * 1024 * 1024))] };
        Write(temp.Path, "20261120-170000", big);
        var point = RunHistory.Load(temp.Path, null, 5).ShouldHaveSingleItem();
        (point.Passed, point.Failed).ShouldBe((2, 2));
    }

    [Fact]
    public void Run_writer_puts_the_earlier_runs_beside_its_folder_into_the_report()
    {
        using var temp = new TempFolder();
        Write(temp.Path, "20261120-170000", SampleRuns.WithStatuses(("a", ScenarioStatus.Failed), ("b", ScenarioStatus.Failed), ("c", ScenarioStatus.Passed)));
        var writer = new GpConnect.Conformance.Reporting.Writing.RunReportWriter(new() { Redact = false });
        writer.Begin(Path.Combine(temp.Path, "20261121-170000"), [], 1);
        var report = writer.Complete(SampleRuns.Full());
        report.Context.History.Select(p => (p.Label, p.Failed)).ShouldBe([("20261120-170000", 2)]);
        File.ReadAllText(report.HtmlPath).ShouldContain("20261120-170000 (2026-11-21 17:00 UTC): 1 passed, 0 with warnings, 2 failed");
    }
}
