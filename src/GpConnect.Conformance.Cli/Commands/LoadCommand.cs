using System.Globalization;
using GpConnect.Conformance.Cli.Load;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Specs.Domain.Run;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// <c>load</c>: drives read-only interactions (and with <c>--writes</c> and <c>provider:allowWrites</c>, book + cancel of
/// free slots) with N concurrent consumers for at most S seconds, capped in requests per
/// second, and reports per interaction the requests, errors, p50/p95/p99 and the verdict against the specification's
/// response-time limits, on the console and as reports/&lt;timestamp&gt;/load.html and load.json. With writes, every booking and
/// confirmed cancellation goes to the reports folder's bookings ledger, and what was left outstanding is reported with the
/// <c>cleanup</c> command. Exit code 0 when every interaction meets its SHALL limit without errors and nothing was left
/// booked, 1 otherwise, 2 for bad input or a refused target, 130/143 when stopped by SIGINT/SIGTERM.
/// </summary>
public static class LoadCommand
{
    public const string HtmlFile = "load.html";
    public const string JsonFile = "load.json";

    /// <summary>
    /// How the load mode stops on Ctrl+C / SIGTERM: no new request at once, reads in flight cancelled; a write cycle in flight
    /// finishes its booking and cancellation within <see cref="RunInterruption.Grace"/>, after which (or at a second signal)
    /// it is cut off and its booking stays outstanding in the ledger.
    /// </summary>
    public static RunInterruption NewInterruption(TimeSpan? grace = null) => new()
    {
        Grace = grace ?? TimeSpan.FromSeconds(5),
        Stopping = "stopping the load: no new requests; bookings in flight are being cancelled",
        StoppingNow = "stopping now; bookings not yet cancelled stay outstanding in the bookings ledger.",
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, RunInterruption? interruption = null)
    {
        interruption ??= NewInterruption();
        var cancellationToken = interruption.Stop;
        var (options, error) = LoadOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine(error);
            stderr.WriteLine(LoadOptions.Usage);
            return CommandDispatcher.BadInput;
        }

