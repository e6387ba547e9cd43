using System.Diagnostics;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Runner.Results;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// A run always ends, and soon (issue 12, item 7): against a standalone reference provider that stops answering, the run
/// gives up after run:unresponsiveAfterTimeouts timeouts in a row and reports every scenario not yet started as not run
/// (provider unresponsive) with the timed-out requests; against one that holds one request in seven, the time budget
/// stops it. Both end with exit code 3 and say so in the console, junit.xml, results.json and report.html.
/// </summary>
public sealed class RunEndsSoonTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-ends-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact(Timeout = 300_000)] // a hang guard: without the detection this run would take hours (each stalled request is held 40 s)
    public async Task A_provider_that_stops_answering_ends_the_run_after_the_timeouts_and_the_rest_is_not_run_with_the_evidence()
    {
        using var provider = NightlyRegressionTests.StartProvider(NightlyRegressionTests.FreePort(), ["--stall-after", "60", "--stall-seconds", "40"]);
        // 3-second timeouts: long enough that a loaded test machine does not time out the answered requests too.
        var (exit, stdout, folder, elapsed) = await Run(provider, "--set", "http:timeoutSeconds=3", "--set", "run:unresponsiveAfterTimeouts=3");

        exit.ShouldBe(CommandDispatcher.CutShort, stdout);
        stdout.ShouldContain("RUN CUT SHORT: ");
        stdout.ShouldContain("not run (provider unresponsive)");
        var timedOut = stdout.Split('\n').Where(l => l.Contains("timed out: no complete response within 3 s", StringComparison.Ordinal) && Regex.IsMatch(l, @"^\s+\d\d:\d\d:\d\dZ ")).ToList();
        timedOut.Count.ShouldBe(3, "the three timed-out requests are the evidence");
        // Bounded by the timeouts: three 3-second timeouts, not 40 s each for hundreds of requests.
        var duration = RunDuration(folder);
        duration.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"the run itself took {duration} (wall clock {elapsed})");
        // From the first timed-out request to the end of the run: about timeout × threshold (9 s), with room for a loaded machine.
        var firstTimeout = TimeOnly.ParseExact(Regex.Match(timedOut[0], @"(\d\d:\d\d:\d\d)Z").Groups[1].Value, "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var finished = TimeOnly.FromTimeSpan(Finished(folder).UtcDateTime.TimeOfDay);
        (finished - firstTimeout).ShouldBeLessThan(TimeSpan.FromSeconds(3 * 3 + 12), "after the provider stopped answering the run ended within the three timeouts");
        ReportsSay(folder, NotRun.ProviderUnresponsive);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_time_budget_stops_a_run_against_a_provider_that_holds_one_request_in_seven()
    {
        using var provider = NightlyRegressionTests.StartProvider(NightlyRegressionTests.FreePort(), ["--stall-every", "7", "--stall-seconds", "40"]);
        // 3-second timeouts, so that on a loaded machine only the held requests time out (never three in a row).
        var (exit, stdout, folder, _) = await Run(provider, "--set", "http:timeoutSeconds=3", "--time-budget", "0.2");

        exit.ShouldBe(CommandDispatcher.CutShort, stdout);
        stdout.ShouldContain("not run (time budget exhausted)");
        stdout.ShouldNotContain("not run (provider unresponsive)", customMessage: "one timeout in seven is never three in a row");
        stdout.ShouldContain("time budget exhausted after ");
        // The budget is 12 s; the scenario running when it ran out finishes (its held requests time out after 3 s each).
        RunDuration(folder).ShouldBeLessThan(TimeSpan.FromSeconds(45));
        ReportsSay(folder, NotRun.TimeBudgetExhausted);
    }

    private async Task<(int Exit, string Stdout, string Folder, TimeSpan Elapsed)> Run(NightlyRegressionTests.StandaloneProvider provider, params string[] extra)
    {
        var reports = Path.Combine(_temp, "reports");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var watch = Stopwatch.StartNew();
        var exit = await CommandDispatcher.RunAsync(["--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot}",
            "--reports", reports, "--no-compare", "--no-cucumber", .. extra], stdout, stderr);
        watch.Stop();
        var folder = Directory.GetDirectories(reports).Single(d => Path.GetFileName(d).StartsWith('2'));
        return (exit, stdout + stderr.ToString(), folder, watch.Elapsed);
    }

    private static TimeSpan RunDuration(string folder)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        return json.RootElement.GetProperty("finished").GetDateTimeOffset() - json.RootElement.GetProperty("started").GetDateTimeOffset();
    }

    private static DateTimeOffset Finished(string folder)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        return json.RootElement.GetProperty("finished").GetDateTimeOffset();
    }

    private static void ReportsSay(string folder, string reason)
    {
        var junit = File.ReadAllText(Path.Combine(folder, "junit.xml"));
        junit.ShouldContain($"<skipped message=\"{reason}");
        var results = File.ReadAllText(Path.Combine(folder, "results.json"));
        results.ShouldContain(reason);
        results.ShouldContain(NotRun.MetadataKey);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        html.ShouldContain("id=\"cut-short\"");
        html.ShouldContain(reason);
    }
}
