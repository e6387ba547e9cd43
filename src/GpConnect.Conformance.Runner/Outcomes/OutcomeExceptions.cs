using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Thrown by a step or hook when a conformance check fails; carries the broken rules so reports can show
/// rule, element path, expected and actual. Any other exception also fails the step, with its message.
/// </summary>
public class ConformanceCheckException : Exception
{
    public ConformanceCheckException(IReadOnlyList<CheckFailure> failures)
        : base(string.Join(Environment.NewLine, failures.Select(f => f.Message)))
    {
        if (failures.Count == 0) throw new ArgumentException("A failed check names at least one broken rule.", nameof(failures));
        Failures = failures;
    }

    public ConformanceCheckException(CheckFailure failure) : this([failure]) { }

    public IReadOnlyList<CheckFailure> Failures { get; }
}

/// <summary>
/// Thrown by a step or hook: the scenario is skipped (not failed), with a reason a person can act on. Reqnroll sees it as
/// Skipped (through the runtime provider's DetectExecutionStatus), so the remaining steps are skipped and after-hooks run.
/// </summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason);

/// <summary>Thrown by a step or hook: the scenario does not apply to this target (spec version, not provider-testable).</summary>
public sealed class ScenarioNotApplicableException(string reason) : Exception(reason);
