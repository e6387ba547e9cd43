using Reqnroll;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// What the executor knows about the scenario running on this async flow: the project's <see cref="ConformanceScenario"/>
/// (injected into bindings) and the step and hook outcomes reported by Reqnroll's events.
/// </summary>
internal sealed class ScenarioState(ScenarioDefinition definition, ConformanceScenario scenario)
{
    private static readonly AsyncLocal<ScenarioState?> CurrentState = new();

    public static ScenarioState? Current
    {
        get => CurrentState.Value;
        set => CurrentState.Value = value;
    }

    public ScenarioDefinition Definition { get; } = definition;
    public ConformanceScenario Scenario { get; } = scenario;
    public CancellationToken CancellationToken => Scenario.CancellationToken;
    public List<string> Output { get; } = [];
    public List<StepRecord> Steps { get; } = [];
    public List<(string Hook, Exception Error)> HookFailures { get; } = [];

    public void StepFinished(ScenarioExecutionStatus status, Exception? error, string? snippet) =>
        Steps.Add(new StepRecord(status, error, snippet));

    public void HookFailed(string hook, Exception error) => HookFailures.Add((hook, error));

    internal sealed record StepRecord(ScenarioExecutionStatus Status, Exception? Error, string? Snippet)
    {
        public TimeSpan Duration { get; set; }
    }
}
