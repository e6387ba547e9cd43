using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// Audit finding 2: an interrupted run (Ctrl+C / SIGTERM, also while a hung provider keeps a request open) exits non-zero
/// and keeps every result it had, marked incomplete.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-int-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private const string TwoScenarios = """
        @core
        Feature: Capability statement twice
          @CORE-111 @since-1.2.3
          Scenario: First request
            When the consumer requests the FHIR capability statement
            Then the response status should be 200

          @CORE-111 @since-1.2.3
          Scenario: Second request
            When the consumer requests the FHIR capability statement
            Then the response status should be 200
        """;

    [Fact]
    public async Task Interrupting_a_run_stuck_on_a_hung_provider_exits_non_zero_and_keeps_the_finished_scenarios()
    {
        using var provider = new HangingProvider();
        var features = Path.Combine(_temp, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "twice.feature"), TwoScenarios);
        var reports = Path.Combine(_temp, "reports");
        using var interruption = new RunInterruption { Grace = TimeSpan.FromSeconds(1) };
        _ = provider.Hung.ContinueWith(_ => interruption.Request("SIGTERM", RunInterruption.InterruptedBySigterm), TaskScheduler.Default);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var started = DateTime.UtcNow;
        var exit = await CommandDispatcher.RunAsync(
            ["--config", Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json"), "--features", features, "--reports", reports, "--no-compare",
             "--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl=http://127.0.0.1:{provider.Port}/A20047/STU3/1/gpconnect",
             "--set", "http:timeoutSeconds=120"],
            stdout, stderr, interruption);

        exit.ShouldBe(RunInterruption.InterruptedBySigterm, stdout + stderr.ToString());
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(60), "the run must not wait for the hung request's 120 s timeout");
        var folder = Directory.GetDirectories(reports).ShouldHaveSingleItem();
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = results.RootElement;
        root.GetProperty("complete").GetBoolean().ShouldBeFalse();
        var scenarios = root.GetProperty("scenarios").EnumerateArray().Select(s => s.ToString()).ToList();
        scenarios.ShouldContain(s => s.Contains("First request"), "the scenario that finished before the interruption is kept");
        root.ToString().ShouldContain("SIGTERM");
        File.Exists(Path.Combine(folder, "manifest.sha256")).ShouldBeTrue();
        stdout.ToString().ShouldContain("Interrupted");
    }

    [Fact]
    public async Task A_real_SIGTERM_to_the_command_line_process_exits_143_with_the_results_written()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("SIGTERM is sent with kill(1), which Windows does not have.");
        var cli = Path.Combine(AppContext.BaseDirectory, "gpconnect-conformance.dll");
        if (!File.Exists(cli)) Assert.Skip($"The command line binary is not beside the tests ({cli}).");
        using var provider = new HangingProvider();
        var features = Path.Combine(_temp, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "twice.feature"), TwoScenarios);
        var reports = Path.Combine(_temp, "reports");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.RequireRoot(),
        };
        foreach (var a in new[] { cli, "--config", Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json"), "--features", features,
                     "--reports", reports, "--no-compare", "--set", "provider:target=remote",
                     "--set", $"provider:fhirBaseUrl=http://127.0.0.1:{provider.Port}/A20047/STU3/1/gpconnect", "--set", "http:timeoutSeconds=120" })
            start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await provider.Hung.WaitAsync(TimeSpan.FromSeconds(90));
            System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        process.ExitCode.ShouldBe(RunInterruption.InterruptedBySigterm, await output + await errors);
        var folder = Directory.GetDirectories(reports).ShouldHaveSingleItem();
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        results.RootElement.GetProperty("complete").GetBoolean().ShouldBeFalse();
        results.RootElement.ToString().ShouldContain("First request");
    }

    [Fact]
    public void A_second_request_aborts_at_once_and_the_first_sets_the_exit_code()
    {
        using var interruption = new RunInterruption { Grace = TimeSpan.FromMinutes(10) };
        interruption.Request("SIGINT (Ctrl+C)");
        interruption.Stop.IsCancellationRequested.ShouldBeTrue();
        interruption.Abort.IsCancellationRequested.ShouldBeFalse();
        interruption.Request("SIGTERM", RunInterruption.InterruptedBySigterm);
        interruption.Abort.IsCancellationRequested.ShouldBeTrue();
        interruption.ExitCode.ShouldBe(RunInterruption.InterruptedBySigint);
    }

    /// <summary>Answers the first HTTP request with a 500, then accepts every later request and never answers it.</summary>
    private sealed class HangingProvider : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public HangingProvider()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Completes when a request is being held without an answer.</summary>
        public Task Hung => _hung.Task;

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = ServeAsync(client);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var buffer = new byte[65536];
            var seen = new StringBuilder();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var n = await stream.ReadAsync(buffer, _stop.Token);
                    if (n == 0) return;
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    while (seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                    {
                        seen.Remove(0, end + 4);
                        if (Interlocked.Increment(ref _requests) == 1)
                            await stream.WriteAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), _stop.Token);
                        else
                        {
                            _hung.TrySetResult();
                            await Task.Delay(Timeout.Infinite, _stop.Token);
                        }
                    }
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
            catch (IOException) { }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
