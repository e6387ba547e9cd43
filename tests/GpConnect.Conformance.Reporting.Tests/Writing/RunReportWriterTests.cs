using System.Xml.Linq;
using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Writing;

public class RunReportWriterTests
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> Metadata = SampleRuns.Full().Metadata;

    private static RunReportWriter Writer(int flushEvery = 2, WaiverSet? waivers = null, bool redact = true, ManualClock? clock = null) => new(new RunReportOptions
    {
        FlushEvery = flushEvery, FlushInterval = TimeSpan.FromDays(1), Waivers = waivers, Today = new DateOnly(2026, 11, 21), Redact = redact,
        Clock = clock ?? new ManualClock(SampleRuns.Start),
    });

    [Fact]
    public void Begin_writes_an_empty_report_marked_incomplete()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "20261121-170000");
        Writer().Begin(folder, Metadata, 7);

        var results = ResultsJson.Read(Path.Combine(folder, ResultsJson.FileName));
        results.Complete.ShouldBeFalse();
        results.Scenarios.ShouldBeEmpty();
        results.Metadata.ShouldContain(new KeyValuePair<string, string>("expectedScenarios", "7"));
        File.ReadAllText(Path.Combine(folder, "report.html")).ShouldContain("INCOMPLETE RUN");
        Should.NotThrow(() => XDocument.Load(Path.Combine(folder, "junit.xml")));
        EvidenceManifest.Verify(folder).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_run_killed_part_way_leaves_the_flushed_scenarios_marked_incomplete()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Full();
        var writer = Writer(flushEvery: 2);
        writer.Begin(temp.Path, Metadata, run.Scenarios.Count);
        foreach (var s in run.Scenarios.Take(5)) writer.OnScenarioFinished(s);
        // The process dies here: no Complete. Files hold the first 4 scenarios (two flushes of 2).

        var results = ResultsJson.Read(temp.File(ResultsJson.FileName));
        results.Complete.ShouldBeFalse();
        results.Scenarios.Select(s => s.Scenario.Id).ShouldBe(run.Scenarios.Take(4).Select(s => s.Scenario.Id));
        writer.Writes.ShouldBe(3);
        var html = File.ReadAllText(temp.File("report.html"));
        html.ShouldContain("INCOMPLETE RUN");
        html.ShouldContain("Provider unreachable");
        XDocument.Load(temp.File("junit.xml")).Descendants("testcase").Count().ShouldBe(4);
        EvidenceManifest.Verify(temp.Path).IsValid.ShouldBeTrue();
        Directory.GetFiles(temp.Path, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Complete_writes_the_final_report_with_waivers_redaction_and_manifest()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Full();
        var waivers = new WaiverSet([new Waiver(run.Scenarios[3].Scenario.Id, null, "Network in test lab", "Ops", new DateOnly(2026, 12, 1))]);
        var writer = Writer(waivers: waivers);
        writer.Begin(temp.Path, Metadata, run.Scenarios.Count);
        foreach (var s in run.Scenarios) writer.OnScenarioFinished(s);
        var report = writer.Complete(run);

        report.Run.Scenarios[3].Status.ShouldBe(ScenarioStatus.Waived);
        report.Context.AppliedWaivers.Count.ShouldBe(1);
        ExitCodePolicy.Evaluate(report.Run).ShouldBe(1); // one real failure and a feature load error remain

        var written = ResultsJson.Read(report.ResultsJsonPath);
        written.Complete.ShouldBeTrue();
        written.Scenarios.Count.ShouldBe(7);
        written.Scenarios[3].Status.ShouldBe(ScenarioStatus.Waived);
        foreach (var file in new[] { report.ResultsJsonPath, report.HtmlPath, report.JUnitPath })
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain(SampleRuns.PatientNhsNumber);
            text.ShouldNotContain(SampleRuns.PatientFamily);
        }
        File.ReadAllText(report.HtmlPath).ShouldNotContain("INCOMPLETE RUN");
        EvidenceManifest.Verify(report.Folder).IsValid.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => writer.OnScenarioFinished(run.Scenarios[0]));
    }

    [Fact]
    public void Placeholders_stay_the_same_from_the_first_flush_to_the_final_report()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Full();
        var writer = Writer(flushEvery: 1);
        writer.Begin(temp.Path, Metadata, 7);
        writer.OnScenarioFinished(run.Scenarios[0]);
        var early = ResultsJson.Read(temp.File(ResultsJson.FileName)).Scenarios[0];
        foreach (var s in run.Scenarios.Skip(1)) writer.OnScenarioFinished(s);
        var final = ResultsJson.Read(writer.Complete(run).ResultsJsonPath).Scenarios[0];

        var earlyUrl = early.Evidence.OfType<HttpExchangeEvidence>().Single().Url;
        earlyUrl.ShouldEndWith("|NHS-NUMBER-1");
        final.Evidence.OfType<HttpExchangeEvidence>().Single().Url.ShouldBe(earlyUrl);
    }

    [Fact]
    public void Redaction_can_be_turned_off()
    {
        using var temp = new TempFolder();
        var writer = Writer(redact: false);
        writer.Begin(temp.Path, Metadata, 1);
        var report = writer.Complete(SampleRuns.Full());
        File.ReadAllText(report.HtmlPath).ShouldContain(SampleRuns.PatientFamily);
    }

    [Fact]
    public void Complete_compares_with_the_baseline()
    {
        using var temp = new TempFolder();
        var run = SampleRuns.Full();
        var baseline = SampleRuns.WithStatuses((run.Scenarios[0].Scenario.Id, ScenarioStatus.Failed));
        var writer = new RunReportWriter(new RunReportOptions { Baseline = baseline, BaselineLabel = "20261120-170000" });
        writer.Begin(temp.Path, Metadata, 7);
        var report = writer.Complete(run);
        report.Comparison!.NewlyPassing.Single().Id.ShouldBe(run.Scenarios[0].Scenario.Id);
        File.ReadAllText(report.HtmlPath).ShouldContain("Compared with 20261120-170000");
    }

    [Fact]
    public void Flushes_by_count_by_interval_and_not_more_often_than_the_write_share_allows()
    {
        using var temp = new TempFolder();
        var clock = new ManualClock(SampleRuns.Start);
        var run = SampleRuns.Full();
        var writer = new RunReportWriter(new RunReportOptions { FlushEvery = 3, FlushInterval = TimeSpan.FromSeconds(3), Clock = clock });
        writer.Begin(temp.Path, Metadata, 7);
        writer.Writes.ShouldBe(1);
        writer.OnScenarioFinished(run.Scenarios[0]);
        writer.OnScenarioFinished(run.Scenarios[1]);
        writer.Writes.ShouldBe(1);
        clock.Advance(TimeSpan.FromSeconds(4));
        writer.OnScenarioFinished(run.Scenarios[2]); // interval passed
        writer.Writes.ShouldBe(2);
        writer.OnScenarioFinished(run.Scenarios[3]);
        writer.OnScenarioFinished(run.Scenarios[4]);
        writer.OnScenarioFinished(run.Scenarios[5]); // count reached
        writer.Writes.ShouldBe(3);
    }

    [Fact]
    public void Stays_on_the_last_snapshot_until_enough_run_time_has_passed_after_a_slow_write()
    {
        using var temp = new TempFolder();
        var clock = new ManualClock(SampleRuns.Start) { MeasuredSpan = TimeSpan.FromSeconds(10) };
        var run = SampleRuns.Full();
        var writer = new RunReportWriter(new RunReportOptions { FlushEvery = 1, MaxWriteShare = 0.5, Clock = clock });
        writer.Begin(temp.Path, Metadata, 7); // every write "takes" 10 s on this clock
        clock.Advance(TimeSpan.FromSeconds(5));
        writer.OnScenarioFinished(run.Scenarios[0]);
        writer.Writes.ShouldBe(1); // 5 s since a 10 s write is under the 50 % share
        clock.Advance(TimeSpan.FromSeconds(6));
        writer.OnScenarioFinished(run.Scenarios[1]);
        writer.Writes.ShouldBe(2);
    }

    [Fact]
    public void Calls_out_of_order_are_clear_errors()
    {
        var writer = Writer();
        Should.Throw<InvalidOperationException>(() => writer.OnScenarioFinished(SampleRuns.Full().Scenarios[0])).Message.ShouldBe("Call Begin first.");
        Should.Throw<ArgumentOutOfRangeException>(() => new RunReportWriter(new RunReportOptions { FlushEvery = 0 }));
    }

    [Fact]
    public void Run_folders_are_named_by_utc_timestamp_and_never_reused()
    {
        using var temp = new TempFolder();
        var at = new DateTimeOffset(2026, 11, 21, 18, 5, 9, TimeSpan.FromHours(1));
        var first = RunFolders.Create(temp.Path, at);
        Path.GetFileName(first).ShouldBe("20261121-170509");
        var second = RunFolders.Create(temp.Path, at);
        Path.GetFileName(second).ShouldBe("20261121-170509-2");
        RunFolders.IsRunFolderName("20261121-170509-2").ShouldBeTrue();
        RunFolders.IsRunFolderName("latest").ShouldBeFalse();

        ResultsJson.Write(SampleRuns.Full(), Path.Combine(first, ResultsJson.FileName));
        ResultsJson.Write(SampleRuns.Full(), Path.Combine(second, ResultsJson.FileName));
        RunFolders.FindPrevious(temp.Path).ShouldBe(second);
        RunFolders.FindPrevious(temp.Path, second).ShouldBe(first);
    }
}
