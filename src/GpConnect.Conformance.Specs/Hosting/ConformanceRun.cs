using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>Told about a run as it goes, so progress and reports can be written while scenarios run.</summary>
public interface IRunObserver
{
    void RunStarting(int scenarioCount, IReadOnlyList<KeyValuePair<string, string>> metadata);
    void ScenarioStarting(ScenarioInfo scenario);
    void ScenarioFinished(ScenarioResult result);
}

/// <summary>Runs a catalogue of scenarios against the configured target, or binds them all without calling it (dry run).</summary>
public static class ConformanceRun
{
    /// <summary>
    /// Runs every scenario of <paramref name="catalog"/> in order. A feature file that failed to load is reported in the
    /// result (and fails the run) while the other features still run. Cancellation stops after the current scenario and
    /// returns what ran, marked incomplete.
    /// </summary>
    /// <param name="ledgerFile">Where every booking and confirmed cancellation is appended (see <see cref="Domain.Run.BookingLedger"/>); null keeps it in memory.</param>
    public static async Task<RunResult> ExecuteAsync(ConformanceSettings settings, FeatureCatalog catalog, IRunObserver? observer = null, CancellationToken cancellationToken = default, string? ledgerFile = null)
    {
        var started = DateTimeOffset.UtcNow;
        await using var session = await ConformanceSession.StartAsync(settings, cancellationToken, ledgerFile).ConfigureAwait(false);
        var metadata = session.Metadata();
        observer?.RunStarting(catalog.Scenarios.Count, metadata);
        var results = new List<ScenarioResult>(catalog.Scenarios.Count);
        foreach (var scenario in catalog.Scenarios)
        {
            if (cancellationToken.IsCancellationRequested) break;
            observer?.ScenarioStarting(scenario.Info);
            var result = await session.RunAsync(scenario, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            observer?.ScenarioFinished(result);
        }
        return new RunResult
        {
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            Scenarios = results,
            FeatureErrors = catalog.Errors,
            Metadata = [.. metadata, .. session.State.Summary(results)],
            Complete = results.Count == catalog.Scenarios.Count,
        };
    }

    /// <summary>
    /// Binds every step of every scenario without calling any provider: undefined or ambiguous steps fail their
    /// scenario (with a snippet or the list of matches); bindable scenarios are reported skipped ("dry run").
    /// </summary>
    public static RunResult DryRun(ConformanceSettings settings, FeatureCatalog catalog, IRunObserver? observer = null)
    {
        var started = DateTimeOffset.UtcNow;
        var metadata = new List<KeyValuePair<string, string>> { new("target", "dry run (no provider called)"), new("specVersion", settings.SpecVersion) };
        var runner = new ScenarioRunner(ConformanceSession.Bindings);
        observer?.RunStarting(catalog.Scenarios.Count, metadata);
        var results = new List<ScenarioResult>();
        foreach (var scenario in catalog.Scenarios)
        {
            observer?.ScenarioStarting(scenario.Info);
            var result = runner.DryRun(scenario);
            results.Add(result);
            observer?.ScenarioFinished(result);
        }
        return new RunResult { Started = started, Finished = DateTimeOffset.UtcNow, Scenarios = results, FeatureErrors = catalog.Errors, Metadata = metadata };
    }
}
