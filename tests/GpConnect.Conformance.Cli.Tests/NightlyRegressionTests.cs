using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Domain.Run;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// Nightly regression against a provider that keeps its state (issue 12): one standalone reference provider process per
/// mode (cancelled slots freed / kept busy), the whole suite five times back to back against it, every run without a
/// failure, and the data budget --check-data reports falling by exactly what the runs consumed. The first and the last
/// run are the whole suite (the last one reads the provider in its most used-up state); the three between run only the
/// scenarios that write (@writes), which use up exactly what a whole run does: each of them must report the same "Test data
/// this run used up" as --check-data declares for the whole suite, so a consuming scenario missing from @writes fails
/// here. The budget and ledger assertions are over all five runs. Also: the provider stops
/// within 5 s on SIGTERM, a port in use is one line and exit code 2, and cleanup cancels what the ledger says was left.
/// </summary>
public sealed class NightlyRegressionTests : IDisposable
{
    private const int Runs = 5;
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-nightly-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Five_runs_back_to_back_against_one_stateful_provider_are_all_green(bool cancelledSlotsStayBusy)
    {
        using var provider = StartProvider(FreePort(), cancelledSlotsStayBusy ? ["--cancelled-slots-stay-busy"] : []);
        var reports = Path.Combine(_temp, "reports");
        string[] target = ["--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot}", "--reports", reports];

        var before = await CheckData(target);
        for (var run = 1; run <= Runs; run++)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            string[] scope = run == 1 || run == Runs ? [] : ["--tags", "@writes"];
            var exit = await CommandDispatcher.RunAsync([.. target, "--no-compare", .. scope], stdout, stderr);
            var totals = stdout.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("Totals:", StringComparison.Ordinal));
            exit.ShouldBe(0, $"run {run} ({(cancelledSlotsStayBusy ? "slots kept busy" : "slots freed")}): {totals}\n{stdout}\n{stderr}");
            totals.ShouldNotBeNull().ShouldContain(" 0 failed");
            // Every passing scenario used up exactly what its @consumes-… tags declare, and the run as a whole what --check-data expects.
            stdout.ToString().ShouldNotContain("used up other than their @consumes", customMessage: stdout.ToString());
            stdout.ToString().ShouldContain($"Test data this run used up: {before.PerRun}");
        }
        var after = await CheckData(target);

        before.PerRun.ShouldStartWith("registrable patients 15,", customMessage: "the suite's declared registrations (the @consumes-registrable-patients tags of the scenarios that run)");
        (before.Registrable - after.Registrable).ShouldBe(Runs * before.Registrations, "each run registers what its scenarios declare, and --check-data sees exactly that many fewer");
        (before.LeftPractice - after.LeftPractice).ShouldBe(Runs, "each run re-registers one patient who left the practice, a different one each time (register.leftPractice pool)");
        var ledger = BookingLedger.Read(Path.Combine(reports, BookingLedger.FileName), []);
        BookingLedger.Outstanding(ledger, provider.ServiceRoot).ShouldBeEmpty("every booking was cancelled and read back as cancelled");
        ledger.Where(e => e.Event == BookingLedger.Booked).Sum(e => e.Slots!.Count).ShouldBe(Runs * before.Slots, "the runs booked the slots their scenarios declare");
        if (cancelledSlotsStayBusy)
        {
            (before.FreeSlots - after.FreeSlots).ShouldBe(Runs * before.Slots, "with slots kept busy, the free slots fall by exactly the slots the runs declare and booked");
            after.RunsSupported.ShouldBe(Math.Min(after.FreeSlots / before.Slots, Math.Min(after.Registrable / before.Registrations, after.LeftPractice)),
                "cancelled slots never came back: the free slots count, beside the registrable and left-practice pools");
        }
        else
        {
            // Every slot a run books comes back when teardown cancels it; the only change is the slots of the two seeded
            // appointments the cancel scenarios cancel (testData:appointments:booked*:cancelId), freed by the first run.
            (after.FreeSlots - before.FreeSlots).ShouldBeInRange(0, 2, "with cancelled slots freed, the runs give back every slot they booked");
            after.RunsSupported.ShouldBe(Math.Min(after.Registrable / before.Registrations, after.LeftPractice),
                "cancelled slots were seen to come back: the registrable and left-practice pools bound the runs left");
        }
    }

    [Fact]
    public async Task Cleanup_cancels_what_an_interrupted_run_left_in_the_ledger()
    {
        using var provider = StartProvider(FreePort(), []);
        var reports = Path.Combine(_temp, "reports");
        string[] target = ["--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot}", "--reports", reports];
        // One run records its bookings; then pretend a run was killed after booking: the ledger says booked, nothing cancelled it.
        (await CommandDispatcher.RunAsync([.. target, "--no-compare", "--tags", "@APT-116"], new StringWriter(), new StringWriter())).ShouldBe(0);
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        var booked = BookingLedger.Read(ledgerFile, []).First(e => e.Event == BookingLedger.Booked);
        var lines = File.ReadAllLines(ledgerFile).Where(l => !l.Contains("\"cancelled\"", StringComparison.Ordinal)).ToArray();
        File.WriteAllLines(ledgerFile, lines);
        // Re-book it for real so there is something to cancel: the recorded appointment id was cancelled by teardown, so cleanup finds it already cancelled.
        var stdout = new StringWriter();
        (await CommandDispatcher.RunAsync(["cleanup", .. target], stdout, new StringWriter())).ShouldBe(0, stdout.ToString());
        stdout.ToString().ShouldContain($"Appointment/{booked.AppointmentId}");
        BookingLedger.Outstanding(BookingLedger.Read(ledgerFile, []), provider.ServiceRoot).ShouldBeEmpty();
        stdout = new StringWriter();
        (await CommandDispatcher.RunAsync(["cleanup", .. target], stdout, new StringWriter())).ShouldBe(0);
        stdout.ToString().ShouldContain("Nothing to clean up");
    }

    [Fact]
    public async Task The_standalone_provider_stops_within_five_seconds_on_sigterm_and_a_port_in_use_is_one_line_and_exit_2()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("SIGTERM is a POSIX signal.");
        var port = FreePort();
        using var provider = StartProvider(port, []);
        using var second = Process.Start(ProviderStart(port, []))!;
        (await second.StandardError.ReadToEndAsync()).Trim().Split('\n').ShouldHaveSingleItem().ShouldContain($"{port}");
        await second.WaitForExitAsync();
        second.ExitCode.ShouldBe(2);

        var watch = Stopwatch.StartNew();
        Process.Start("kill", ["-TERM", provider.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        provider.Process.WaitForExit(5000).ShouldBeTrue("the provider must stop within 5 s of SIGTERM");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        provider.Process.ExitCode.ShouldBe(0);
    }

    private async Task<(int Registrable, int FreeSlots, string PerRun, int Registrations, int Slots, int? RunsSupported, int LeftPractice)> CheckData(string[] target)
    {
        var stdout = new StringWriter();
        await CommandDispatcher.RunAsync([.. target, "--check-data", "--warn-below-runs", "0"], stdout, new StringWriter());
        var text = stdout.ToString();
        var registrable = Regex.Match(text, @"registrable NHS numbers left \(testData:register:onPds:nhsNumbers\): (\d+) of");
        var free = Regex.Match(text, @"free slots offered to \w+: (\d+)");
        registrable.Success.ShouldBeTrue(text);
        free.Success.ShouldBeTrue(text);
        var perRun = Regex.Match(text, @"a run uses up, as the scenarios that would run declare \(@consumes-… tags\): (registrable patients (\d+), left-practice patients \d+, free slots (\d+))");
        perRun.Success.ShouldBeTrue(text);
        var runs = Regex.Match(text, @"Runs the data still supports: (\d+)");
        var leftPractice = Regex.Match(text, @"not re-registered yet \(testData:register:leftPractice:nhsNumbers\): (\d+) of");
        leftPractice.Success.ShouldBeTrue(text);
        return (int.Parse(registrable.Groups[1].Value), int.Parse(free.Groups[1].Value), perRun.Groups[1].Value, int.Parse(perRun.Groups[2].Value),
            int.Parse(perRun.Groups[3].Value), runs.Success ? int.Parse(runs.Groups[1].Value) : null, int.Parse(leftPractice.Groups[1].Value));
    }

    internal static ProcessStartInfo ProviderStart(int port, string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "GpConnect.ReferenceProvider.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]) start.ArgumentList.Add(arg);
        return start;
    }

    internal static StandaloneProvider StartProvider(int port, string[] extra)
    {
        var process = Process.Start(ProviderStart(port, extra))!;
        var first = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException(process.StandardError.ReadToEnd());
        var root = Regex.Match(first, @"serving (\S+)").Groups[1].Value;
        return new StandaloneProvider(process, root);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record StandaloneProvider(Process Process, string ServiceRoot) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill();
            Process.Dispose();
        }
    }
}
