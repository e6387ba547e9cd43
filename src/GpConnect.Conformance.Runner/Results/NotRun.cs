namespace GpConnect.Conformance.Runner.Results;

/// <summary>
/// Scenarios a run never started because it was cut short: the provider stopped answering, or the run's time budget ran
/// out. They are <see cref="ScenarioStatus.Skipped"/> with a reason starting <see cref="ProviderUnresponsive"/> or
/// <see cref="TimeBudgetExhausted"/>, so every report shows them and the summary, report header and exit code can say
/// the run was cut short (never a provider failure of their own, never a hang).
/// </summary>
public static class NotRun
{
    /// <summary>The reason of a scenario not started because the provider had stopped answering.</summary>
    public const string ProviderUnresponsive = "Not run: provider unresponsive";

    /// <summary>The reason of a scenario not started because the run's time budget had run out.</summary>
    public const string TimeBudgetExhausted = "Not run: time budget exhausted";

    /// <summary>The metadata key that says why and when the run was cut short, with the evidence.</summary>
    public const string MetadataKey = "runCutShort";

    /// <summary>A not-run result for <paramref name="scenario"/>: <paramref name="reason"/> is one of the two constants plus detail.</summary>
    public static ScenarioResult Result(ScenarioInfo scenario, string reason, DateTimeOffset at) => new()
    {
        Scenario = scenario,
        Status = ScenarioStatus.Skipped,
        Message = reason,
        Started = at,
        Duration = TimeSpan.Zero,
    };

    /// <summary>Which of the two it is (<see cref="ProviderUnresponsive"/> or <see cref="TimeBudgetExhausted"/>), or null for any other result.</summary>
    public static string? Kind(ScenarioResult result) =>
        result.Status != ScenarioStatus.Skipped || result.Message is null ? null
        : result.Message.StartsWith(ProviderUnresponsive, StringComparison.Ordinal) ? ProviderUnresponsive
        : result.Message.StartsWith(TimeBudgetExhausted, StringComparison.Ordinal) ? TimeBudgetExhausted
        : null;

    /// <summary>The scenarios of <paramref name="run"/> that were not run because it was cut short.</summary>
    public static IReadOnlyList<ScenarioResult> In(RunResult run) => run.Scenarios.Where(s => Kind(s) is not null).ToList();

    /// <summary>True when the run was cut short (at least one scenario not run for either reason).</summary>
    public static bool CutShort(RunResult run) => run.Scenarios.Any(s => Kind(s) is not null);

    /// <summary>"N not run (provider unresponsive)" for the summaries, or null when nothing was cut.</summary>
    public static string? Describe(RunResult run)
    {
        var groups = In(run).GroupBy(s => Kind(s)!).Select(g => $"{g.Count()} not run ({g.Key["Not run: ".Length..]})").ToList();
        return groups.Count == 0 ? null : string.Join(", ", groups);
    }
}
