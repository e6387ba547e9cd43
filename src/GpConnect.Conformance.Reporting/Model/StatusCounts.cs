using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>How many scenarios of a group ended in each status.</summary>
public sealed record StatusCounts(int Passed, int Failed, int Skipped, int NotApplicable, int Waived, int Warning = 0)
{
    /// <summary>All scenarios counted.</summary>
    public int Total => Passed + Failed + Skipped + NotApplicable + Waived + Warning;

    /// <summary>Counts the given scenarios.</summary>
    public static StatusCounts Of(IEnumerable<ScenarioResult> scenarios)
    {
        int p = 0, f = 0, s = 0, n = 0, w = 0, warn = 0;
        foreach (var r in scenarios)
        {
            switch (r.Status)
            {
                case ScenarioStatus.Passed: p++; break;
                case ScenarioStatus.Failed: f++; break;
                case ScenarioStatus.Skipped: s++; break;
                case ScenarioStatus.NotApplicable: n++; break;
                case ScenarioStatus.Waived: w++; break;
                case ScenarioStatus.Warning: warn++; break;
            }
        }
        return new StatusCounts(p, f, s, n, w, warn);
    }

    /// <summary>
    /// One status for the whole group: Failed if any failed, else Waived if any waived, else Warning if any passed with
    /// warnings, else Passed if any passed, else Skipped if any skipped, else NotApplicable. Null for an empty group.
    /// </summary>
    public ScenarioStatus? Overall =>
        Failed > 0 ? ScenarioStatus.Failed
        : Waived > 0 ? ScenarioStatus.Waived
        : Warning > 0 ? ScenarioStatus.Warning
        : Passed > 0 ? ScenarioStatus.Passed
        : Skipped > 0 ? ScenarioStatus.Skipped
        : NotApplicable > 0 ? ScenarioStatus.NotApplicable
        : null;
}
