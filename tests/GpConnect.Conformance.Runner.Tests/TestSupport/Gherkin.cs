using GpConnect.Conformance.Runner.Results;
using Microsoft.Extensions.DependencyInjection;

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
        await runner.FinishRunAsync(TestContext.Current.CancellationToken);
        return (result, journal);
    }

    public static ScenarioRunner Runner(Journal journal, params Type[] bindings) =>
        new(BindingRegistry.FromTypes(bindings), services => services.AddSingleton(journal));
}

/// <summary>A run-level service the test bindings write to, so tests can see what ran and in which order.</summary>
public sealed class Journal
{
    private readonly List<string> _entries = [];
    private readonly List<object> _objects = [];

    public IReadOnlyList<string> Entries { get { lock (_entries) return _entries.ToList(); } }
    public IReadOnlyList<object> Objects { get { lock (_objects) return _objects.ToList(); } }

    public void Add(string entry) { lock (_entries) _entries.Add(entry); }
    public void Keep(object value) { lock (_objects) _objects.Add(value); }
}
