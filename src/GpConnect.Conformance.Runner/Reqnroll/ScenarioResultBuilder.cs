using GpConnect.Conformance.Runner.Results;
using Reqnroll;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Maps what Reqnroll reported for one scenario (its execution status, the error <c>CollectScenarioErrorsAsync</c> threw,
/// the step and hook events) onto the project's <see cref="ScenarioResult"/>: the project's own exceptions decide
/// skipped / not applicable, a <see cref="ConformanceCheckException"/> carries the broken rules.
/// </summary>
internal static class ScenarioResultBuilder
{
    public static ScenarioResult Build(ScenarioState state, ScenarioExecutionStatus status, Exception? error, Exception? afterError,
        bool dryRun, DateTimeOffset started, TimeSpan duration)
    {
        var scenario = state.Definition;
        var steps = new List<StepResult>(scenario.Steps.Count);
        var problems = new List<string>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            if (i >= state.Steps.Count)
            {
                steps.Add(new StepResult(step.Keyword, step.Text, step.Line, StepStatus.Skipped, TimeSpan.Zero));
                continue;
            }
            var record = state.Steps[i];
            var (stepStatus, message) = record.Status switch
            {
                ScenarioExecutionStatus.OK => dryRun ? (StepStatus.Skipped, "dry run") : (StepStatus.Passed, (string?)null),
                ScenarioExecutionStatus.UndefinedStep => (StepStatus.Undefined, $"Undefined step '{step}' (line {step.Line}): no step definition matches it."),
                ScenarioExecutionStatus.BindingError when record.Error is AmbiguousBindingException =>
                    (StepStatus.Ambiguous, $"Ambiguous step '{step}' (line {step.Line}): {record.Error.Message}"),
                ScenarioExecutionStatus.StepDefinitionPending => (StepStatus.Pending, record.Error?.Message ?? "pending"),
                ScenarioExecutionStatus.Skipped => (StepStatus.Skipped, record.Error?.Message),
                _ => (StepStatus.Failed, record.Error?.Message),
            };
            if (stepStatus is StepStatus.Undefined or StepStatus.Ambiguous || record.Status == ScenarioExecutionStatus.BindingError)
                problems.Add(message ?? $"'{step}' (line {step.Line}) cannot bind");
            steps.Add(new StepResult(step.Keyword, step.Text, step.Line, stepStatus, record.Duration, message, record.Snippet));
        }

        var evidence = state.Scenario.Evidence.ToList();
        var failures = new List<CheckFailure>();
        ScenarioStatus result;
        string? resultMessage;

        if (dryRun)
        {
            result = problems.Count == 0 && error is null ? ScenarioStatus.Skipped : ScenarioStatus.Failed;
            resultMessage = result == ScenarioStatus.Skipped
                ? "dry run: every step binds"
                : problems.Count > 0
                    ? $"dry run: {problems.Count} step(s) cannot bind:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}"
                    : $"dry run: {error!.GetType().Name}: {error.Message}";
        }
        else
        {
            (result, resultMessage) = Decide(state, status, error, problems, failures, evidence);
        }

        if (afterError is not null)
        {
            var hook = state.HookFailures.LastOrDefault(h => ReferenceEquals(h.Error, afterError)).Hook ?? "[AfterScenario] hook";
            var message = afterError is ConformanceCheckException check
                ? $"{hook} failed: {check.Message}"
                : $"{hook} failed: {afterError.GetType().Name}: {afterError.Message}";
            if (afterError is ConformanceCheckException afterCheck) failures.AddRange(afterCheck.Failures);
            else evidence.Add(new TextEvidence($"Exception in {hook}", afterError.ToString()));
            if (result == ScenarioStatus.Failed) resultMessage = resultMessage + Environment.NewLine + "Also: " + message;
            else (result, resultMessage) = (ScenarioStatus.Failed, message);
        }

        return new ScenarioResult
        {
            Scenario = scenario.Info,
            Status = result,
            Message = resultMessage,
            Failures = failures,
            Steps = steps,
            Evidence = evidence,
            Started = started,
            Duration = duration,
        };
    }

    private static (ScenarioStatus, string?) Decide(ScenarioState state, ScenarioExecutionStatus status, Exception? error,
        List<string> problems, List<CheckFailure> failures, List<Evidence> evidence)
    {
        if (error is null && status == ScenarioExecutionStatus.OK) return (ScenarioStatus.Passed, null);
        if (problems.Count > 0)
            return (ScenarioStatus.Failed, string.Join(Environment.NewLine, problems));

        var where = Where(state, error);
        switch (error)
        {
            case ConformanceCheckException check:
                failures.AddRange(check.Failures);
                return (ScenarioStatus.Failed, $"{where} failed: {check.Message}");
            case ScenarioSkippedException skipped:
                return (ScenarioStatus.Skipped, skipped.Message);
            case ScenarioNotApplicableException notApplicable:
                return (ScenarioStatus.NotApplicable, notApplicable.Message);
            case ReqnrollOutcomeException { Outcome: ReqnrollOutcome.Ignored or ReqnrollOutcome.Inconclusive } skipped:
                return (ScenarioStatus.Skipped, skipped.Message);
            case ReqnrollOutcomeException or PendingStepException when status == ScenarioExecutionStatus.StepDefinitionPending:
                return (ScenarioStatus.Failed, $"{where} is pending: {PendingMessage(state, error)}");
            case OperationCanceledException when state.CancellationToken.IsCancellationRequested:
                return (ScenarioStatus.Skipped, $"The run was cancelled during {where}.");
            case null:
                return (ScenarioStatus.Failed, $"{where} ended as {status}.");
            default:
                evidence.Add(new TextEvidence($"Exception in {where}", error.ToString()));
                return (ScenarioStatus.Failed, $"{where} failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private static string PendingMessage(ScenarioState state, Exception error) =>
        state.Steps.FirstOrDefault(s => s.Status == ScenarioExecutionStatus.StepDefinitionPending)?.Error?.Message ?? error.Message;

    /// <summary>The step or hook the error came from, as a person reads it.</summary>
    private static string Where(ScenarioState state, Exception? error)
    {
        var steps = state.Definition.Steps;
        for (var i = 0; i < state.Steps.Count && i < steps.Count; i++)
        {
            var record = state.Steps[i];
            if (record.Status == ScenarioExecutionStatus.OK) continue;
            if (record.Status == ScenarioExecutionStatus.Skipped && record.Error is null) continue;
            return $"Step '{steps[i]}' (line {steps[i].Line})";
        }
        var hook = state.HookFailures.FirstOrDefault(h => ReferenceEquals(h.Error, error)).Hook ?? state.HookFailures.FirstOrDefault().Hook;
        return hook ?? "The scenario";
    }
}
