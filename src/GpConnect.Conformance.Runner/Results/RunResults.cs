namespace GpConnect.Conformance.Runner.Results;

/// <summary>What a scenario came to. Only <see cref="Failed"/> makes a run fail.</summary>
public enum ScenarioStatus
{
    Passed,
    Failed,
    /// <summary>Not run, with a reason: a missing test-data role, writes not allowed, a capability not offered, a dry run.</summary>
    Skipped,
    /// <summary>Does not apply to this target: spec version, or a ticket that is not provider-testable.</summary>
    NotApplicable,
    /// <summary>Failed, but a current waiver accepts the deviation.</summary>
    Waived,
    /// <summary>
    /// Passed, with findings a person should read (<see cref="ScenarioResult.Warnings"/>): a SHOULD-level rule not met, or an
    /// answer NHS assurance accepts where the spec pages say otherwise. Fails a run only under <c>--fail-on warning</c>.
    /// </summary>
    Warning,
}

/// <summary>The one rule every engine uses to settle a scenario's status from its outcome and its warnings.</summary>
public static class ScenarioStatuses
{
    /// <summary>A scenario that would pass but carries warnings is <see cref="ScenarioStatus.Warning"/>; any other status stands.</summary>
    public static ScenarioStatus Settle(ScenarioStatus status, int warningCount) =>
        status == ScenarioStatus.Passed && warningCount > 0 ? ScenarioStatus.Warning : status;
}

public enum StepStatus { Passed, Failed, Skipped, Undefined, Ambiguous, Pending }

/// <summary>One step as it ran (or was skipped). <see cref="Snippet"/> is set for undefined steps.</summary>
public sealed record StepResult(
    string Keyword,
    string Text,
    int Line,
    StepStatus Status,
    TimeSpan Duration,
    string? Message = null,
    string? Snippet = null);

/// <summary>The outcome of one pickle (a scenario, or one Examples row of an outline).</summary>
public sealed record ScenarioResult
{
    public required ScenarioInfo Scenario { get; init; }
    public required ScenarioStatus Status { get; init; }
    /// <summary>Failure message, or the reason for skipped / not applicable / waived.</summary>
    public string? Message { get; init; }
    /// <summary>Machine-readable failure detail when a check failed (rule id, element path, expected, actual).</summary>
    public IReadOnlyList<CheckFailure> Failures { get; init; } = [];
    /// <summary>
    /// Findings that do not fail the scenario (SHOULD-level rules, divergences NHS assurance accepts), in the order recorded.
    /// A scenario with warnings and nothing worse is <see cref="ScenarioStatus.Warning"/>; a failed one keeps them too.
    /// </summary>
    public IReadOnlyList<CheckFailure> Warnings { get; init; } = [];
    public IReadOnlyList<StepResult> Steps { get; init; } = [];
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public DateTimeOffset Started { get; init; }
    public TimeSpan Duration { get; init; }
}

/// <summary>One broken rule, as a person reads it: which rule, where in the resource, what was expected, what came back.</summary>
public sealed record CheckFailure(string Rule, string? Path, string? Expected, string? Actual, string Message);

/// <summary>A feature file that could not be parsed: it fails on its own and the others still run.</summary>
public sealed record FeatureLoadError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A whole run: every scenario result plus the run's metadata (target, spec version, redacted config).</summary>
public sealed record RunResult
{
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }
    public IReadOnlyList<FeatureLoadError> FeatureErrors { get; init; } = [];
    /// <summary>Ordered name/value pairs shown at the top of reports, e.g. target, specVersion, expectation set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];
    /// <summary>False when the run was stopped part-way; reports say so.</summary>
    public bool Complete { get; init; } = true;

    public int Count(ScenarioStatus status) => Scenarios.Count(s => s.Status == status);
    public bool HasFailures => FeatureErrors.Count > 0 || Scenarios.Any(s => s.Status == ScenarioStatus.Failed);
}
