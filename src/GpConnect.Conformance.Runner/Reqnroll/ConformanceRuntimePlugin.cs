using Reqnroll;
using Reqnroll.Analytics;
using Reqnroll.CommonModels;
using Reqnroll.BindingSkeletons;
using Reqnroll.BoDi;
using Reqnroll.EnvironmentAccess;
using Reqnroll.Events;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Stands in for a test-framework adapter (Reqnroll.xunit.v3 and the like are not used): maps Reqnroll's "test pending /
/// ignore" calls and the project's outcome exceptions onto Reqnroll statuses.
/// </summary>
internal sealed class ConformanceUnitTestRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new ReqnrollOutcomeException(ReqnrollOutcome.Pending, message);
    public void TestInconclusive(string message) => throw new ReqnrollOutcomeException(ReqnrollOutcome.Inconclusive, message);
    public void TestIgnore(string message) => throw new ReqnrollOutcomeException(ReqnrollOutcome.Ignored, message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioSkippedException or ScenarioNotApplicableException => ScenarioExecutionStatus.Skipped,
        ReqnrollOutcomeException { Outcome: ReqnrollOutcome.Ignored or ReqnrollOutcome.Inconclusive } => ScenarioExecutionStatus.Skipped,
        ReqnrollOutcomeException { Outcome: ReqnrollOutcome.Pending } => ScenarioExecutionStatus.StepDefinitionPending,
        OperationCanceledException when ScenarioState.Current?.CancellationToken.IsCancellationRequested == true => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}

internal enum ReqnrollOutcome { Pending, Inconclusive, Ignored }

/// <summary>What Reqnroll reported through the runtime provider (undefined or pending steps, an ignored scenario).</summary>
internal sealed class ReqnrollOutcomeException(ReqnrollOutcome outcome, string message) : Exception(message)
{
    public ReqnrollOutcome Outcome { get; } = outcome;
}

/// <summary>
/// The runtime plugin, registered from code (see <see cref="ConformanceDependencyProvider"/>): the unit-test provider,
/// run-level services, the per-scenario <see cref="ConformanceScenario"/>, dry run, the formatters' settings, a quiet
/// trace listener and the step/hook listener that turns Reqnroll's events into the project's step results.
/// </summary>
internal sealed class ConformanceRuntimePlugin(ScenarioRunnerOptions options) : IRuntimePlugin
{
    public const string ProviderName = "gpconnect-conformance";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);

        runtimePluginEvents.ConfigurationDefaults += (_, e) =>
        {
            var configuration = e.ReqnrollConfiguration;
            configuration.TraceSuccessfulSteps = false;
            configuration.TraceTimings = false;
            configuration.StepDefinitionSkeletonStyle = StepDefinitionSkeletonStyle.AsyncRegexAttribute;
            foreach (var assembly in options.AdditionalBindingAssemblies)
                if (!configuration.AdditionalStepAssemblies.Contains(assembly.FullName!)) configuration.AdditionalStepAssemblies.Add(assembly.FullName!);
        };

        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<ConformanceUnitTestRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);

        runtimePluginEvents.CustomizeGlobalDependencies += (_, e) =>
        {
            var container = e.ObjectContainer;
            container.RegisterInstanceAs<IBindingAssemblyLoader>(new KnownAssemblyLoader(options.AdditionalBindingAssemblies));
            container.RegisterFactoryAs<IEnvironmentOptions>(c => new ConformanceEnvironmentOptions(new EnvironmentOptions(c.Resolve<IEnvironmentWrapper>()), options.DryRun));
            container.RegisterFactoryAs<IFormattersConfigurationProvider>(c =>
                new ConformanceFormattersConfiguration(options.Formatters, c.Resolve<IEnvironmentOptions>()));
            options.RegisterRunServices?.Invoke(container);
        };

        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<QuietTraceListener, ITraceListener>();
            e.ObjectContainer.Resolve<ITestThreadExecutionEventPublisher>().AddListener(new StepEventListener());
        };

        runtimePluginEvents.CustomizeScenarioDependencies += (_, e) =>
        {
            var state = ScenarioState.Current
                ?? throw new InvalidOperationException("A Reqnroll scenario started outside the conformance executor.");
            e.ObjectContainer.RegisterInstanceAs(state.Scenario);
        };
    }
}

/// <summary>Registers <see cref="ConformanceRuntimePlugin"/> from code (no plugin assembly is scanned for it).</summary>
internal sealed class ConformanceDependencyProvider(ConformanceRuntimePlugin plugin) : DefaultDependencyProvider
{
    public override void RegisterGlobalContainerDefaults(ObjectContainer container)
    {
        base.RegisterGlobalContainerDefaults(container);
        container.RegisterInstanceAs<IRuntimePlugin>(plugin, ConformanceRuntimePlugin.ProviderName);
        // Before anything resolves it (plugin loading does): Reqnroll's own trace stays off the console.
        container.RegisterTypeAs<QuietTraceListener, ITraceListener>();
        // No usage telemetry leaves an assurance run (Reqnroll would otherwise post to its analytics endpoint).
        container.RegisterTypeAs<NoTelemetry, IAnalyticsTransmitter>();
    }
}

