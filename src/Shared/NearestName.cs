namespace GpConnect.Conformance.Text;

/// <summary>
/// The "did you mean …?" hint for a name the suite does not know (a configuration key, a waiver's scenario id or tag):
/// the known name fewest single-character edits away, ignoring case. One source file compiled into each project that
/// needs it (Client and Reporting share no project they could both depend on), so there is one copy to keep right.
/// </summary>
internal static class NearestName
{
    /// <summary>
    /// The first of <paramref name="candidates"/> nearest to <paramref name="wanted"/> ignoring case, when it is at most
    /// <paramref name="allowedEdits"/> edits away (by default a quarter of the name's length, and at least 2); else null.
    /// </summary>
    public static string? Within(string wanted, IEnumerable<string> candidates, int? allowedEdits = null)
    {
        var lower = wanted.ToLowerInvariant();
        var best = candidates
            .Select(c => (Name: c, Edits: Distance(lower, c.ToLowerInvariant())))
            .OrderBy(c => c.Edits)
            .FirstOrDefault();
        return best.Name is not null && best.Edits <= (allowedEdits ?? Math.Max(2, wanted.Length / 4)) ? best.Name : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
