using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Cli.Load;
using GpConnect.Conformance.Specs.Domain.Run;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// The bounded load mode: it drives the read-only interactions against the embedded provider for a few seconds, stops by
/// itself, caps requests per second, reports per interaction with verdicts against the specification's limits (console,
/// load.json, load.html with an inline SVG chart), measures what the provider really takes, and refuses what it must.
/// </summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-load-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static string DefaultConfig => Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private Task<int> Load(params string[] args) =>
        CommandDispatcher.RunAsync(["load", "--config", DefaultConfig, "--reports", Path.Combine(_temp, "reports"), .. args], _out, _err);

    private LoadRun ReadRun(out string html)
    {
        var folder = Directory.GetDirectories(Path.Combine(_temp, "reports")).ShouldHaveSingleItem();
        html = File.ReadAllText(Path.Combine(folder, LoadCommand.HtmlFile));
        return LoadRun.FromJson(File.ReadAllText(Path.Combine(folder, LoadCommand.JsonFile)));
    }

    [Fact]
    public async Task A_short_run_against_the_embedded_provider_drives_every_read_interaction_and_writes_its_page()
    {
        var clock = Stopwatch.StartNew();
        var exit = await Load("--consumers", "3", "--duration", "2", "--rps", "60");
        clock.Stop();

        exit.ShouldBe(0, _out + _err.ToString());
        var run = ReadRun(out var html);
        run.Interactions.Select(i => i.Interaction).ShouldBe(LoadInteractions.ReadOnly.Select(i => i.Name));
        foreach (var i in run.Interactions)
        {
            i.Requests.ShouldBeGreaterThan(0, i.Interaction);
            i.Errors.ShouldBe(0, $"{i.Interaction}: {string.Join("; ", i.ErrorExamples)}");
            i.P50Ms.ShouldNotBeNull();
            (i.P50Ms <= i.P95Ms && i.P95Ms <= i.P99Ms && i.P99Ms <= i.MaxMs).ShouldBeTrue(i.Interaction);
            (i.ShouldMs, i.ShallMs).ShouldBe((1000d, 3000d));
        }
        run.Samples.Count.ShouldBe(run.Requests);
        // Capped: 60 requests per second over all consumers, for at most 2 s (the pacer allows one request at time 0).
        run.Requests.ShouldBeLessThanOrEqualTo(121);
        // Stops at its deadline (2 s) by itself; the margin covers a loaded test machine, not a run that goes on.
        run.ElapsedSeconds.ShouldBeLessThan(5);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the whole command, provider start included, stops by itself");

        _out.ToString().ShouldContain("free-slots");
        _out.ToString().ShouldContain("meets SHALL");
        html.ShouldContain("<svg");
        html.ShouldContain("query SHALL 3000 ms");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("href=\"http");
    }

    [Fact]
    public async Task Latency_is_what_the_provider_takes_a_slow_provider_shows_in_its_interaction_only()
    {
        var exit = await Load("--consumers", "2", "--duration", "2", "--rps", "40", "--interactions", "capability,read-patient",
            "--set", "provider:embedded:faults:0=slow-capability-statement");

        exit.ShouldBe(0, _out + _err.ToString());
        var run = ReadRun(out _);
        var capability = run.Interactions.Single(i => i.Interaction == "capability");
        var patient = run.Interactions.Single(i => i.Interaction == "read-patient");
        capability.P50Ms!.Value.ShouldBeGreaterThanOrEqualTo(500, "the fault answers the capability statement after 500 ms");
        patient.P50Ms!.Value.ShouldBeLessThan(500);
    }

    [Fact]
    public void Verdicts_follow_the_specifications_limits_for_each_response()
    {
        var query = LoadInteractions.Find("capability")!;
        var plan = new LoadPlan([query], 1, TimeSpan.FromSeconds(1), 10);
        LoadVerdict VerdictOf(params LoadSample[] samples) =>
            LoadRun.Summarise(plan, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), samples, 0).Interactions.Single().Verdict;
        LoadSample Ok(double ms) => new(0, "capability", ms, 200, null);

        VerdictOf(Ok(5), Ok(999)).ShouldBe(LoadVerdict.Pass);
        VerdictOf(Ok(5), Ok(1000)).ShouldBe(LoadVerdict.ShouldMissed);
        VerdictOf(Ok(5), Ok(3000)).ShouldBe(LoadVerdict.Fail);
        VerdictOf(Ok(5), new LoadSample(0, "capability", 3, 500, "HTTP 500 (expected 200)")).ShouldBe(LoadVerdict.Fail);
        VerdictOf().ShouldBe(LoadVerdict.NoData);
        ResponseTimeLimits.Command.ShouldBe(new ResponseTimeLimits(250, 100));

        LoadRun.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50).ShouldBe(5);
        LoadRun.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95).ShouldBe(10);
        LoadRun.Percentile([7], 99).ShouldBe(7);
    }

    [Fact]
    public void The_pacer_spaces_requests_evenly_and_never_bursts_to_catch_up()
    {
        var pacer = new RequestPacer(10);
        var interval = Stopwatch.Frequency / 10;
        var first = pacer.Reserve(1000);
        pacer.Reserve(1000).ShouldBe(first + interval);
        pacer.Reserve(1000).ShouldBe(first + 2 * interval);
        var later = first + 100 * interval;
        pacer.Reserve(later).ShouldBe(later, "idle time is not saved up");
        pacer.Reserve(later).ShouldBe(later + interval);
    }

    [Fact]
    public async Task A_remote_provider_is_refused_unless_load_target_names_it()
    {
        var config = RemoteConfig(UnusedPort());

        (await CommandDispatcher.RunAsync(["load", "--config", config, "--duration", "1"], _out, _err)).ShouldBe(CommandDispatcher.BadInput);
        _err.ToString().ShouldContain("load:target is not set");
        _err.ToString().ShouldContain(config);

        (await CommandDispatcher.RunAsync(["load", "--config", config, "--duration", "1", "--set", "load:target=https://other.example/X/STU3/1/gpconnect"], _out, _err))
            .ShouldBe(CommandDispatcher.BadInput);
        _err.ToString().ShouldContain("is not provider:fhirBaseUrl");
    }

    [Fact]
    public async Task A_named_remote_provider_is_driven_and_an_unreachable_one_is_a_failed_run_with_the_errors_not_a_crash()
    {
        var port = UnusedPort();
        var config = RemoteConfig(port);

        var exit = await CommandDispatcher.RunAsync(["load", "--config", config, "--duration", "1", "--consumers", "2", "--rps", "5", "--interactions", "capability",
            "--reports", Path.Combine(_temp, "reports"), "--set", $"load:target=http://127.0.0.1:{port}/A20047/STU3/1/gpconnect", "--set", "http:timeoutSeconds=2"], _out, _err);

        exit.ShouldBe(CommandDispatcher.Failures, _out + _err.ToString());
        var run = ReadRun(out _);
        var capability = run.Interactions.ShouldHaveSingleItem();
        capability.Verdict.ShouldBe(LoadVerdict.Fail);
        capability.Errors.ShouldBe(capability.Requests);
        capability.ErrorExamples.ShouldContain(e => e.Contains("connection refused"));
    }

    [Theory]
    [InlineData("--consumers", "0", "--consumers takes")]
    [InlineData("--duration", "-1", "--duration takes")]
    [InlineData("--rps", "0", "--rps takes")]
    [InlineData("--interactions", "book-appointment", "is a write")]
    [InlineData("--interactions", "teleport", "no interaction \"teleport\"")]
    [InlineData("--set", "load:maxRequestsPerSecond=lots", "load:maxRequestsPerSecond must be")]
    public async Task Bad_input_is_one_clear_line_and_exit_code_2(string option, string value, string message)
    {
        (await Load(option, value)).ShouldBe(CommandDispatcher.BadInput);
        _err.ToString().ShouldContain(message);
        _err.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Missing_test_data_leaves_an_interaction_out_or_when_it_is_named_stops_with_the_key()
    {
        (await Load("--interactions", "read-location", "--set", "testData:locations:mainSurgery:logicalId=")).ShouldBe(CommandDispatcher.BadInput);
        _err.ToString().ShouldContain("testData:locations:mainSurgery:logicalId");
    }

    private string RemoteConfig(int port)
    {
        var json = File.ReadAllText(DefaultConfig)
            .Replace("\"target\": \"embedded\"", "\"target\": \"remote\"")
            .Replace("\"fhirBaseUrl\": \"\"", $"\"fhirBaseUrl\": \"http://127.0.0.1:{port}/A20047/STU3/1/gpconnect\"");
        json.ShouldContain("\"target\": \"remote\"");
        var path = Path.Combine(_temp, "remote.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Writes_are_refused_in_one_line_unless_the_provider_allows_them()
    {
        var exit = await Load("--writes", "--set", "provider:allowWrites=false", "--duration", "1");

        exit.ShouldBe(2);
        var lines = _err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("Load refused: --writes");
        lines[0].ShouldContain("provider:allowWrites is false");
        Directory.Exists(Path.Combine(_temp, "reports")).ShouldBeFalse("nothing ran");
    }

    [Fact]
    public async Task A_short_write_run_books_and_cancels_at_once_as_commands_under_the_cap()
    {
        var exit = await Load("--writes", "--interactions", "capability", "--consumers", "2", "--duration", "2", "--rps", "40");

        // On a loaded machine a command may miss its 250 ms SHALL limit (exit 1); what matters here is that it ran cleanly.
        exit.ShouldBeOneOf([0, 1], _out + _err.ToString());
        _err.ToString().ShouldNotContain("NOT cancelled");
        var run = ReadRun(out _);
        run.Interactions.Select(i => i.Interaction).ShouldBe(["capability", "book-appointment", "cancel-appointment"]);
        var book = run.Interactions[1];
        var cancel = run.Interactions[2];
        foreach (var write in new[] { book, cancel })
        {
            write.Kind.ShouldBe("command");
            (write.ShouldMs, write.ShallMs).ShouldBe((100d, 250d));
            write.Requests.ShouldBeGreaterThan(0, write.Interaction);
            write.Errors.ShouldBe(0, $"{write.Interaction}: {string.Join("; ", write.ErrorExamples)}");
        }
        cancel.Requests.ShouldBe(book.Requests, "every booking is cancelled at once");
        run.Samples.Count.ShouldBe(run.Requests);
        // Every request, writes included, counts against the cap (40/s for at most 2 s; cancels may finish just after).
        run.Requests.ShouldBeLessThanOrEqualTo(83);

        // Every booking and its confirmed cancellation are in the reports folder's bookings ledger, where `cleanup` looks.
        var ledgerFile = Path.Combine(_temp, "reports", BookingLedger.FileName);
        var entries = BookingLedger.Read(ledgerFile, []);
        entries.Count(e => e.Event == BookingLedger.Booked).ShouldBe(book.Requests);
        entries.Count(e => e.Event == BookingLedger.Cancelled).ShouldBe(book.Requests);
        entries.ShouldAllBe(e => e.Run!.StartsWith("load-"));
        entries.Where(e => e.Event == BookingLedger.Booked).ShouldAllBe(e => e.Scenario == LoadWrites.LedgerScenario && e.Slots!.Single().StartsWith("Slot/"));
        BookingLedger.Outstanding(entries, entries[0].ServiceRoot).ShouldBeEmpty();
        run.Bookings.ShouldNotBeNull();
        (run.Bookings.Booked, run.Bookings.Cancelled, run.Bookings.Outstanding).ShouldBe((book.Requests, book.Requests, 0));
        run.Bookings.Ledger.ShouldBe(ledgerFile);
        _out.ToString().ShouldContain($"Bookings: {book.Requests} made, {book.Requests} cancelled (confirmed by the provider), 0 outstanding; ledger {ledgerFile}");
        _out.ToString().ShouldNotContain("OUTSTANDING:", Case.Sensitive);
    }

    [Fact]
    public async Task Bookings_whose_cancellation_fails_stay_outstanding_in_the_ledger_and_cleanup_cancels_them_afterwards()
    {
        // A standalone provider keeps its bookings between commands; cancel-fails-once fails the first cancellation of each.
        using var provider = NightlyRegressionTests.StartProvider(NightlyRegressionTests.FreePort(), ["--fault", "cancel-fails-once"]);
        var reports = Path.Combine(_temp, "reports");
        string[] target = ["--config", DefaultConfig, "--reports", reports, "--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot}"];

        var exit = await CommandDispatcher.RunAsync(["load", .. target, "--set", $"load:target={provider.ServiceRoot}",
            "--writes", "--interactions", "capability", "--consumers", "1", "--duration", "1.5", "--rps", "10"], _out, _err);

        exit.ShouldBe(CommandDispatcher.Failures, _out + _err.ToString());
        var run = ReadRun(out var html);
        var bookings = run.Bookings.ShouldNotBeNull();
        bookings.Booked.ShouldBeGreaterThan(0);
        (bookings.Cancelled, bookings.Outstanding).ShouldBe((0, bookings.Booked), "every first cancellation failed");
        bookings.NotCancelled.ShouldAllBe(line => line.Contains("cancel answered HTTP 500"));
        bookings.CleanupCommand.ShouldBe($"./run-tests.sh cleanup --config {DefaultConfig} --reports {reports}");
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        var outstanding = BookingLedger.Outstanding(BookingLedger.Read(ledgerFile, []), provider.ServiceRoot);
        outstanding.Count.ShouldBe(bookings.Booked);
        _out.ToString().ShouldContain($"OUTSTANDING: {bookings.Booked} booking(s)");
        _out.ToString().ShouldContain("cancel them with: ./run-tests.sh cleanup");
        _err.ToString().ShouldContain($"[load] {bookings.Booked} booking(s) NOT cancelled, left outstanding in {ledgerFile}");
        html.ShouldContain($"{bookings.Booked} outstanding");
        html.ShouldContain("./run-tests.sh cleanup");

        // The provider has recovered (its transient failure is over for these appointments): cleanup cancels every one.
        var stdout = new StringWriter();
        (await CommandDispatcher.RunAsync(["cleanup", .. target], stdout, new StringWriter())).ShouldBe(0, stdout.ToString());
        foreach (var entry in outstanding) stdout.ToString().ShouldContain($"Appointment/{entry.AppointmentId} (run {entry.Run}, {LoadWrites.LedgerScenario}): cancelled");
        BookingLedger.Outstanding(BookingLedger.Read(ledgerFile, []), provider.ServiceRoot).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sigterm_during_a_write_run_stops_promptly_cancels_what_it_booked_and_exits_143()
    {
        var reports = Path.Combine(_temp, "reports");
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        using var interruption = LoadCommand.NewInterruption();
        // Stop once the first booking is in the ledger: the load is then well under way, with write cycles in flight.
        _ = Task.Run(async () =>
        {
            for (var waited = 0; waited < 600 && !File.Exists(ledgerFile); waited++) await Task.Delay(50);
            interruption.Request("SIGTERM", RunInterruption.InterruptedBySigterm, _err);
        });

        var clock = Stopwatch.StartNew();
        var exit = await CommandDispatcher.RunAsync(["load", "--config", DefaultConfig, "--reports", reports,
            "--writes", "--interactions", "capability", "--consumers", "2", "--duration", "120", "--rps", "20"], _out, _err, interruption);
        clock.Stop();

        exit.ShouldBe(RunInterruption.InterruptedBySigterm, _out + _err.ToString());
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "it stops at the signal, not after the 120 s duration");
        var run = ReadRun(out var html);
        run.Interrupted.ShouldBe("SIGTERM");
        html.ShouldContain("Interrupted (SIGTERM)");
        _out.ToString().ShouldContain("Interrupted (SIGTERM)");
        _err.ToString().ShouldContain("SIGTERM: stopping the load");
        var bookings = run.Bookings.ShouldNotBeNull();
        bookings.Booked.ShouldBeGreaterThan(0);
        bookings.Outstanding.ShouldBe(0, "the write cycles in flight finished their cancellation within the grace");
        var entries = BookingLedger.Read(ledgerFile, []);
        entries.Count(e => e.Event == BookingLedger.Booked).ShouldBe(bookings.Booked);
        BookingLedger.Outstanding(entries, entries[0].ServiceRoot).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_real_SIGTERM_to_a_write_load_exits_143_with_its_bookings_cancelled_and_its_report_written()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("SIGTERM is sent with kill(1), which Windows does not have.");
        var cli = Path.Combine(AppContext.BaseDirectory, "gpconnect-conformance.dll");
        if (!File.Exists(cli)) Assert.Skip($"The command line binary is not beside the tests ({cli}).");
        var reports = Path.Combine(_temp, "reports");
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.RequireRoot() };
        foreach (var a in new[] { cli, "load", "--config", DefaultConfig, "--reports", reports, "--writes", "--interactions", "capability",
                     "--consumers", "2", "--duration", "120", "--rps", "10" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            for (var waited = 0; waited < 1200 && !File.Exists(ledgerFile) && !process.HasExited; waited++) await Task.Delay(50);
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        process.ExitCode.ShouldBe(RunInterruption.InterruptedBySigterm, await output + await errors);
        var run = ReadRun(out _);
        run.Interrupted.ShouldBe("SIGTERM");
        run.Bookings.ShouldNotBeNull().Outstanding.ShouldBe(0);
        var entries = BookingLedger.Read(ledgerFile, []);
        entries.ShouldNotBeEmpty();
        BookingLedger.Outstanding(entries, entries[0].ServiceRoot).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cancellation_the_provider_holds_past_the_grace_is_cut_off_and_left_outstanding_in_the_ledger()
    {
        // Requests 1-4 are answered (slot search, capability warm-up, capability, the booking); from the 5th (the cancellation) the provider hangs.
        using var provider = NightlyRegressionTests.StartProvider(NightlyRegressionTests.FreePort(), ["--stall-after", "4", "--stall-seconds", "60"]);
        var reports = Path.Combine(_temp, "reports");
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        using var interruption = LoadCommand.NewInterruption(grace: TimeSpan.FromSeconds(1));
        _ = Task.Run(async () =>
        {
            for (var waited = 0; waited < 600 && !File.Exists(ledgerFile); waited++) await Task.Delay(50);
            interruption.Request("SIGTERM", RunInterruption.InterruptedBySigterm, _err);
        });

        var clock = Stopwatch.StartNew();
        var exit = await CommandDispatcher.RunAsync(["load", "--config", DefaultConfig, "--reports", reports, "--set", "provider:target=remote",
            "--set", $"provider:fhirBaseUrl={provider.ServiceRoot}", "--set", $"load:target={provider.ServiceRoot}", "--set", "http:timeoutSeconds=120",
            "--writes", "--interactions", "capability", "--consumers", "1", "--duration", "120", "--rps", "10"], _out, _err, interruption);
        clock.Stop();

        exit.ShouldBe(RunInterruption.InterruptedBySigterm, _out + _err.ToString());
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(40), "the held cancellation is cut off after the grace, not waited for");
        var bookings = ReadRun(out _).Bookings.ShouldNotBeNull();
        (bookings.Booked, bookings.Cancelled, bookings.Outstanding).ShouldBe((1, 0, 1));
        bookings.NotCancelled.ShouldHaveSingleItem().ShouldContain("its cancellation was cut off by the interruption");
        var left = BookingLedger.Outstanding(BookingLedger.Read(ledgerFile, []), provider.ServiceRoot).ShouldHaveSingleItem();
        bookings.NotCancelled[0].ShouldStartWith($"Appointment/{left.AppointmentId} ");
        _out.ToString().ShouldContain("OUTSTANDING: 1 booking(s)");
        _out.ToString().ShouldContain("cancel them with: ./run-tests.sh cleanup");
    }

    [Fact]
    public async Task A_second_signal_cuts_off_the_cancellations_in_flight_and_what_they_leave_is_outstanding_in_the_ledger_and_the_report()
    {
        var reports = Path.Combine(_temp, "reports");
        var ledgerFile = Path.Combine(reports, BookingLedger.FileName);
        using var interruption = LoadCommand.NewInterruption();
        _ = Task.Run(async () =>
        {
            for (var waited = 0; waited < 600 && !File.Exists(ledgerFile); waited++) await Task.Delay(50);
            interruption.Request("SIGINT (Ctrl+C)", RunInterruption.InterruptedBySigint, _err);
            interruption.Request("SIGINT (Ctrl+C)", RunInterruption.InterruptedBySigint, _err);
        });

        var exit = await CommandDispatcher.RunAsync(["load", "--config", DefaultConfig, "--reports", reports,
            "--writes", "--interactions", "capability", "--consumers", "4", "--duration", "120", "--rps", "200"], _out, _err, interruption);

        exit.ShouldBe(RunInterruption.InterruptedBySigint, _out + _err.ToString());
        var bookings = ReadRun(out _).Bookings.ShouldNotBeNull();
        // Whether a cancellation was in flight at the second signal depends on timing; the ledger and the report always agree.
        var entries = BookingLedger.Read(ledgerFile, []);
        var left = BookingLedger.Outstanding(entries, entries[0].ServiceRoot).Select(e => $"Appointment/{e.AppointmentId}").ToList();
        bookings.Booked.ShouldBe(entries.Count(e => e.Event == BookingLedger.Booked));
        bookings.Cancelled.ShouldBe(entries.Count(e => e.Event == BookingLedger.Cancelled));
        bookings.Outstanding.ShouldBe(bookings.Booked - bookings.Cancelled + bookings.NotCancelled.Count(l => l.StartsWith("an appointment of unknown id")));
        bookings.NotCancelled.Where(l => l.StartsWith("Appointment/")).Select(l => l.Split(' ')[0]).ShouldBe(left, ignoreOrder: true);
        if (bookings.Outstanding > 0) _out.ToString().ShouldContain("OUTSTANDING:", Case.Sensitive);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
