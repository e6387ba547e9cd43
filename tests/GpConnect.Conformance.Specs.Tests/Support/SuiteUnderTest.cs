using System.Collections.Concurrent;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Specs.Tests.Support;

/// <summary>The suite's real feature files run against the embedded reference provider, with chosen faults switched on.</summary>
public static class SuiteUnderTest
{
    /// <summary>
    /// The features under test. GPCC_SUITE_TAGS (a tag expression, e.g. "@foundations") narrows them while an area is being
    /// worked on; CI leaves it unset, so every feature is checked.
    /// </summary>
    private static readonly Lazy<FeatureCatalog> LazyCatalog = new(() =>
    {
        var catalog = FeatureCatalog.Load(Path.Combine(RepositoryLayout.RequireRoot(), "features"));
        return Environment.GetEnvironmentVariable("GPCC_SUITE_TAGS") is { Length: > 0 } tags ? catalog.Filter(TagExpression.Parse(tags)) : catalog;
    });

    public static FeatureCatalog Catalog => LazyCatalog.Value;

    /// <summary>True when the feature file is among the features under test.</summary>
    public static bool Includes(string featureFile) => Catalog.Scenarios.Any(s => s.Info.FeatureFile == featureFile);

    public static string DefaultConfig => Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json");

    /// <summary>
    /// The response-time limits of these runs. The spec's (query 3000/1000 ms, command 250/100 ms) judge a provider; here the
    /// embedded provider shares two cores with the other test assemblies and the fault cross-product, and a booking
    /// round trip of a loaded test process can miss 100 ms (a warning) or even 250 ms, which says nothing about the provider.
    /// The response-time faults hold their interaction back 500 ms and their detection rows set the limits they are judged
    /// against (300 ms), so those checks still fail for their reason.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string Value)> LoadedMachineResponseLimits =
    [
        ("expectations:queryResponseLimitMs", "10000"), ("expectations:queryResponseTargetMs", "10000"),
        ("expectations:commandResponseLimitMs", "5000"), ("expectations:commandResponseTargetMs", "5000"),
    ];

    /// <summary>Settings from config/default.json with the given faults on and any further overrides (see <see cref="LoadedMachineResponseLimits"/>).</summary>
    public static ConformanceSettings Settings(IEnumerable<string>? faults = null, params (string Key, string Value)[] overrides)
    {
        var values = new List<KeyValuePair<string, string?>>();
        var index = 0;
        foreach (var fault in faults ?? []) values.Add(new($"provider:embedded:faults:{index++}", fault));
        values.AddRange(LoadedMachineResponseLimits
            .Where(limit => !overrides.Any(o => string.Equals(o.Key, limit.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(limit => new KeyValuePair<string, string?>(limit.Key, limit.Value)));
        values.AddRange(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)));
        return SettingsLoader.Load(DefaultConfig, values);
    }

    public static Task<RunResult> RunAsync(IEnumerable<string>? faults = null, params (string Key, string Value)[] overrides) =>
        ConformanceRun.ExecuteAsync(Settings(faults, overrides), Catalog);

    /// <summary>Runs <paramref name="catalog"/> (e.g. a part of <see cref="Catalog"/>) with the given faults and overrides.</summary>
    public static Task<RunResult> RunAsync(FeatureCatalog catalog, IEnumerable<string>? faults, params (string Key, string Value)[] overrides) =>
        ConformanceRun.ExecuteAsync(Settings(faults, overrides), catalog);

    private static readonly ConcurrentDictionary<string, Lazy<Task<RunResult>>> CleanRuns = new(StringComparer.Ordinal);

    /// <summary>
    /// The whole suite against the clean provider, as <paramref name="specVersion"/> (null: the configured default), run
    /// once per test process and shared by the tests that need it.
    /// </summary>
    public static Task<RunResult> CleanRunAsync(string? specVersion = null) =>
        CleanRuns.GetOrAdd(specVersion ?? Settings().SpecVersion, version => new Lazy<Task<RunResult>>(() => RunAsync(null, ("specVersion", version)))).Value;

    /// <summary>Everything a failed scenario says: its message and each broken rule.</summary>
    public static string WarningText(ScenarioResult result) =>
        string.Join(Environment.NewLine, result.Warnings.Select(f => $"{f.Rule} {f.Path}: {f.Message}"));

    public static string FailureText(ScenarioResult result) =>
        string.Join(Environment.NewLine, new[] { result.Message ?? "" }.Concat(result.Failures.Select(f => $"{f.Rule} {f.Path}: {f.Message}")));
}
