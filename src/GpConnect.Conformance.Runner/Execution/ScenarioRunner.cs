using System.Diagnostics;
using GpConnect.Conformance.Runner.Results;
using Microsoft.Extensions.DependencyInjection;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Runs scenarios against a set of bindings. Each scenario gets its own service scope: binding classes and the
/// context objects they ask for are created once per scenario, shared between that scenario's binding classes, and
/// disposed when it ends. Run-level services (singletons) come from <c>configureRunServices</c>.
/// Safe to call <see cref="RunScenarioAsync"/> for several scenarios concurrently.
/// </summary>
public sealed class ScenarioRunner : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Lock _gate = new();
    private Task? _start;
    private bool _finished;

    /// <summary>Creates a runner. <paramref name="configureRunServices"/> registers run-level services injected into bindings.</summary>
    public ScenarioRunner(BindingRegistry bindings, Action<IServiceCollection>? configureRunServices = null)
    {
        Bindings = bindings ?? throw new ArgumentNullException(nameof(bindings));
        _services = ScenarioServices.Build(bindings, configureRunServices);
    }

    /// <summary>The bindings this runner uses.</summary>
    public BindingRegistry Bindings { get; }

    /// <summary>The run-level service provider (for callers that need a run service, e.g. the reporting of a CLI).</summary>
    public IServiceProvider Services => _services;

    /// <summary>
    /// Runs the [BeforeTestRun] hooks (by Order), once; later calls return the same task. <see cref="RunScenarioAsync"/>
    /// calls it too, so calling it first is optional but lets a caller see a setup failure before any scenario.
    /// </summary>
    /// <exception cref="TestRunHookException">A hook failed.</exception>
    public Task StartRunAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return _start ??= RunTestRunHooksAsync(HookKind.BeforeTestRun, stopAtFirstFailure: true, cancellationToken);
    }

    /// <summary>Runs the [AfterTestRun] hooks once (all of them, even if one fails), if the run was started.</summary>
    /// <exception cref="TestRunHookException">One or more hooks failed.</exception>
    public async Task FinishRunAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_finished || _start is null) return;
            _finished = true;
        }
        await RunTestRunHooksAsync(HookKind.AfterTestRun, stopAtFirstFailure: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one scenario: BeforeScenario hooks, steps in order (a step after one that did not pass is Skipped),
    /// then AfterScenario hooks, which always run. Never throws for a scenario failure; cancellation ends the
    /// scenario as Skipped with a reason after its AfterScenario hooks have run.
    /// </summary>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var outcome = new ScenarioOutcome();
        var steps = new List<StepResult>();
        var context = new ScenarioContext(scenario.Info) { CancellationToken = cancellationToken };

        if (cancellationToken.IsCancellationRequested)
        {
            outcome.Stop(ScenarioStatus.Skipped, "The run was cancelled before this scenario started.");
            return Result(scenario, outcome, SkipAll(scenario.Steps, 0, outcome.Message), context, started, clock);
        }

        try
        {
            await StartRunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome.Fail($"The run could not start, so no scenario can run: {e.Message}");
            return Result(scenario, outcome, SkipAll(scenario.Steps, 0, "not run: the run could not start"), context, started, clock);
        }

        var scope = _services.CreateAsyncScope();
        try
        {
            scope.ServiceProvider.GetRequiredService<ScenarioContextHolder>().Context = context;
            var tags = scenario.Info.Tags;
            foreach (var hook in ScenarioHooks(HookKind.BeforeScenario, tags))
            {
                if (!outcome.CanContinue) break;
                await RunHookAsync(hook, scope.ServiceProvider, outcome, cancellationToken).ConfigureAwait(false);
            }
            await RunStepsAsync(scenario, scope.ServiceProvider, outcome, steps, cancellationToken).ConfigureAwait(false);
            foreach (var hook in ScenarioHooks(HookKind.AfterScenario, tags))
                await RunHookAsync(hook, scope.ServiceProvider, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                outcome.Fail($"Disposing the scenario's objects failed: {e.GetType().Name}: {e.Message}");
            }
        }
        return Result(scenario, outcome, steps, context, started, clock);
    }

    /// <summary>
    /// Binds every step (matching and argument conversion) without creating or calling anything. A scenario whose steps
    /// all bind is Skipped with "dry run"; one with an undefined, ambiguous or unusable step is Failed, and every such
    /// step carries its message (and snippet when undefined).
    /// </summary>
    public ScenarioResult DryRun(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var steps = new List<StepResult>();
        var problems = new List<string>();
        foreach (var step in scenario.Steps)
        {
            var resolution = StepBinder.Resolve(Bindings, step);
            if (resolution.IsBound)
            {
                steps.Add(new StepResult(step.Keyword, step.Text, step.Line, StepStatus.Skipped, TimeSpan.Zero, "dry run"));
                continue;
            }
            problems.Add(resolution.Message!);
            steps.Add(new StepResult(step.Keyword, step.Text, step.Line, resolution.FailureStatus!.Value, TimeSpan.Zero,
                resolution.Message, resolution.Snippet));
        }
        return new ScenarioResult
        {
            Scenario = scenario.Info,
            Status = problems.Count == 0 ? ScenarioStatus.Skipped : ScenarioStatus.Failed,
            Message = problems.Count == 0
                ? "dry run: every step binds"
                : $"dry run: {problems.Count} step(s) cannot bind:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}",
            Steps = steps,
            Started = started,
            Duration = clock.Elapsed,
        };
    }

    /// <summary>
    /// Runs the [AfterTestRun] hooks if the run was started and <see cref="FinishRunAsync"/> was not called (so teardown
    /// is never lost), then disposes the run-level services. A hook failure is rethrown after the services are disposed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FinishRunAsync().ConfigureAwait(false);
        }
        finally
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RunStepsAsync(ScenarioDefinition scenario, IServiceProvider services, ScenarioOutcome outcome,
        List<StepResult> results, CancellationToken cancellationToken)
    {
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            if (outcome.CanContinue && cancellationToken.IsCancellationRequested)
                outcome.Stop(ScenarioStatus.Skipped, $"The run was cancelled before step '{step}' (line {step.Line}).");
            if (!outcome.CanContinue)
            {
                results.AddRange(SkipAll(scenario.Steps, i, null));
                return;
            }
            results.Add(await RunStepAsync(step, services, outcome, cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task<StepResult> RunStepAsync(ScenarioStep step, IServiceProvider services, ScenarioOutcome outcome,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var resolution = StepBinder.Resolve(Bindings, step);
        if (!resolution.IsBound)
        {
            outcome.Fail(resolution.Message!);
            return new StepResult(step.Keyword, step.Text, step.Line, resolution.FailureStatus!.Value, clock.Elapsed,
                resolution.Message, resolution.Snippet);
        }

        var binding = resolution.Binding!;
        try
        {
            var target = binding.Method.IsStatic ? null : CreateBindingInstance(binding.BindingType, services);
            await MethodInvoker.InvokeAsync(binding.Method, target, resolution.Arguments).ConfigureAwait(false);
            return new StepResult(step.Keyword, step.Text, step.Line, StepStatus.Passed, clock.Elapsed);
        }
        catch (Exception e)
        {
            var status = outcome.Record(e, $"Step '{step}' (line {step.Line})", cancellationToken);
            return new StepResult(step.Keyword, step.Text, step.Line, status, clock.Elapsed, e.Message);
        }
    }

    private static async Task RunHookAsync(HookBinding hook, IServiceProvider services, ScenarioOutcome outcome,
        CancellationToken cancellationToken)
    {
        try
        {
            var target = hook.Method.IsStatic ? null : CreateBindingInstance(hook.BindingType, services);
            var arguments = MethodInvoker.ResolveParameters(hook.Method, services, cancellationToken);
            await MethodInvoker.InvokeAsync(hook.Method, target, arguments).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            outcome.Record(e, $"{hook.Kind} hook {hook.Name}", cancellationToken);
        }
    }

    private static object CreateBindingInstance(Type type, IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService(type);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Could not create the binding class {type.Name} for this scenario: {e.Message}", e);
        }
    }

    private IEnumerable<HookBinding> ScenarioHooks(HookKind kind, IReadOnlyList<string> tags)
    {
        var applicable = Bindings.Hooks.Where(h => h.Kind == kind && h.AppliesTo(tags));
        return Ordered(applicable, kind);
    }

    /// <summary>Lower Order first for before-hooks, last for after-hooks; discovery order breaks ties the same way.</summary>
    private static IEnumerable<HookBinding> Ordered(IEnumerable<HookBinding> hooks, HookKind kind) =>
        kind is HookKind.BeforeScenario or HookKind.BeforeTestRun
            ? hooks.OrderBy(h => h.Order).ThenBy(h => h.DeclarationIndex)
            : hooks.OrderByDescending(h => h.Order).ThenByDescending(h => h.DeclarationIndex);

    private async Task RunTestRunHooksAsync(HookKind kind, bool stopAtFirstFailure, CancellationToken cancellationToken)
    {
        var failures = new List<(HookBinding Hook, Exception Error)>();
        foreach (var hook in Ordered(Bindings.Hooks.Where(h => h.Kind == kind), kind))
        {
            try
            {
                var arguments = MethodInvoker.ResolveParameters(hook.Method, _services, cancellationToken);
                await MethodInvoker.InvokeAsync(hook.Method, null, arguments).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures.Add((hook, e));
                if (stopAtFirstFailure) break;
            }
        }
        if (failures.Count == 0) return;
        var message = string.Join("; ", failures.Select(f => $"[{kind}] hook {f.Hook.Name} failed: {f.Error.GetType().Name}: {f.Error.Message}"));
        throw new TestRunHookException(message, failures.Count == 1 ? failures[0].Error : new AggregateException(failures.Select(f => f.Error)));
    }

    private static IEnumerable<StepResult> SkipAll(IReadOnlyList<ScenarioStep> steps, int from, string? message) =>
        steps.Skip(from).Select(s => new StepResult(s.Keyword, s.Text, s.Line, StepStatus.Skipped, TimeSpan.Zero, message)).ToList();

    private static ScenarioResult Result(ScenarioDefinition scenario, ScenarioOutcome outcome, IEnumerable<StepResult> steps,
        ScenarioContext context, DateTimeOffset started, Stopwatch clock) => new()
    {
        Scenario = scenario.Info,
        Status = outcome.Status,
        Message = outcome.Message,
        Failures = outcome.Failures.ToList(),
        Steps = steps.ToList(),
        Evidence = context.Evidence.Concat(outcome.Evidence).ToList(),
        Started = started,
        Duration = clock.Elapsed,
    };
}
