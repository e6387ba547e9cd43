using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// The project's per-scenario object, injected into binding constructors beside Reqnroll's own <c>ScenarioContext</c>:
/// the scenario's identity (tags with '@'), the cancellation token of the run (Reqnroll 3.3 has no
/// <c>ScenarioContext.CancellationToken</c>) and the evidence the scenario keeps (HTTP exchanges, notes), which the
/// executor copies into the scenario's result whatever the outcome.
/// </summary>
public sealed class ConformanceScenario(ScenarioInfo info, CancellationToken cancellationToken)
{
    private readonly List<Evidence> _evidence = [];
    private readonly Lock _gate = new();

    /// <summary>Identity, names and tags (with '@') of the running pickle.</summary>
    public ScenarioInfo ScenarioInfo { get; } = info;

    /// <summary>Cancelled when the run is stopped; pass it to HTTP calls and waits so a stopped run ends promptly.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Free-form per-scenario values, for bindings that share something without a context class.</summary>
    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    public IReadOnlyList<Evidence> Evidence
    {
        get { lock (_gate) return _evidence.ToList(); }
    }

    public void AddEvidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        lock (_gate) _evidence.Add(evidence);
    }
}
