using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Reporting.Coverage;

/// <summary>
/// Builds an obligation catalogue from the requirements digests' checklist lines, one top-level bullet per obligation:
/// <c>- CORE-001 [E] text</c>, <c>- **APT-001** [MUST · BASE] text</c>, <c>- **TKT-001:** text</c>. Indented bullets and ids
/// mentioned inside prose are ignored (an entry ending in ':' takes its indented sub-bullets as its text); when an id is
/// listed twice the first entry wins.
/// </summary>
public static partial class ObligationCatalog
{
    [GeneratedRegex(@"^[-*]\s+(?:\*\*)?(?<id>(?:CORE|FND|APT|TKT)-\d+)(?:\*\*)?:?(?:\*\*)?\s*(?:\[(?<cls>[^\]]*)\])?\s*:?\s*(?<text>.*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChecklistLine();

    // An obligation whose line ends in ':' (or is empty) continues in indented sub-bullets: fold them into one line.
    private static string WithSubItems(string text, IReadOnlyList<string> lines, int from)
    {
        var parts = new List<string>();
        for (int j = from; j < lines.Count && lines[j].StartsWith(' ') && lines[j].TrimStart().StartsWith('-'); j++)
            parts.Add(lines[j].TrimStart()[1..].Trim());
        if (parts.Count == 0) return text;
        return (text.Length == 0 ? "" : text + " ") + string.Join("; ", parts);
    }

    /// <summary>Reads every <c>*.md</c> digest in <paramref name="specDirectory"/> (file-name order).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<Obligation> LoadFromDigests(string specDirectory)
    {
        if (!Directory.Exists(specDirectory))
            throw new DirectoryNotFoundException($"Requirements digest folder not found: {specDirectory}");
        var all = new List<Obligation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(specDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var o in Parse(File.ReadAllText(file), Path.GetFileName(file)))
                if (seen.Add(o.Id)) all.Add(o);
        }
        return all;
    }

    /// <summary>Parses one digest's text; <paramref name="source"/> is recorded on each obligation.</summary>
    public static IReadOnlyList<Obligation> Parse(string markdown, string source)
    {
        var result = new List<Obligation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            var m = ChecklistLine().Match(lines[i]);
            if (!m.Success) continue;
            var id = m.Groups["id"].Value;
            if (!seen.Add(id)) continue;
            var cls = m.Groups["cls"].Success ? m.Groups["cls"].Value.Trim() : null;
            var text = m.Groups["text"].Value.Trim();
            if (text.Length == 0 || text.EndsWith(':')) text = WithSubItems(text, lines, i + 1);
            result.Add(new Obligation(id, text, source, string.IsNullOrEmpty(cls) ? null : cls));
        }
        return result;
    }
}
