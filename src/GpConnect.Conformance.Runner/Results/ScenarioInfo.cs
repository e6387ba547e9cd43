namespace GpConnect.Conformance.Runner.Results;

/// <summary>
/// Identity of one pickle: which feature file and scenario it came from, its Examples row (for outlines) and all its tags
/// (feature + scenario + examples, with '@'). <see cref="Id"/> is stable across runs: "relative/path.feature:line" plus
/// ":row" for an Examples row, so reports can compare runs.
/// </summary>
public sealed record ScenarioInfo
{
    public required string Id { get; init; }
    public required string FeatureFile { get; init; }
    public required string FeatureName { get; init; }
    public required string Name { get; init; }
    public required int Line { get; init; }
    /// <summary>For an Examples row: the row's cells as "name=value, …"; otherwise null.</summary>
    public string? ExampleRow { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public string? FeatureDescription { get; init; }

    /// <summary>"Feature — Scenario [row]", the display name used by xUnit and the reports.</summary>
    public string DisplayName => ExampleRow is null ? $"{FeatureName} — {Name}" : $"{FeatureName} — {Name} [{ExampleRow}]";

    /// <summary>Values of tags with the given prefix, e.g. TagValues("@ticket-") → ["912"].</summary>
    public IEnumerable<string> TagValues(string prefix) =>
        Tags.Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(t => t[prefix.Length..]);
}
