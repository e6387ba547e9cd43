using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>One row of a grouped table (by feature, use case, ticket or spec version).</summary>
/// <param name="Key">The group key: feature name, use-case slug, ticket number or spec version.</param>
/// <param name="Detail">Extra column: the release for tickets (from <c>@since-</c> tags), else null.</param>
/// <param name="Scenarios">The scenarios in the group, in run order.</param>
public sealed record ResultGroup(string Key, string? Detail, IReadOnlyList<ScenarioResult> Scenarios)
{
    /// <summary>Status counts of <see cref="Scenarios"/>.</summary>
    public StatusCounts Counts { get; } = StatusCounts.Of(Scenarios);
}

/// <summary>Groups a run's scenarios the ways the reports show them.</summary>
public static class ResultGroups
{
    /// <summary>Label for scenarios without a use-case tag, or without a <c>@since-</c> tag.</summary>
    public const string Untagged = "(untagged)";

    /// <summary>By feature name, in order of first appearance.</summary>
    public static IReadOnlyList<ResultGroup> ByFeature(IEnumerable<ScenarioResult> scenarios) =>
        scenarios.GroupBy(s => s.Scenario.FeatureName, StringComparer.Ordinal)
            .Select(g => new ResultGroup(g.Key, g.First().Scenario.FeatureFile, g.ToList())).ToList();

    /// <summary>By use-case slug (a scenario may be in several groups), sorted by slug; untagged last.</summary>
    public static IReadOnlyList<ResultGroup> ByUseCase(IEnumerable<ScenarioResult> scenarios) =>
        Multi(scenarios, s => s.Scenario.UseCases(), includeUntagged: true)
            .OrderBy(g => g.Key == Untagged).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>By ticket number (numeric order), with the release taken from the scenarios' <c>@since-</c> tags.</summary>
    public static IReadOnlyList<ResultGroup> ByTicket(IEnumerable<ScenarioResult> scenarios) =>
        Multi(scenarios, s => s.Scenario.Tickets(), includeUntagged: false)
            .Select(g => g with { Detail = ReleaseOf(g.Scenarios) })
            .OrderBy(g => int.TryParse(g.Key, out var n) ? n : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>By the spec version in <c>@since-</c> (version order); scenarios without one are grouped as untagged.</summary>
    public static IReadOnlyList<ResultGroup> BySpecVersion(IEnumerable<ScenarioResult> scenarios) =>
        Multi(scenarios, s => s.Scenario.Since() is { } v ? [v] : [], includeUntagged: true)
            .OrderBy(g => g.Key == Untagged).ThenBy(g => Version.TryParse(g.Key, out var v) ? v : new Version(0, 0))
            .ToList();

    /// <summary>The release(s) a group of scenarios belongs to, from their <c>@since-</c> tags ("1.2.7", or "1.2.3, 1.2.7").</summary>
    public static string? ReleaseOf(IEnumerable<ScenarioResult> scenarios)
    {
        var versions = scenarios.Select(s => s.Scenario.Since()).OfType<string>().Distinct(StringComparer.Ordinal)
            .OrderBy(v => Version.TryParse(v, out var p) ? p : new Version(0, 0)).ToList();
        return versions.Count == 0 ? null : string.Join(", ", versions);
    }

    private static IEnumerable<ResultGroup> Multi(
        IEnumerable<ScenarioResult> scenarios, Func<ScenarioResult, IReadOnlyList<string>> keys, bool includeUntagged)
    {
        var groups = new Dictionary<string, List<ScenarioResult>>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in scenarios)
        {
            var k = keys(s);
            if (k.Count == 0 && includeUntagged) k = [Untagged];
            foreach (var key in k)
            {
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(s);
            }
        }
        return groups.Select(g => new ResultGroup(g.Key, null, g.Value));
    }
}