/// <summary>Reqnroll's usage telemetry, switched off whatever REQNROLL_TELEMETRY_ENABLED says.</summary>
internal sealed class NoTelemetry : IAnalyticsTransmitter
{
    public bool IsEnabled => false;
    public Task<IResult> TransmitReqnrollProjectCompilingEventAsync(ReqnrollProjectCompilingEvent projectCompilingEvent) => Task.FromResult<IResult>(Result.Success());
    public Task<IResult> TransmitReqnrollProjectRunningEventAsync(ReqnrollProjectRunningEvent projectRunningEvent) => Task.FromResult<IResult>(Result.Success());
    public Task<IResult> TransmitReqnrollFeatureUseEventAsync(ReqnrollFeatureUseEvent featureUseEvent) => Task.FromResult<IResult>(Result.Success());
}

/// <summary>Reqnroll's own trace output (step echoes, warnings) stays off the console: the executor reports what matters.</summary>
internal sealed class QuietTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => ScenarioState.Current?.Output.Add(message);
    public void WriteToolOutput(string message) => ScenarioState.Current?.Output.Add(message);
}

/// <summary>Binding assemblies named by the run resolve to the instances already loaded (e.g. from a path).</summary>
internal sealed class KnownAssemblyLoader(IReadOnlyList<System.Reflection.Assembly> known) : IBindingAssemblyLoader
{
    public System.Reflection.Assembly Load(string assemblyName) =>
        known.FirstOrDefault(a => a.FullName == assemblyName || a.GetName().Name == assemblyName)
        ?? System.Reflection.Assembly.Load(assemblyName);
}

/// <summary>The environment's options, with dry run decided by the run rather than by REQNROLL_DRY_RUN alone.</summary>
internal sealed class ConformanceEnvironmentOptions(IEnvironmentOptions inner, bool dryRun) : IEnvironmentOptions
{
    public bool IsDryRun => dryRun || inner.IsDryRun;
    public string? BindingsOutputFilepath => inner.BindingsOutputFilepath;
    public bool IsRunningInContainer => inner.IsRunningInContainer;
    public bool FormattersDisabled => inner.FormattersDisabled;
    public string? FormattersJson => inner.FormattersJson;
    public IDictionary<string, string> FormatterSettings => inner.FormatterSettings;
}

/// <summary>
/// The formatters' settings come from the run, not from reqnroll.json: Cucumber Messages (ndjson) and Cucumber's HTML report
/// written to absolute paths inside the run folder, or no formatter at all. REQNROLL_FORMATTERS_DISABLED=true still wins.
/// </summary>
internal sealed class ConformanceFormattersConfiguration(CucumberOutputs? outputs, IEnvironmentOptions environment) : IFormattersConfigurationProvider
{
    public bool Enabled => outputs is not null && !environment.FormattersDisabled;

    public IDictionary<string, object>? GetFormatterConfigurationByName(string formatterName)
    {
        if (!Enabled) return null;
        var path = formatterName.ToLowerInvariant() switch
        {
            "message" => outputs!.MessagesFile,
            "html" => outputs!.HtmlFile,
            _ => null,
        };
        return path is null ? null : new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["outputFilePath"] = path };
    }

    public string ResolveTemplatePlaceholders(string template) => template;
}

/// <summary>Turns Reqnroll's step and hook events into the running scenario's step log.</summary>
internal sealed class StepEventListener : IAsyncExecutionEventListener
{
    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        OnEvent(executionEvent);
        return Task.CompletedTask;
    }

    private static void OnEvent(IExecutionEvent executionEvent)
    {
        var state = ScenarioState.Current;
        if (state is null) return;
        switch (executionEvent)
        {
            case StepFinishedEvent step:
                string? snippet = null;
                if (step.StepContext.Status == ScenarioExecutionStatus.UndefinedStep && step.StepContext.StepInfo.StepInstance is { } instance)
                {
                    var skeletons = step.ScenarioContext.ScenarioContainer.Resolve<IStepDefinitionSkeletonProvider>();
                    snippet = skeletons.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, instance,
                        StepDefinitionSkeletonStyle.AsyncRegexAttribute, step.FeatureContext.BindingCulture);
                }
                state.StepFinished(step.StepContext.Status, step.StepContext.StepError, snippet);
                break;
            case HookBindingFinishedEvent { HookException: { } error } hook:
                state.HookFailed($"[{hook.HookBinding.HookType}] hook {hook.HookBinding.Method.Type.Name}.{hook.HookBinding.Method.Name}", error);
                break;
        }
    }
}
