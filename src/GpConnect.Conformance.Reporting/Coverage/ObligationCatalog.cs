using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Reporting.Coverage;

/// <summary>
/// The suite's own obligation catalogue (<see cref="BuiltIn"/>: docs/obligations/catalogue.tsv, embedded in this
/// assembly), and a reader for checklist-style markdown that tests use to compare it with requirement digests.
/// Checklist lines, one top-level bullet per obligation:
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

    /// <summary>The embedded resource holding docs/obligations/catalogue.tsv.</summary>
    public const string ResourceName = "GpConnect.Conformance.Reporting.obligations.tsv";

    /// <summary>Every obligation id with its level (SHALL/SHOULD/MAY/INFO), versions, public source and a one-line statement.</summary>
    public static IReadOnlyList<Obligation> BuiltIn => BuiltInCatalogue.Value;

    private static readonly Lazy<IReadOnlyList<Obligation>> BuiltInCatalogue = new(() =>
    {
        using var stream = typeof(ObligationCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The obligation catalogue resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return ParseCatalogue(reader.ReadToEnd());
    });

    /// <summary>The levels a catalogue entry may have.</summary>
    public static readonly IReadOnlyList<string> Levels = ["SHALL", "SHOULD", "MAY", "INFO"];

    /// <summary>
    /// Parses the catalogue's tab-separated text: a header row <c>id level versions source statement</c>, then one
    /// obligation per line.
    /// </summary>
    /// <exception cref="FormatException">A line does not have the five columns, or an id or level is malformed or repeated.</exception>
    public static IReadOnlyList<Obligation> ParseCatalogue(string tsv)
    {
        var result = new List<Obligation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = tsv.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var cells = line.Split('\t');
            if (cells.Length != 5 || cells.Any(c => c.Trim().Length == 0))
                throw new FormatException($"Obligation catalogue line {i + 1}: expected 5 non-empty tab-separated columns (id, level, versions, source, statement).");
            var (id, level) = (cells[0].Trim(), cells[1].Trim());
            if (!IdShape().IsMatch(id)) throw new FormatException($"Obligation catalogue line {i + 1}: \"{id}\" is not an obligation id.");
            if (!Levels.Contains(level)) throw new FormatException($"Obligation catalogue line {i + 1}: level \"{level}\" is not one of {string.Join(", ", Levels)}.");
            if (!seen.Add(id)) throw new FormatException($"Obligation catalogue line {i + 1}: {id} is listed twice.");
            result.Add(new Obligation(id, cells[4].Trim(), cells[3].Trim(), level, cells[2].Trim()));
        }
        return result;
    }

    [GeneratedRegex(@"^(CORE|FND|APT|TKT)-\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();

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
