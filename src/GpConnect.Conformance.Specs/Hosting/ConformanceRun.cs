using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Scheduling;

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
    /// Runs every scenario of <paramref name="catalog"/>, in order or up to <c>run:parallel</c> at once (read-only scenarios of
    /// one feature together, @writes scenarios alone; the observer hears of them in catalogue order). A feature file that failed to load is reported in the
    /// result (and fails the run) while the other features still run. Cancellation stops after the current scenario and
    /// returns what ran, marked incomplete. With <paramref name="cucumber"/>, Reqnroll's formatters write Cucumber
    /// Messages and Cucumber's HTML report there when the run ends.
    /// </summary>
    /// <param name="ledgerFile">Where every booking and confirmed cancellation is appended (see <see cref="Domain.Run.BookingLedger"/>); null keeps it in memory.</param>
    /// <exception cref="InvalidOperationException">The step definitions have problems (e.g. an invalid pattern).</exception>
    public static async Task<RunResult> ExecuteAsync(ConformanceSettings settings, FeatureCatalog catalog, IRunObserver? observer = null,
        CancellationToken cancellationToken = default, CucumberOutputs? cucumber = null, string? ledgerFile = null)
    {
        var started = DateTimeOffset.UtcNow;
        await using var session = await ConformanceSession.StartAsync(settings, cancellationToken, cucumber, ledgerFile).ConfigureAwait(false);
        var problems = await session.Runner.BindingProblemsAsync().ConfigureAwait(false);
        if (problems.Count > 0)
            throw new InvalidOperationException("the suite's step definitions have problems: " + string.Join("; ", problems));
        var metadata = session.Metadata();
        var guard = new RunGuard(settings, session.Client);
        observer?.RunStarting(catalog.Scenarios.Count, metadata);
        // Up to session.Parallel scenarios at once; @writes scenarios alone and in order (see ScenarioSchedule). Once the
        // provider has stopped answering or the time budget has run out, the rest is reported not run at once (RunGuard).
        var results = await ScenarioSchedule.RunAsync(catalog.Scenarios, session.Parallel, s => s.Info,
            (s, ct) => guard.NotRunReason() is { } reason ? Task.FromResult(NotRun.Result(s.Info, reason, DateTimeOffset.UtcNow)) : session.RunAsync(s, ct),
            observer is null ? null : observer.ScenarioStarting, observer is null ? null : observer.ScenarioFinished, cancellationToken).ConfigureAwait(false);
        await session.Runner.FinishRunAsync().ConfigureAwait(false);
        return new RunResult
        {
            Started = started,
            Finished = DateTimeOffset.UtcNow,
            Scenarios = results,
            FeatureErrors = catalog.Errors,
            Metadata = [.. metadata, .. session.State.Summary(results), .. guard.Summary()],
            Complete = results.Count == catalog.Scenarios.Count,
        };
    }

    /// <summary>
    /// Binds every step of every scenario with Reqnroll's dry run, without calling any provider or binding: undefined or
    /// ambiguous steps fail their scenario (with a Reqnroll snippet or both bindings named); bindable scenarios are
    /// reported skipped ("dry run").
    /// </summary>
    public static async Task<RunResult> DryRunAsync(ConformanceSettings settings, FeatureCatalog catalog, IRunObserver? observer = null)
    {
        var started = DateTimeOffset.UtcNow;
        var metadata = new List<KeyValuePair<string, string>> { new("target", "dry run (no provider called)"), new("specVersion", settings.SpecVersion) };
        await using var runner = new ScenarioRunner(ConformanceSession.RunnerOptions(settings) with { DryRun = true });
        observer?.RunStarting(catalog.Scenarios.Count, metadata);
        var results = new List<ScenarioResult>();
        foreach (var scenario in catalog.Scenarios)
        {
            observer?.ScenarioStarting(scenario.Info);
            var result = await runner.RunScenarioAsync(scenario).ConfigureAwait(false);
            results.Add(result);
            observer?.ScenarioFinished(result);
        }
        await runner.FinishRunAsync().ConfigureAwait(false);
        return new RunResult { Started = started, Finished = DateTimeOffset.UtcNow, Scenarios = results, FeatureErrors = catalog.Errors, Metadata = metadata };
    }
}
