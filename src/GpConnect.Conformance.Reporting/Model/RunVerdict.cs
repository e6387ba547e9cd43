using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>What a run came to, as one word a reader sees first.</summary>
public enum VerdictOutcome
{
    Passed,
    /// <summary>Nothing failed, but some scenarios passed with a finding worth a look.</summary>
    PassedWithWarnings,
    /// <summary>A scenario failed or a feature file could not be loaded (the same rule as the exit code).</summary>
    Failed,
}

/// <summary>
/// The verdict of a run and the counts behind it. <see cref="Warnings"/> counts scenarios that passed with a finding
/// (status Warning); <see cref="Passed"/> counts those that passed cleanly.
/// </summary>
public sealed record RunVerdict(
    VerdictOutcome Outcome, int Scenarios, int Passed, int Warnings, int Failed, int Skipped, int NotApplicable, int Waived,
    int FeatureErrors, bool Complete)
{
    /// <summary>The verdict of <paramref name="run"/>: failed on the exit-code rule, else passed with warnings when any scenario warned.</summary>
    public static RunVerdict Of(RunResult run)
    {
        var c = StatusCounts.Of(run.Scenarios);
        var outcome = run.HasFailures ? VerdictOutcome.Failed : c.Warning > 0 ? VerdictOutcome.PassedWithWarnings : VerdictOutcome.Passed;
        return new RunVerdict(outcome, run.Scenarios.Count, c.Passed, c.Warning, c.Failed, c.Skipped, c.NotApplicable, c.Waived,
            run.FeatureErrors.Count, run.Complete);
    }

    /// <summary>"passed", "passed with warnings" or "failed".</summary>
    public string Label => Outcome switch
    {
        VerdictOutcome.Failed => "failed",
        VerdictOutcome.PassedWithWarnings => "passed with warnings",
        _ => "passed",
    };

    /// <summary>Machine token for styling and tests: passed, warnings, failed.</summary>
    public string Token => Outcome switch
    {
        VerdictOutcome.Failed => "failed",
        VerdictOutcome.PassedWithWarnings => "warnings",
        _ => "passed",
    };
}
