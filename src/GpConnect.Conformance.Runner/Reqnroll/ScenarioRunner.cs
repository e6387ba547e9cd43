using System.Diagnostics;
using System.Reflection;
using GpConnect.Conformance.Runner.Results;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Where Reqnroll's formatters write: absolute paths (formatter paths are otherwise relative to the current directory).
/// The formatters keep their files open for the whole run, so a run writes them to a staging folder and
/// <see cref="MoveInto"/> puts them into the run folder once the run has ended (before the manifest is written).
/// </summary>
public sealed record CucumberOutputs(string MessagesFile, string HtmlFile)
{
    public const string MessagesFileName = "cucumber-messages.ndjson";
    public const string HtmlFileName = "cucumber-report.html";

    /// <summary>The two files inside <paramref name="folder"/>.</summary>
    public static CucumberOutputs In(string folder) =>
        new(Path.GetFullPath(Path.Combine(folder, MessagesFileName)), Path.GetFullPath(Path.Combine(folder, HtmlFileName)));

    /// <summary>A fresh staging folder under the system's temporary folder.</summary>
    public static CucumberOutputs Staging() =>
        In(Directory.CreateTempSubdirectory("gpcc-cucumber-").FullName);

    /// <summary>Moves the files that were written into <paramref name="runFolder"/> and removes the staging folder; returns the moved paths.</summary>
    public IReadOnlyList<string> MoveInto(string runFolder)
    {
        var moved = new List<string>();
        foreach (var file in new[] { MessagesFile, HtmlFile })
        {
            if (!File.Exists(file)) continue;
            var target = Path.Combine(runFolder, Path.GetFileName(file));
            File.Move(file, target, overwrite: true);
            moved.Add(target);
        }
        var staging = Path.GetDirectoryName(MessagesFile);
        if (staging is not null && Directory.Exists(staging) && !Directory.EnumerateFileSystemEntries(staging).Any())
            Directory.Delete(staging);
        return moved;
    }
}

/// <summary>How a <see cref="ScenarioRunner"/> sets up the Reqnroll runtime.</summary>
public sealed record ScenarioRunnerOptions
{
    /// <summary>The assembly whose [Binding] classes run the features (Reqnroll's "test assembly").</summary>
    public required Assembly BindingAssembly { get; init; }

    /// <summary>Further binding assemblies (a supplier's own steps); reqnroll.json's bindingAssemblies are honoured too.</summary>
    public IReadOnlyList<Assembly> AdditionalBindingAssemblies { get; init; } = [];

    /// <summary>Registers run-level services (BoDi) that binding constructors may ask for.</summary>
    public Action<IObjectContainer>? RegisterRunServices { get; init; }

    /// <summary>Binds every step without invoking any binding (Reqnroll's dry run).</summary>
    public bool DryRun { get; init; }

    /// <summary>Writes Cucumber Messages and Cucumber's HTML report there; null turns the formatters off.</summary>
    public CucumberOutputs? Formatters { get; init; }

    /// <summary>
    /// How many scenarios may run at once (default 1). Scenarios of one feature may overlap; a scenario of another feature
    /// waits until every running one has ended, so a feature's [AfterFeature] hooks run before the next feature starts.
    /// Each concurrent scenario gets its own Reqnroll test runner (one per worker), so [BeforeFeature] hooks run once per worker.
    /// </summary>
    public int MaxConcurrentScenarios { get; init; } = 1;
}

/// <summary>
/// Runs pickles on the real Reqnroll runtime without generated code or a test-framework adapter: it replays, per
/// scenario, the calls a generated test class makes (feature start/end, scenario initialise/start, one call per pickle
/// step in order, error collection, scenario end), and returns the project's <see cref="ScenarioResult"/>. Each runner
/// owns its own Reqnroll global container (not the per-assembly static registry), so several runs may exist at once in
/// one process; scenarios of one runner run one after another unless <see cref="ScenarioRunnerOptions.MaxConcurrentScenarios"/>
/// allows more, and never two features at once.
/// </summary>
public sealed class ScenarioRunner : IAsyncDisposable
{
    private readonly ScenarioRunnerOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly int _slots;
    // Guards the feature in progress and the count of running scenarios (a feature switch waits until none runs).
    private readonly SemaphoreSlim _featureGate = new(1, 1);
    private int _running;
    private TaskCompletionSource? _drained;
    private readonly Lock _startLock = new();
    private Task? _start;
    private IObjectContainer? _globalContainer;
    private ITestRunnerManager? _manager;
    private FeatureInfo? _lastFeature;
    private bool _finished;

