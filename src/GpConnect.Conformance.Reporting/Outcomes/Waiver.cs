namespace GpConnect.Conformance.Reporting.Outcomes;

/// <summary>
/// An accepted deviation: a failure of the matching scenario(s) is reported as Waived until <see cref="Expires"/>
/// (inclusive). Matches by <see cref="ScenarioId"/> (exact, or an outline's "path:line" covering all its rows) or by
/// <see cref="Tag"/> (e.g. "@ticket-912"); exactly one of the two is set.
/// </summary>
public sealed record Waiver(string? ScenarioId, string? Tag, string Reason, string Owner, DateOnly Expires)
{
    /// <summary>False once <paramref name="today"/> is after <see cref="Expires"/>.</summary>
    public bool IsCurrent(DateOnly today) => today <= Expires;

    /// <summary>"scenario features/x.feature:12" or "tag @ticket-912".</summary>
    public string Target => ScenarioId is not null ? $"scenario {ScenarioId}" : $"tag {Tag}";
}

/// <summary>A waiver file that cannot be used; the message names the file and the entry.</summary>
public sealed class WaiverFileException(string message, Exception? inner = null) : Exception(message, inner);
