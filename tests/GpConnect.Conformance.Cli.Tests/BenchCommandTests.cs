using GpConnect.Conformance.Cli.Commands;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// <c>bench</c> prints the harness's own per-request overhead over a raw HTTP call for the same requests against the same
/// provider (figures, not a timed test: the target is reported, never asserted).
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_prints_the_harness_overhead_over_a_raw_call_for_each_measured_interaction()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await CommandDispatcher.RunAsync(["bench", "--seconds", "0.05", "--requests", "40"], stdout, stderr);

        exit.ShouldBe(CommandDispatcher.Ok, stdout + stderr.ToString());
        var text = stdout.ToString();
        text.ShouldContain("Harness overhead per request over a raw HTTP call");
        foreach (var interaction in new[] { "capability", "read-patient", "free-slots" })
            text.Split('\n').ShouldContain(line => line.TrimStart().StartsWith(interaction) && line.Contains("raw") && line.Contains("overhead"));
    }

    [Fact]
    public async Task A_bad_request_count_is_one_line_and_exit_code_2()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        (await CommandDispatcher.RunAsync(["bench", "--requests", "five"], stdout, stderr)).ShouldBe(CommandDispatcher.BadInput);
        stderr.ToString().ShouldContain("--requests");
    }
}
