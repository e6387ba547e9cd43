using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>The outcome of a scenario as it builds up: the first decisive event wins, teardown failures are added.</summary>
internal sealed class ScenarioOutcome
{
    private readonly List<CheckFailure> _failures = [];
    private readonly List<Evidence> _evidence = [];

    public ScenarioStatus Status { get; private set; } = ScenarioStatus.Passed;
    public string? Message { get; private set; }
    public IReadOnlyList<CheckFailure> Failures => _failures;
    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>True while nothing has stopped the scenario, so the next step may run.</summary>
    public bool CanContinue => Status == ScenarioStatus.Passed;

    /// <summary>Records what an exception thrown at <paramref name="where"/> means; returns the status for the step or hook.</summary>
    public StepStatus Record(Exception exception, string where, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ConformanceCheckException check:
                _failures.AddRange(check.Failures);
                Fail($"{where} failed: {check.Message}");
                return StepStatus.Failed;
            case ScenarioSkippedException skipped:
                Stop(ScenarioStatus.Skipped, skipped.Message);
                return StepStatus.Skipped;
            case ScenarioNotApplicableException notApplicable:
                Stop(ScenarioStatus.NotApplicable, notApplicable.Message);
                return StepStatus.Skipped;
            case PendingStepException pending:
                Fail($"{where} is pending: {pending.Message}");
                return StepStatus.Pending;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                Stop(ScenarioStatus.Skipped, $"The run was cancelled during {where}.");
                return StepStatus.Skipped;
            default:
                Fail($"{where} failed: {exception.GetType().Name}: {exception.Message}");
                _evidence.Add(new TextEvidence($"Exception in {where}", exception.ToString()));
                return StepStatus.Failed;
        }
    }

    /// <summary>Fails the scenario, or adds to the message if it already failed.</summary>
    public void Fail(string message)
    {
        if (Status == ScenarioStatus.Failed)
        {
            Message = Message + Environment.NewLine + "Also: " + message;
            return;
        }
        Status = ScenarioStatus.Failed;
        Message = message;
    }

    /// <summary>Ends the scenario without failing it (skipped, not applicable, cancelled) unless something already decided.</summary>
    public void Stop(ScenarioStatus status, string reason)
    {
        if (!CanContinue) return;
        Status = status;
        Message = reason;
    }
}
