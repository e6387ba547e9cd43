using Xunit;

namespace GpConnect.Conformance.Runner.Xunit;

/// <summary>The body of the theory that runs one row produced by <see cref="ScenarioTestData.Rows"/>.</summary>
public static class ScenarioTestCase
{
    /// <summary>
    /// Runs the scenario with this id and maps its result with <see cref="ScenarioAssert.Outcome"/>; the step log goes to
    /// the test output. A load-error row fails with file:line:column and the parser's message.
    /// </summary>
    public static async Task RunAsync(FeatureCatalog catalog, ScenarioRunner runner, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrEmpty(id);

        if (id.StartsWith(ScenarioTestData.LoadErrorIdPrefix, StringComparison.Ordinal))
        {
            var errors = catalog.Errors.Where(e => ScenarioTestData.LoadErrorId(e) == id).ToList();
            throw new ScenarioFailedException(errors.Count == 0
                ? $"The feature file error '{id[ScenarioTestData.LoadErrorIdPrefix.Length..]}' is no longer reported; rediscover the tests."
                : "The feature file could not be parsed: " + string.Join(Environment.NewLine, errors));
        }

        var scenario = catalog.Find(id)
            ?? throw new ScenarioFailedException($"No scenario has the id '{id}'; the feature files changed since discovery, rediscover the tests.");
        if (cancellationToken == default) cancellationToken = TestContext.Current.CancellationToken;
        var result = await runner.RunScenarioAsync(scenario, cancellationToken).ConfigureAwait(false);
        TestContext.Current.TestOutputHelper?.WriteLine($"{result.Status}: {result.Scenario.DisplayName}{Environment.NewLine}{ScenarioAssert.StepLog(result)}");
        ScenarioAssert.Outcome(result);
    }
}
