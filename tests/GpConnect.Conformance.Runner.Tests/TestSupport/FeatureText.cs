using GpConnect.Conformance.Runner.Results;
using Reqnroll.BoDi;

namespace GpConnect.Conformance.Runner.Tests.TestSupport;

/// <summary>Builds catalogs and runs scenarios from feature text written inside the tests.</summary>
internal static class FeatureText
{
    public const string File = "features/test.feature";

    public static FeatureCatalog Catalog(string text, string file = File) => FeatureCatalog.FromSources((file, text));

    public static ScenarioDefinition Single(string text)
    {
        var catalog = Catalog(text);
        catalog.Errors.ShouldBeEmpty();
        return catalog.Scenarios.ShouldHaveSingleItem();
    }

    /// <summary>Runs the only scenario of <paramref name="feature"/> with the given binding classes and a fresh journal.</summary>
    public static async Task<(ScenarioResult Result, Journal Journal)> RunSingle(string feature, params Type[] bindings)
    {
        var journal = new Journal();
        await using var runner = Runner(journal, bindings);
        var result = await runner.RunScenarioAsync(Single(feature), TestContext.Current.CancellationToken);
        await runner.FinishRunAsync();
        return (result, journal);
    }

    /// <summary>A runner over this test assembly's [Binding] classes (Reqnroll discovers bindings per assembly; the types only document intent).</summary>
    public static ScenarioRunner Runner(Journal journal, params Type[] bindings) =>
        new(new ScenarioRunnerOptions { BindingAssembly = typeof(FeatureText).Assembly, RegisterRunServices = c => c.RegisterInstanceAs(journal) });
}
