using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// --parallel N (issue 17): the whole suite against the embedded provider run one scenario at a time and with 2 and 4 at
/// once gives the same outcome for every scenario, the same step statuses and the same evidence request lines (method, URL,
/// status), in the same order; only timings and the order scenarios ran in may differ.
/// </summary>
public sealed class ParallelRunTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-parallel-").FullName;

    private static string DefaultConfig => Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private async Task<(RunResult Run, string Console)> RunSuite(int parallel)
    {
        var reports = Path.Combine(_temp, $"p{parallel}");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandDispatcher.RunAsync(
            ["--config", DefaultConfig, "--reports", reports, "--no-compare", "--no-cucumber", "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            stdout, stderr);
        exit.ShouldBe(0, $"--parallel {parallel}: {stdout}\n{stderr}");
        var folder = Directory.GetDirectories(reports).ShouldHaveSingleItem();
        return (ResultsJson.Read(Path.Combine(folder, ResultsJson.FileName)), stdout.ToString());
    }

    // Identifiers that differ from run to run whatever the order: each run starts its own embedded provider on a free port,
    // and ids made up to be unknown are random (gpcc-unknown-<20 hex digits>).
    private static string PathOf(string url) => System.Text.RegularExpressions.Regex.Replace(
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url, "gpcc-unknown-[0-9a-f]{20}", "gpcc-unknown-<random>");

    private static IReadOnlyList<string> Outline(ScenarioResult s) =>
    [
        $"{s.Scenario.Id}: {s.Status}",
        .. s.Steps.Select(st => $"  step {st.Keyword} {st.Text}: {st.Status}"),
        .. s.Evidence.OfType<HttpExchangeEvidence>().Select(e => $"  {e.Method} {PathOf(e.Url)} -> {e.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? e.TransportError}"),
    ];

    [Fact]
    public async Task The_suite_run_with_2_and_4_scenarios_at_once_gives_the_sequential_results_and_evidence()
    {
        var (sequential, _) = await RunSuite(1);
        sequential.Scenarios.Count.ShouldBeGreaterThan(100);
        sequential.Metadata.ShouldContain(m => m.Key == "parallel" && m.Value == "1");
        var expected = sequential.Scenarios.SelectMany(Outline).ToList();

        foreach (var parallel in new[] { 2, 4 })
        {
            var (run, console) = await RunSuite(parallel);
            run.Metadata.ShouldContain(m => m.Key == "parallel" && m.Value == parallel.ToString(System.Globalization.CultureInfo.InvariantCulture));
            run.Scenarios.Select(s => s.Scenario.Id).ShouldBe(sequential.Scenarios.Select(s => s.Scenario.Id), "results are written in catalogue order");
            var actual = run.Scenarios.SelectMany(Outline).ToList();
            var firstDifference = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
            firstDifference.ShouldBe(-1, firstDifference < 0 ? "" :
                $"--parallel {parallel} differs from the sequential run at \"{actual[firstDifference]}\" (sequential: \"{expected[firstDifference]}\")");
            actual.Count.ShouldBe(expected.Count);
            console.ShouldContain("Totals:");
        }
    }
}
