using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// The lines a nightly run needs under the summary: scenarios skipped because their test data is used up, what is left
/// of the registrable-patient pools, bookings teardown could not cancel, and for an interrupted run where its bookings are
/// recorded and how to cancel them.
/// </summary>
public static class RunDataSummary
{
    /// <summary>An interrupted run against a remote provider: where its bookings are recorded and how to cancel what it left.</summary>
    public static void WriteInterrupted(TextWriter stdout, GpConnect.Conformance.Client.Configuration.ConformanceSettings settings, string ledgerFile, string? configFile)
    {
        if (!settings.Provider.AllowWrites || settings.Provider.Target != GpConnect.Conformance.Client.Configuration.ProviderTarget.Remote) return;
        stdout.WriteLine($"Every booking this run made is recorded in {ledgerFile}; cancel what it left with: " +
            $"./run-tests.sh cleanup{(configFile is null ? "" : $" --config {configFile}")}");
    }

    public static void Write(TextWriter stdout, RunResult run, string? configFile)
    {
        string? Value(string key) => run.Metadata.LastOrDefault(kv => kv.Key == key).Value;
        if (Value("skippedForUsedUpData") is { } skipped && skipped != "0")
            stdout.WriteLine($"Skipped because test data is used up: {skipped} (each names the config key or data to add)");
        foreach (var pool in run.Metadata.Where(kv => kv.Key == "registrableNumbersLeft"))
            stdout.WriteLine($"Registrable NHS numbers: {pool.Value}");
        if (Value("dataConsumed") is { } consumed) stdout.WriteLine($"Test data this run used up: {consumed}");
        if (Value("consumptionNotAsDeclared") is { } drift && drift != "none")
        {
            stdout.WriteLine("Scenarios that used up other than their @consumes-… tags declare (--check-data's runs-supported is off until they are fixed):");
            foreach (var line in drift.Split('\n')) stdout.WriteLine($"  {line}");
        }
        var notCancelled = Value("bookingsNotCancelled");
        if (notCancelled is not null && notCancelled != "none")
        {
            stdout.WriteLine("Bookings teardown could not cancel (left on the provider):");
            foreach (var line in notCancelled.Split('\n')) stdout.WriteLine($"  {line}");
        }
        if (!run.Complete && Value("bookingsLedger") is { } ledger)
            stdout.WriteLine($"The run was stopped early. Every booking it made is recorded in {ledger}; " +
                $"cancel what is left with: ./run-tests.sh cleanup{(configFile is null ? "" : $" --config {configFile}")}");
    }
}
