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
/// The verdict of a run and the counts behind it. <see cref="Warnings"/> counts scenarios that passed with a finding; the
/// results model has no such outcome yet, so <see cref="Of"/> is given the count (0 today) and the verdict, banner and
/// charts already carry it.
/// </summary>
public sealed record RunVerdict(
    VerdictOutcome Outcome, int Scenarios, int Passed, int Warnings, int Failed, int Skipped, int NotApplicable, int Waived,
    int FeatureErrors, bool Complete)
{
    /// <summary>The verdict of <paramref name="run"/>; <paramref name="warnings"/> of its passed scenarios passed with a warning.</summary>
    public static RunVerdict Of(RunResult run, int warnings = 0)
    {
        var c = StatusCounts.Of(run.Scenarios);
        if (warnings < 0 || warnings > c.Passed)
            throw new ArgumentOutOfRangeException(nameof(warnings), warnings, "Warnings are counted among passed scenarios.");
        var outcome = run.HasFailures ? VerdictOutcome.Failed : warnings > 0 ? VerdictOutcome.PassedWithWarnings : VerdictOutcome.Passed;
        return new RunVerdict(outcome, run.Scenarios.Count, c.Passed - warnings, warnings, c.Failed, c.Skipped, c.NotApplicable, c.Waived,
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