    public ScenarioRunner(ScenarioRunnerOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.MaxConcurrentScenarios < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrentScenarios must be 1 or more.");
        _slots = options.MaxConcurrentScenarios;
        _gate = new SemaphoreSlim(_slots, _slots);
    }

    public ScenarioRunnerOptions Options => _options;

    /// <summary>
    /// Builds the Reqnroll runtime (bindings discovered, plugin registered) and runs the [BeforeTestRun] hooks, once; later
    /// calls return the same task. <see cref="RunScenarioAsync"/> calls it too.
    /// </summary>
    /// <exception cref="TestRunHookException">The runtime could not start or a hook failed.</exception>
    public Task StartRunAsync(CancellationToken cancellationToken = default)
    {
        lock (_startLock)
            return _start ??= StartCoreAsync();
    }

    private async Task StartCoreAsync()
    {
        try
        {
            var builder = new ContainerBuilder(new ConformanceDependencyProvider(new ConformanceRuntimePlugin(_options)));
            _globalContainer = builder.CreateGlobalContainer(_options.BindingAssembly);
            _manager = _globalContainer.Resolve<ITestRunnerManager>();
            _manager.Initialize(_options.BindingAssembly);
            await _manager.FireTestRunStartAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new TestRunHookException($"The Reqnroll run could not start: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Problems of the bindings (invalid patterns, bad signatures) Reqnroll found; empty when all is well.</summary>
    public async Task<IReadOnlyList<string>> BindingProblemsAsync()
    {
        await StartRunAsync().ConfigureAwait(false);
        var registry = _globalContainer!.Resolve<IBindingRegistry>();
        return registry.IsValid ? [] : registry.GetErrorMessages().Select(e => e.Message).ToList();
    }

    /// <summary>
    /// Runs the open features' [AfterFeature] hooks and the [AfterTestRun] hooks, and lets the formatters write their
    /// files; once. Safe to call when the run never started.
    /// </summary>
    /// <exception cref="TestRunHookException">A hook failed.</exception>
    public async Task FinishRunAsync()
    {
        lock (_startLock)
        {
            if (_finished || _start is null) return;
            _finished = true;
        }
        try
        {
            await _start.ConfigureAwait(false);
        }
        catch (TestRunHookException)
        {
        }
        if (_manager is null) return;
        // Every slot: no scenario is running while the run ends.
        for (var i = 0; i < _slots; i++) await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _manager.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new TestRunHookException($"Ending the run failed: {e.GetType().Name}: {e.Message}", e);
        }
        finally
        {
            _gate.Release(_slots);
        }
    }

    /// <summary>
    /// Runs one scenario. Never throws for a scenario failure; cancellation ends the scenario as Skipped with a reason
    /// after its [AfterScenario] hooks have run. In a dry run a scenario whose steps all bind is Skipped ("dry run").
    /// </summary>
    public async Task<ScenarioResult> RunScenarioAsync(ScenarioDefinition scenario, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        if (cancellationToken.IsCancellationRequested)
            return NotRun(scenario, ScenarioStatus.Skipped, "The run was cancelled before this scenario started.", "not run: the run was cancelled", started, clock);
        try
        {
            await StartRunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return NotRun(scenario, ScenarioStatus.Failed, $"The run could not start, so no scenario can run: {e.Message}", "not run: the run could not start", started, clock);
        }

        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_finished)
                return NotRun(scenario, ScenarioStatus.Failed, "The run has already finished.", "not run: the run has finished", started, clock);
            var state = new ScenarioState(scenario, new ConformanceScenario(scenario.Info, cancellationToken));
            return await ExecuteAsync(state, started, clock).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Enters <paramref name="feature"/>: waits until no scenario of another feature runs, ends that feature for every
    /// (idle) test runner, then counts this scenario as running.
    /// </summary>
    private async Task EnterFeatureAsync(FeatureInfo feature, ScenarioState state)
    {
        while (true)
        {
            Task wait;
            await _featureGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_lastFeature is null || ReferenceEquals(_lastFeature, feature) || _running == 0)
                {
                    // A feature ends when the next scenario belongs to another one (FeatureInfo is compared by reference).
                    if (_lastFeature is not null && !ReferenceEquals(_lastFeature, feature))
                    {
                        var previous = _lastFeature;
                        _lastFeature = null;
                        try
                        {
                            await _manager!.EndFeatureForAvailableTestRunnersAsync(previous).ConfigureAwait(false);
                        }
                        catch (Exception e)
                        {
                            state.HookFailed($"[AfterFeature] hook of \"{previous.Title}\"", e);
                        }
                    }
                    _lastFeature = feature;
                    _running++;
                    return;
                }
                wait = (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
            finally
            {
                _featureGate.Release();
            }
            await wait.ConfigureAwait(false);
        }
    }

    private async Task LeaveFeatureAsync()
    {
        await _featureGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--_running == 0 && _drained is { } drained)
            {
                _drained = null;
                drained.TrySetResult();
            }
        }
        finally
        {
            _featureGate.Release();
        }
    }

