using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Outcomes;

/// <summary>What makes a run fail the build.</summary>
public enum FailOn
{
    /// <summary>Any failed scenario or feature load error (the default).</summary>
    Any,
    /// <summary>Only scenarios (or feature files) failing now that did not fail in the compared run (<c>--fail-on new</c>).</summary>
    New,
    /// <summary>Any failure, and any scenario that passed with warnings and is not waived (<c>--fail-on warning</c>): a strict gate.</summary>
    Warning,
}

/// <summary>
/// Turns a run into a process exit code. Waived, skipped and not-applicable scenarios never fail a run; a scenario that
/// passed with warnings fails it only under <see cref="FailOn.Warning"/>.
/// </summary>
public static class ExitCodePolicy
{
    /// <summary>Nothing (that counts) failed.</summary>
    public const int Success = 0;
    /// <summary>At least one failure that counts under the chosen policy.</summary>
    public const int Failures = 1;

    /// <summary>
    /// 0 when nothing counting failed, else 1. With <see cref="FailOn.New"/> only <see cref="RunComparison.NewlyFailing"/>
    /// counts; without a comparison (no earlier run) every failure is new, which is the same as <see cref="FailOn.Any"/>.
    /// </summary>
    public static int Evaluate(RunResult run, FailOn failOn = FailOn.Any, RunComparison? comparison = null) =>
        failOn switch
        {
            FailOn.New when comparison is not null => comparison.NewlyFailing.Count > 0 ? Failures : Success,
            FailOn.Warning => run.HasFailures || run.Count(ScenarioStatus.Warning) > 0 ? Failures : Success,
            _ => run.HasFailures ? Failures : Success,
        };

    /// <summary>Parses the <c>--fail-on</c> value ("any", "new" or "warning", case-insensitive); null when unknown.</summary>
    public static FailOn? ParseFailOn(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "any" => FailOn.Any,
        "new" => FailOn.New,
        "warning" or "warnings" => FailOn.Warning,
        _ => null,
    };
}
