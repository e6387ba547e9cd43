using GpConnect.Conformance.Runner;

namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// Which scenarios a fault's run needs: every scenario its detection rows name (each Examples row of an outline), plus a
/// fixed sample of the others, chosen by a stable hash of the fault, the run's settings and the scenario id, so the same
/// fault always gets the same sample and different faults get different ones. The sample is the cross-check on scenarios a
/// fault is not meant to touch (a fault must never make the harness itself throw); the full cross-product
/// (<see cref="FaultDetectionTests.ModeVariable"/>=full) runs every scenario instead.
/// </summary>
public static class DetectionPlan
{
    /// <summary>Scenarios sampled per fault run beside the named ones.</summary>
    public const int SampleSize = 4;

    /// <summary>True when <paramref name="scenario"/> is one a detection row names (same feature file and scenario name).</summary>
    public static bool Names(Detection row, ScenarioDefinition scenario) =>
        scenario.Info.FeatureFile == row.FeatureFile && scenario.Info.Name == row.Scenario;

    /// <summary>The catalog of one fault run: the named scenarios plus the sample, in the catalog's order.</summary>
    public static FeatureCatalog For(FeatureCatalog catalog, IReadOnlyCollection<Detection> rows, int sampleSize = SampleSize)
    {
        var first = rows.First();
        var named = catalog.Scenarios.Where(s => rows.Any(r => Names(r, s))).Select(s => s.Info.Id).ToHashSet(StringComparer.Ordinal);
        var sample = catalog.Scenarios
            .Where(s => !named.Contains(s.Info.Id))
            .OrderBy(s => StableHash($"{first.Fault}|{first.RunLabel}|{s.Info.Id}"))
            .ThenBy(s => s.Info.Id, StringComparer.Ordinal)
            .Take(sampleSize)
            .Select(s => s.Info.Id);
        named.UnionWith(sample);
        return new FeatureCatalog(catalog.Scenarios.Where(s => named.Contains(s.Info.Id)).ToList(), catalog.Errors);
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and every run (string.GetHashCode is not).</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
