using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Run;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// <c>run-tests.sh cleanup [--config FILE] [--reports DIR]</c>: cancels the appointments earlier runs booked at the configured
/// provider and never confirmed cancelled (a run stopped by Ctrl+C, SIGTERM or a crash; a teardown the provider refused), as
/// the bookings ledger in the reports folder records them. Each is read, cancelled unless already cancelled, and read back;
/// confirmed cancellations are appended to the ledger. Exit code 0 when nothing is left, 1 when some could not be cancelled.
/// </summary>
public static class CleanupCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = RunOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine(error);
            return CommandDispatcher.BadInput;
        }
        var root = RepositoryLayout.FindRoot() ?? Directory.GetCurrentDirectory();
        ConformanceSettings settings;
        try
        {
            settings = SettingsLoader.Load(Path.GetFullPath(options.ConfigFile ?? Path.Combine("config", "default.json"), root), options.ConfigOverrides());
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"Configuration error: {e.Message}");
            return CommandDispatcher.BadInput;
        }
        if (settings.Provider.Target != GpConnect.Conformance.Client.Configuration.ProviderTarget.Remote)
        {
            stdout.WriteLine("The embedded reference provider starts afresh with every run and keeps nothing: there is nothing to clean up. Use --config with a remote provider.");
            return CommandDispatcher.Ok;
        }

        var ledgerPath = Path.Combine(Path.GetFullPath(settings.Reports.Directory, root), BookingLedger.FileName);
        var problems = new List<string>();
        var entries = BookingLedger.Read(ledgerPath, problems);
        foreach (var problem in problems) stderr.WriteLine(problem);
        var serviceRoot = settings.Provider.FhirBaseUrl!.ToString().TrimEnd('/');
        var outstanding = BookingLedger.Outstanding(entries, serviceRoot);
        if (outstanding.Count == 0)
        {
            stdout.WriteLine(File.Exists(ledgerPath)
                ? $"Nothing to clean up: every booking {ledgerPath} records at {serviceRoot} was cancelled."
                : $"Nothing to clean up: there is no bookings ledger at {ledgerPath}.");
            return CommandDispatcher.Ok;
        }

        stdout.WriteLine($"{outstanding.Count} booking(s) at {serviceRoot} left by earlier runs ({ledgerPath}):");
        await using var session = await ConformanceSession.StartAsync(settings);
        var ledger = new BookingLedger(ledgerPath, "cleanup-" + DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var left = 0;
        foreach (var entry in outstanding)
        {
            var result = (await AppointmentCleanup.CancelAllAsync(session.Client, [entry.AppointmentId], CancellationToken.None))[0];
            if (result.Cleaned) ledger.RecordCancelled(serviceRoot, entry.AppointmentId);
            else left++;
            stdout.WriteLine($"  Appointment/{entry.AppointmentId} (run {entry.Run}, {entry.Scenario}): {(result.Cleaned ? "" : "NOT CANCELLED — ")}{result.Detail}");
        }
        stdout.WriteLine(left == 0 ? "Cleanup complete: nothing left booked." : $"{left} booking(s) could not be cancelled; they stay in the ledger for the next cleanup.");
        return left == 0 ? CommandDispatcher.Ok : CommandDispatcher.Failures;
    }
}