        var layout = SuiteLayout.Locate();
        ConformanceSettings settings;
        LoadSettings load;
        try
        {
            settings = SettingsLoader.Load(options.ConfigFile is null ? layout.DefaultConfig : Path.GetFullPath(options.ConfigFile, layout.WorkingRoot), options.ConfigOverrides());
            load = LoadSettings.From(settings);
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"Configuration error: {e.Message}");
            return CommandDispatcher.BadInput;
        }

        if (load.RefusalFor(settings) is { } refusal)
        {
            stderr.WriteLine($"Load refused: {refusal}");
            return CommandDispatcher.BadInput;
        }

        if (options.Writes && !settings.Provider.AllowWrites)
        {
            stderr.WriteLine($"Load refused: --writes books and cancels appointments, and provider:allowWrites is false in {settings.SourceFile}; set it to true only for a provider that accepts test bookings.");
            return CommandDispatcher.BadInput;
        }

        var (interactions, problem) = Choose(options, settings);
        if (interactions is null)
        {
            stderr.WriteLine(problem);
            return CommandDispatcher.BadInput;
        }
        if (problem is not null) stdout.WriteLine(problem);

        var rps = options.RequestsPerSecond ?? load.MaxRequestsPerSecond;
        if (options.RequestsPerSecond > load.MaxRequestsPerSecond && settings.Provider.Target == Client.Configuration.ProviderTarget.Remote)
        {
            stderr.WriteLine($"Load refused: --rps {options.RequestsPerSecond} is above load:maxRequestsPerSecond {load.MaxRequestsPerSecond} in {settings.SourceFile}, the cap for this remote provider");
            return CommandDispatcher.BadInput;
        }
        if (options.Writes) interactions = [.. interactions, LoadWrites.Book, LoadWrites.Cancel];
        var plan = new LoadPlan(interactions, options.Consumers, TimeSpan.FromSeconds(options.DurationSeconds), rps);

        var reportsRoot = Path.GetFullPath(settings.Reports.Directory, layout.WorkingRoot);
        Specs.Hosting.ProviderTarget target;
        try
        {
            target = await Specs.Hosting.ProviderTarget.StartAsync(settings, cancellationToken);
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
            stdout.WriteLine($"Interrupted ({interruption.Reason}) before the load began: nothing was sent.");
            return interruption.ExitCode;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"Could not start the target: {e.Message}");
            return CommandDispatcher.BadInput;
        }

        LoadRun run;
        await using (target)
        {
            using var client = new GpConnectClient(settings, target.ServiceRoot, TimeProvider.System, target.Tls);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Load: {plan.Consumers} consumers, at most {plan.Duration.TotalSeconds:0.###} s, at most {plan.RequestsPerSecond:0.##} requests/s, against {target.Description} {target.ServiceRoot}"));
            stdout.WriteLine($"      {string.Join(", ", interactions.Select(i => i.Name))}");
            LoadWrites? writes = null;
            if (options.Writes)
            {
                try
                {
                    // The same ledger the suite's runs append to, so `cleanup` finds what an interrupted or refused cancellation left.
                    var ledger = new BookingLedger(Path.Combine(reportsRoot, BookingLedger.FileName),
                        "load-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
                    writes = await LoadWrites.PrepareAsync(client, settings, TimeProvider.System, ledger, target.ServiceRoot, cancellationToken);
                }
                catch (ConfigurationException e)
                {
                    stderr.WriteLine($"Configuration error: --writes books for the baseline patient: {e.Message}");
                    return CommandDispatcher.BadInput;
                }
                catch (OperationCanceledException) when (interruption.Requested)
                {
                    stdout.WriteLine($"Interrupted ({interruption.Reason}) before the load began: nothing was booked.");
                    return interruption.ExitCode;
                }
            }
            run = (await LoadRunner.RunAsync(plan, client, settings, TimeProvider.System, cancellationToken, writes, interruption.Abort)) with
            {
                Target = $"{target.Description} {target.ServiceRoot}",
                Interrupted = interruption.Requested ? interruption.Reason ?? "interrupted" : null,
            };
            if (writes is not null)
            {
                var remote = settings.Provider.Target == Client.Configuration.ProviderTarget.Remote;
                run = run with { Bookings = writes.Summary(remote ? CleanupCommandFor(options) : null) };
            }
        }

        WriteSummary(run, stdout);
        if (run.Bookings is { Outstanding: > 0 } left)
            stderr.WriteLine($"[load] {left.Outstanding} booking(s) NOT cancelled, left outstanding in {left.Ledger}" +
                (left.CleanupCommand is null ? " (the embedded reference provider discarded them when it stopped)." : $"; cancel them with: {left.CleanupCommand}"));
        var folder = RunFolders.Create(reportsRoot, run.Started);
        File.WriteAllText(Path.Combine(folder, JsonFile), run.ToJson());
        File.WriteAllText(Path.Combine(folder, HtmlFile), LoadPage.Render(run));
        stdout.WriteLine($"Report: {Path.Combine(folder, HtmlFile)}");
        stdout.WriteLine($"        {Path.Combine(folder, JsonFile)}");
        if (run.Interrupted is not null)
        {
            stdout.WriteLine($"Interrupted ({run.Interrupted}): the load stopped after {run.ElapsedSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s; the report holds what ran.");
            return interruption.ExitCode;
        }
        return run.Failed ? CommandDispatcher.Failures : CommandDispatcher.Ok;
    }

    /// <summary>The cleanup command for this load run's provider and reports folder.</summary>
    public static string CleanupCommandFor(LoadOptions options) =>
        "./run-tests.sh cleanup" + (options.ConfigFile is null ? "" : $" --config {options.ConfigFile}") + (options.ReportsDirectory is null ? "" : $" --reports {options.ReportsDirectory}");

    /// <summary>
    /// The interactions to drive: those named (each must be known, read-only and have its test data configured), or
    /// every read-only one whose test data is configured. Returns an error message instead when the choice is bad, or a
    /// note naming interactions left out for missing test data.
    /// </summary>
    public static (IReadOnlyList<LoadInteraction>? Interactions, string? Message) Choose(LoadOptions options, ConformanceSettings settings)
    {
        var chosen = new List<LoadInteraction>();
        var skipped = new List<string>();
        foreach (var name in options.Interactions ?? LoadInteractions.ReadOnly.Select(i => i.Name).ToList())
        {
            var interaction = LoadInteractions.Find(name);
            if (interaction is null)
            {
                var write = Client.Interactions.Interactions.TryGetByName(name, out var gp) && gp.IsWrite;
                return (null, write
                    ? $"--interactions: \"{name}\" is a write; --interactions names read-only interactions ({LoadInteractions.Names}); add --writes to book and cancel free slots."
                    : $"--interactions: no interaction \"{name}\"; choose from: {LoadInteractions.Names}.");
            }
            try
            {
                interaction.Build(settings, TimeProvider.System);
            }
            catch (ConfigurationException e)
            {
                if (options.Interactions is not null) return (null, $"Configuration error: {interaction.Name} needs test data: {e.Message}");
                skipped.Add($"{interaction.Name} ({e.Problems[0].Key} is not configured)");
                continue;
            }
            if (!chosen.Contains(interaction)) chosen.Add(interaction);
        }
        if (chosen.Count == 0) return (null, $"No interaction can be driven: {string.Join("; ", skipped)}.");
        return (chosen, skipped.Count == 0 ? null : $"Left out for missing test data: {string.Join("; ", skipped)}.");
    }

    public static void WriteSummary(LoadRun run, TextWriter stdout)
    {
        stdout.WriteLine();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"Interaction",-19} {"kind",-7} {"requests",8} {"errors",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  verdict (SHOULD/SHALL limits)"));
        foreach (var i in run.Interactions)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i.Interaction,-19} {i.Kind,-7} {i.Requests,8} {i.Errors,6} {F(i.P50Ms),8} {F(i.P95Ms),8} {F(i.P99Ms),8} {F(i.MaxMs),8}  {LoadRun.VerdictText(i.Verdict)} (< {i.ShouldMs:0} / < {i.ShallMs:0} ms; over: {i.OverShould} / {i.OverShall})"));
            foreach (var example in i.ErrorExamples) stdout.WriteLine($"    error: {example}");
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Requests} requests in {run.ElapsedSeconds:0.##} s ({run.Requests / Math.Max(run.ElapsedSeconds, 1e-9):0.#}/s, cap {run.RequestsPerSecondCap:0.##}/s); {run.CancelledAtDeadline} in flight at the deadline were cancelled and not counted."));
        if (run.Bookings is not { } bookings) return;
        stdout.WriteLine($"Bookings: {bookings.Booked} made, {bookings.Cancelled} cancelled (confirmed by the provider), {bookings.Outstanding} outstanding; ledger {bookings.Ledger}");
        if (bookings.Outstanding == 0) return;
        stdout.WriteLine($"OUTSTANDING: {bookings.Outstanding} booking(s) this load run made were not cancelled and are still booked at the provider:");
        foreach (var line in bookings.NotCancelled) stdout.WriteLine($"  {line}");
        stdout.WriteLine(bookings.CleanupCommand is null
            ? "The embedded reference provider discarded them when it stopped; against a remote provider, `cleanup` cancels what the ledger lists."
            : $"Each one with an id is in the ledger as outstanding; cancel them with: {bookings.CleanupCommand}");
    }

    private static string F(double? ms) => ms is null ? "–" : ms.Value.ToString("0.##", CultureInfo.InvariantCulture);
}
