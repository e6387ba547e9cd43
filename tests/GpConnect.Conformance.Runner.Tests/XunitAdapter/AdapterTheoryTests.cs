using Reqnroll;
using GpConnect.Conformance.Runner.Xunit;

[assembly: AssemblyFixture(typeof(GpConnect.Conformance.Runner.Tests.XunitAdapter.AdapterRunFixture))]

namespace GpConnect.Conformance.Runner.Tests.XunitAdapter;

/// <summary>
/// The adapter used for real: every pickle of adapter-features/ is one xUnit test case. Checked from outside with
/// <c>dotnet test --list-tests</c> and <c>--filter "Tag=@ticket-912"</c> (see the report of the runner work).
/// </summary>
[TestCaseOrderer(typeof(ScenarioTestCaseOrderer))]
public sealed class AdapterTheoryTests(AdapterRunFixture fixture)
{
    public static readonly Lazy<FeatureCatalog> Catalog = new(() =>
        FeatureCatalog.Load(Path.Combine(AppContext.BaseDirectory, "XunitAdapter", "adapter-features")));

    public static IEnumerable<TheoryDataRow<string>> Scenarios => ScenarioTestData.Rows(Catalog.Value);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(string id) => ScenarioTestCase.RunAsync(Catalog.Value, fixture.Runner, id, TestContext.Current.CancellationToken);

    [Fact]
    public void The_adapter_features_load_as_four_pickles_without_errors()
    {
        Catalog.Value.Errors.ShouldBeEmpty();
        Catalog.Value.Scenarios.Count.ShouldBe(4);
        Scenarios.Count().ShouldBe(4);
    }

    [Fact]
    public void The_fixture_ran_the_before_test_run_hook_once()
    {
        fixture.Runs.Started.ShouldBe(1);
    }
}

/// <summary>One runner for the whole test assembly, over the adapter steps only.</summary>
public sealed class AdapterRunFixture : ScenarioRunFixture
{
    /// <summary>This fixture's own run counter (other tests' runners get a fresh one from the container).</summary>
    public AdapterRunCounter Runs { get; } = new();

    protected override ScenarioRunner CreateRunner() => new(new ScenarioRunnerOptions
    {
        BindingAssembly = typeof(AdapterSteps).Assembly,
        RegisterRunServices = c =>
        {
            c.RegisterInstanceAs(new TestSupport.Journal());
            c.RegisterInstanceAs(Runs);
        },
    });
}

public sealed class AdapterRunCounter
{
    private int _started;
    public int Started => Volatile.Read(ref _started);
    public void Start() => Interlocked.Increment(ref _started);
}

public sealed class AdapterCounter
{
    public int Value { get; set; }
}

[Binding]
public sealed class AdapterSteps(AdapterCounter counter)
{
    private static int _runStarted;

    public static int RunStarted => Volatile.Read(ref _runStarted);

    [BeforeTestRun]
    public static void StartRun(AdapterRunCounter runs)
    {
        Interlocked.Increment(ref _runStarted);
        runs.Start();
    }

    [Given(@"^the adapter counter starts at (\d+)$")]
    public void Start(int value) => counter.Value = value;

    [When(@"^the adapter counter is increased by (\d+)$")]
    public void Increase(int by) => counter.Value += by;

    [Then(@"^the adapter counter is (\d+)$")]
    public void Check(int expected)
    {
        if (counter.Value != expected)
            throw new ConformanceCheckException(new Results.CheckFailure("counter", null, expected.ToString(), counter.Value.ToString(), "The counter is wrong."));
    }
}
