using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Comparison;

/// <summary>One scenario (or feature file that failed to load) seen in either run.</summary>
/// <param name="Id">Scenario id ("path.feature:line[:row]"), or the feature file path for a load error.</param>
/// <param name="DisplayName">Name to show.</param>
/// <param name="Previous">Status in the earlier run; null when the scenario is new.</param>
/// <param name="Current">Status in this run; null when the scenario was removed.</param>
/// <param name="Message">This run's message (or the earlier one for removed scenarios).</param>
public sealed record ComparedScenario(string Id, string DisplayName, ScenarioStatus? Previous, ScenarioStatus? Current, string? Message);

/// <summary>
/// What changed between an earlier run and this one, matched by scenario id. A feature file that failed to load counts as a
/// failed entry keyed by its path. A new scenario that fails is both <see cref="New"/> and <see cref="NewlyFailing"/>.
/// </summary>
public sealed class RunComparison
{
    private RunComparison(string baselineLabel, IReadOnlyList<ComparedScenario> entries)
    {
        BaselineLabel = baselineLabel;
        Entries = entries;
    }

    /// <summary>Names the earlier run (its folder name or file path).</summary>
    public string BaselineLabel { get; }

    /// <summary>Every scenario seen in either run, current-run order first, then removed ones.</summary>
    public IReadOnlyList<ComparedScenario> Entries { get; }

    /// <summary>Failed now, and not failed (or absent) before.</summary>
    public IReadOnlyList<ComparedScenario> NewlyFailing =>
        Entries.Where(e => e.Current == ScenarioStatus.Failed && e.Previous != ScenarioStatus.Failed).ToList();

    /// <summary>Failed before, passed now (cleanly or with warnings).</summary>
    public IReadOnlyList<ComparedScenario> NewlyPassing =>
        Entries.Where(e => e.Previous == ScenarioStatus.Failed && e.Current is ScenarioStatus.Passed or ScenarioStatus.Warning).ToList();

    /// <summary>Passed with warnings now, and passed cleanly (or was absent, or was not run) before: a new finding to read.</summary>
    public IReadOnlyList<ComparedScenario> NewlyWarning =>
        Entries.Where(e => e.Current == ScenarioStatus.Warning && e.Previous is not (ScenarioStatus.Warning or ScenarioStatus.Failed)).ToList();

    /// <summary>Failed in both runs.</summary>
    public IReadOnlyList<ComparedScenario> StillFailing =>
        Entries.Where(e => e.Previous == ScenarioStatus.Failed && e.Current == ScenarioStatus.Failed).ToList();

    /// <summary>Only in this run.</summary>
    public IReadOnlyList<ComparedScenario> New => Entries.Where(e => e.Previous is null).ToList();

    /// <summary>Only in the earlier run.</summary>
    public IReadOnlyList<ComparedScenario> Removed => Entries.Where(e => e.Current is null).ToList();

    /// <summary>A copy whose display names and messages are passed through <paramref name="map"/> (e.g. a redactor).</summary>
    public RunComparison MapText(Func<string, string> map) =>
        new(BaselineLabel, Entries.Select(e => e with
            { DisplayName = map(e.DisplayName), Message = e.Message is null ? null : map(e.Message) }).ToList());

    /// <summary>Compares two runs.</summary>
    public static RunComparison Compare(RunResult previous, RunResult current, string baselineLabel = "previous run")
    {
        var before = Index(previous);
        var now = Index(current);
        var entries = new List<ComparedScenario>();
        foreach (var (id, c) in now)
        {
            before.TryGetValue(id, out var p);
            entries.Add(new ComparedScenario(id, c.Name, p?.Status, c.Status, c.Message));
        }
        foreach (var (id, p) in before)
        {
            if (!now.ContainsKey(id)) entries.Add(new ComparedScenario(id, p.Name, p.Status, null, p.Message));
        }
        return new RunComparison(baselineLabel, entries);
    }

    /// <summary>Compares this run with an earlier results.json file.</summary>
    /// <exception cref="ResultsFormatException">The file cannot be read.</exception>
    public static RunComparison CompareWithFile(string previousResultsJson, RunResult current) =>
        Compare(ResultsJson.Read(previousResultsJson), current, previousResultsJson);

    /// <summary>
    /// Finds the newest run folder under <paramref name="reportsRoot"/> older than <paramref name="currentRunFolder"/>
    /// (by timestamped name) that holds a results.json, and compares with it. Null when there is none.
    /// </summary>
    public static RunComparison? CompareWithPrevious(string reportsRoot, RunResult current, string? currentRunFolder = null)
    {
        var previous = RunFolders.FindPrevious(reportsRoot, currentRunFolder);
        if (previous is null) return null;
        return Compare(ResultsJson.Read(Path.Combine(previous, ResultsJson.FileName)), current, Path.GetFileName(previous));
    }

    private sealed record Seen(string Name, ScenarioStatus Status, string? Message);

    private static Dictionary<string, Seen> Index(RunResult run)
    {
        // Insertion order is preserved by Dictionary when nothing is removed, which keeps run order in the report.
        var map = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var s in run.Scenarios) map.TryAdd(s.Scenario.Id, new Seen(s.Scenario.DisplayName, s.Status, s.Message));
        foreach (var e in run.FeatureErrors)
            map.TryAdd(e.File, new Seen($"{e.File} (could not be loaded)", ScenarioStatus.Failed, e.ToString()));
        return map;
    }
}
