using Xunit;

namespace GpConnect.Conformance.Runner.Xunit;

/// <summary>
/// Owns one <see cref="ScenarioRunner"/> for a test assembly: runs [BeforeTestRun] hooks before the first test and
/// [AfterTestRun] hooks after the last. Derive from it and register the subclass with
/// <c>[assembly: AssemblyFixture(typeof(MyRunFixture))]</c>, then take it in the test class constructor.
/// </summary>
public abstract class ScenarioRunFixture : IAsyncLifetime
{
    private ScenarioRunner? _runner;

    /// <summary>The runner; available once the fixture is initialised.</summary>
    public ScenarioRunner Runner => _runner ?? throw new InvalidOperationException("The run fixture has not been initialised yet.");

    /// <summary>Creates the runner (bindings plus run-level services).</summary>
    protected abstract ScenarioRunner CreateRunner();

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        _runner = CreateRunner();
        await _runner.StartRunAsync(TestContext.Current.CancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_runner is null) return;
        try
        {
            await _runner.FinishRunAsync().ConfigureAwait(false);
        }
        finally
        {
            await _runner.DisposeAsync().ConfigureAwait(false);
        }
    }
}
