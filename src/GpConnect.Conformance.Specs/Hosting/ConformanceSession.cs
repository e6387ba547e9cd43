using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain;
using Reqnroll.BoDi;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// Everything a run shares: the target provider, the GP Connect client, the profile validator, the expectations for
/// the target spec version and the scenario runner with this assembly's bindings. The CLI, the xUnit feature tests and
/// the fault-detection tests all run scenarios through one of these.
/// </summary>
public sealed class ConformanceSession : IAsyncDisposable
{
    private readonly GpConnectClient _client;

    private ConformanceSession(ConformanceSettings settings, ProviderTarget target, GpConnectClient client, ProfileValidator validator,
        CucumberOutputs? cucumber, string? ledgerFile)
    {
        State = new Domain.Run.RunState(settings, client, target.ServiceRoot, new Domain.Run.BookingLedger(ledgerFile, DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)));
        Settings = settings;
        Target = target;
        _client = client;
        Expectations = new SpecVersionExpectations(settings);
        Validator = validator;
        var testData = new TestData.TestDataService(settings);
        Clock = SuiteClock.For(settings);
        Parallel = settings.Run.ParallelFor(settings.Provider.Target);
        TlsEndpoint = new SharedTlsEndpoint(settings);
        Runner = new ScenarioRunner(RunnerOptions(settings) with
        {
            Formatters = cucumber,
            MaxConcurrentScenarios = Parallel,
            RegisterRunServices = container =>
            {
                // Run-level services (BoDi): one instance for the whole run, injected into binding constructors.
                container.RegisterInstanceAs(settings);
                container.RegisterInstanceAs(target);
                container.RegisterInstanceAs(client);
                container.RegisterInstanceAs(validator);
                container.RegisterInstanceAs(Expectations);
                container.RegisterInstanceAs(testData);
                container.RegisterInstanceAs(Clock);
                // Steps take the suite clock as a TimeProvider: every date they work out follows --as-of.
                container.RegisterInstanceAs<TimeProvider>(Clock);
                container.RegisterInstanceAs(State);
                container.RegisterInstanceAs(TlsEndpoint);
            },
        });
    }

    /// <summary>The assembly holding the suite's step definitions and hooks.</summary>
    public static System.Reflection.Assembly BindingAssembly => typeof(ConformanceSession).Assembly;

    /// <summary>
    /// The runner options for these settings: the suite's bindings plus the supplier's binding assemblies
    /// (<c>extensions:bindingAssemblies</c>), no run services and no formatters.
    /// </summary>
    /// <exception cref="ConfigurationException">An extra binding assembly cannot be loaded.</exception>
    public static ScenarioRunnerOptions RunnerOptions(ConformanceSettings settings) => new()
    {
        BindingAssembly = BindingAssembly,
        AdditionalBindingAssemblies = ExtensionAssemblies.Load(settings),
    };

    public ConformanceSettings Settings { get; }
    public ProviderTarget Target { get; }
    public SpecVersionExpectations Expectations { get; }
    public ProfileValidator Validator { get; }

    /// <summary>The clock the suite's dates come from (moved by config asOf / --as-of); JWT times stay real.</summary>
    public SuiteClock Clock { get; }
    public ScenarioRunner Runner { get; }

    /// <summary>How many scenarios may run at once (<c>run:parallel</c>; default: the core count for the embedded provider, 1 for a remote one).</summary>
    public int Parallel { get; }

    /// <summary>What the run shares across scenarios: registrable-patient pools, bookings ledger, bookings not cancelled.</summary>
    public Domain.Run.RunState State { get; }

    /// <summary>The run's TLS mutual-authentication endpoint, opened by the first TLS scenario.</summary>
    public SharedTlsEndpoint TlsEndpoint { get; }

    /// <summary>The GP Connect client towards the target (also used by the test-data preflight).</summary>
    public GpConnectClient Client => _client;

    /// <summary>Starts the target (the embedded provider when so configured) and prepares the runner.</summary>
    /// <param name="cucumber">Where Reqnroll's formatters write Cucumber Messages and Cucumber's HTML report; null: not written.</param>
    /// <param name="ledgerFile">The bookings ledger to append to (null: kept in memory only).</param>
    public static async Task<ConformanceSession> StartAsync(ConformanceSettings settings, CancellationToken cancellationToken = default,
        CucumberOutputs? cucumber = null, string? ledgerFile = null)
    {
        var validator = ValidatorFor(settings);
        var target = await ProviderTarget.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        try
        {
            var client = new GpConnectClient(settings, target.ServiceRoot, TimeProvider.System, target.Tls);
            return new ConformanceSession(settings, target, client, validator, cucumber, ledgerFile);
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The validator with release-note cardinalities as configured (expectations:serviceTypeMax).</summary>
    public static ProfileValidator ValidatorFor(ConformanceSettings settings) =>
        ProfileValidator.CreateDefault(new ValidatorOptions { ServiceTypeMax = settings.Expectations.ServiceTypeMax });

    public Task<ScenarioResult> RunAsync(ScenarioDefinition scenario, CancellationToken cancellationToken = default) =>
        Runner.RunScenarioAsync(scenario, cancellationToken);

    /// <summary>Name/value pairs for the top of reports: target, spec version, expectation set, redacted config.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata()
    {
        var metadata = new List<KeyValuePair<string, string>>
        {
            new("target", Target.Description),
            new("serviceRoot", Target.ServiceRoot.ToString()),
            new("specVersion", Settings.SpecVersion),
            new("expectations", Expectations.Describe()),
            new("capabilityVersionExpected", $"{Expectations.CapabilityVersion} ({Expectations.CapabilityVersionBasis})"),
            new("configFile", Settings.SourceFile),
        };
        if (SuiteClock.Scope(Settings) is { } asOf) metadata.Add(new("asOf", asOf));
        metadata.Add(new("parallel", Parallel.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The whole configuration as one multi-line entry (secrets already masked), so reports can fold it away.
        metadata.Add(new("config", string.Join("\n", Settings.Redacted().Select(kv => $"{kv.Key} = {kv.Value}"))));
        return metadata;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Runner.FinishRunAsync().ConfigureAwait(false);
        }
        finally
        {
            await Runner.DisposeAsync().ConfigureAwait(false);
            await TlsEndpoint.DisposeAsync().ConfigureAwait(false);
            _client.Dispose();
            await Target.DisposeAsync().ConfigureAwait(false);
        }
    }
}
