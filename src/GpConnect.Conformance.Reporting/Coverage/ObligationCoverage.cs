using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Coverage;

/// <summary>One obligation and the scenarios tagged with its id.</summary>
/// <param name="Obligation">The obligation.</param>
/// <param name="Scenarios">Covering scenarios (tag <c>@ID</c>), in run order; empty when uncovered.</param>
public sealed record CoverageRow(Obligation Obligation, IReadOnlyList<ScenarioResult> Scenarios)
{
    /// <summary>Counts of the covering scenarios.</summary>
    public StatusCounts Counts { get; } = StatusCounts.Of(Scenarios);

    /// <summary>True when no scenario carries the obligation's tag.</summary>
    public bool IsCovered => Scenarios.Count > 0;

    /// <summary>The obligation's combined status (see <see cref="StatusCounts.Overall"/>); null when uncovered.</summary>
    public ScenarioStatus? Status => Counts.Overall;
}

/// <summary>Which obligations a run covered, and how they came out.</summary>
/// <param name="Rows">One row per catalogue obligation, in catalogue order.</param>
/// <param name="UnknownIds">Obligation-like tags on scenarios that are not in the catalogue (typos, retired ids).</param>
public sealed record ObligationCoverage(IReadOnlyList<CoverageRow> Rows, IReadOnlyList<string> UnknownIds)
{
    /// <summary>Obligations no scenario covers.</summary>
    public IReadOnlyList<Obligation> Uncovered => Rows.Where(r => !r.IsCovered).Select(r => r.Obligation).ToList();

    /// <summary>Matches the catalogue against the run's obligation tags.</summary>
    public static ObligationCoverage Compute(IReadOnlyList<Obligation> catalogue, RunResult run)
    {
        var byId = new Dictionary<string, List<ScenarioResult>>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in run.Scenarios)
        {
            foreach (var id in s.Scenario.Obligations())
            {
                if (!byId.TryGetValue(id, out var list)) byId[id] = list = [];
                list.Add(s);
            }
        }
        var known = new HashSet<string>(catalogue.Select(o => o.Id), StringComparer.OrdinalIgnoreCase);
        var rows = catalogue.Select(o => new CoverageRow(o, byId.TryGetValue(o.Id, out var l) ? l : [])).ToList();
        var unknown = byId.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new ObligationCoverage(rows, unknown);
    }
}