    private async Task<ScenarioResult> ExecuteAsync(ScenarioState state, DateTimeOffset started, Stopwatch clock)
    {
        ScenarioState.Current = state;
        var feature = state.Definition.Feature;
        await EnterFeatureAsync(feature, state).ConfigureAwait(false);
        try
        {
            return await ExecuteInFeatureAsync(state, started, clock).ConfigureAwait(false);
        }
        finally
        {
            await LeaveFeatureAsync().ConfigureAwait(false);
        }
    }

    private async Task<ScenarioResult> ExecuteInFeatureAsync(ScenarioState state, DateTimeOffset started, Stopwatch clock)
    {
        var scenario = state.Definition;
        var feature = scenario.Feature;
        var manager = _manager!;
        var runner = manager.GetTestRunner(feature);
        Exception? error = null;
        Exception? afterError = null;
        var status = ScenarioExecutionStatus.OK;
        try
        {
            if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature))
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
            if (runner.FeatureContext is null)
            {
                try
                {
                    await runner.OnFeatureStartAsync(feature).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    return NotRun(scenario, ScenarioStatus.Failed, $"The [BeforeFeature] hook of \"{feature.Title}\" failed: {e.GetType().Name}: {e.Message}",
                        "not run: a [BeforeFeature] hook failed", started, clock);
                }
            }
            if (runner.FeatureContext?.BeforeFeatureHookFailed == true)
                return NotRun(scenario, ScenarioStatus.Failed, $"Not run: the [BeforeFeature] hook of \"{feature.Title}\" failed.",
                    "not run: a [BeforeFeature] hook failed", started, clock);

            runner.OnScenarioInitialize(scenario.CreateReqnrollInfo(), scenario.Rule);
            if (scenario.Info.Tags.Any(t => t.Equals("@ignore", StringComparison.OrdinalIgnoreCase)))
            {
                await runner.SkipScenarioAsync().ConfigureAwait(false);
            }
            else
            {
                await runner.OnScenarioStartAsync().ConfigureAwait(false);
                foreach (var step in scenario.Steps)
                {
                    var stepClock = Stopwatch.StartNew();
                    var recorded = state.Steps.Count;
                    await (step.Kind switch
                    {
                        StepKind.When => runner.WhenAsync(step.Text, step.DocString, step.Table, step.Keyword),
                        StepKind.Then => runner.ThenAsync(step.Text, step.DocString, step.Table, step.Keyword),
                        _ => runner.GivenAsync(step.Text, step.DocString, step.Table, step.Keyword),
                    }).ConfigureAwait(false);
                    if (state.Steps.Count > recorded) state.Steps[^1].Duration = stepClock.Elapsed;
                }
            }

            try
            {
                await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                // Read before OnScenarioEndAsync, which clears the scenario context.
                status = runner.ScenarioContext.ScenarioExecutionStatus;
            }

            try
            {
                await runner.OnScenarioEndAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                afterError = e;
            }
        }
        catch (Exception e)
        {
            // Reqnroll itself failed (not a binding): the scenario fails with the reason.
            error ??= e;
            status = ScenarioExecutionStatus.TestError;
        }
        finally
        {
            manager.ReleaseTestRunnerToPool(runner);
            ScenarioState.Current = null;
        }
        return ScenarioResultBuilder.Build(state, status, error, afterError, _options.DryRun, started, clock.Elapsed);
    }

    private static ScenarioResult NotRun(ScenarioDefinition scenario, ScenarioStatus status, string message, string stepMessage,
        DateTimeOffset started, Stopwatch clock) => new()
    {
        Scenario = scenario.Info,
        Status = status,
        Message = message,
        Steps = scenario.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Line, StepStatus.Skipped, TimeSpan.Zero, stepMessage)).ToList(),
        Started = started,
        Duration = clock.Elapsed,
    };

    /// <summary>Finishes the run if <see cref="FinishRunAsync"/> was not called, so teardown and the formatter files are never lost.</summary>
    public async ValueTask DisposeAsync()
    {
        await FinishRunAsync().ConfigureAwait(false);
    }
}
