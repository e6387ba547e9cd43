using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Per-scenario context, injectable into binding constructors (as in Reqnroll). Steps add evidence here;
/// the runner copies it into the scenario's result, whatever the outcome.
/// </summary>
public sealed class ScenarioContext(ScenarioInfo scenarioInfo)
{
    private readonly List<Evidence> _evidence = [];

    public ScenarioInfo ScenarioInfo { get; } = scenarioInfo;
    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>Free-form per-scenario values, for bindings that need to share something without a context class.</summary>
    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    public void AddEvidence(Evidence evidence) => _evidence.Add(evidence);

    /// <summary>Cancelled when the run is stopped; pass it to HTTP calls and waits so a stopped run ends promptly.</summary>
    public CancellationToken CancellationToken { get; internal set; }
}

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

/// <summary>Thrown by a step or hook: the scenario is skipped (not failed), with a reason a person can act on.</summary>
public sealed class ScenarioSkippedException(string reason) : Exception(reason);

/// <summary>Thrown by a step or hook: the scenario does not apply to this target (spec version, not provider-testable).</summary>
public sealed class ScenarioNotApplicableException(string reason) : Exception(reason);
