using System.Globalization;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Json;

namespace GpConnect.Conformance.Reporting.Writing;

/// <summary>
/// Run folders are named by their UTC start time, <c>reports/yyyyMMdd-HHmmss/</c> (a "-N" suffix is added when two runs
/// start in the same second), so sorting names sorts runs.
/// </summary>
public static partial class RunFolders
{
    /// <summary>The timestamp format of run folder names.</summary>
    public const string TimestampFormat = "yyyyMMdd-HHmmss";

    [GeneratedRegex(@"^\d{8}-\d{6}(-\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RunFolderName();

    /// <summary>The folder name for a run started at <paramref name="startedUtc"/>.</summary>
    public static string NameFor(DateTimeOffset startedUtc) =>
        startedUtc.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>True for names made by <see cref="NameFor"/> (with or without a "-N" suffix).</summary>
    public static bool IsRunFolderName(string name) => RunFolderName().IsMatch(name);

    /// <summary>Creates and returns a new, empty run folder under <paramref name="reportsRoot"/>.</summary>
    public static string Create(string reportsRoot, DateTimeOffset startedUtc)
    {
        var baseName = NameFor(startedUtc);
        var path = Path.Combine(reportsRoot, baseName);
        for (int n = 2; Directory.Exists(path); n++) path = Path.Combine(reportsRoot, $"{baseName}-{n}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// The newest run folder under <paramref name="reportsRoot"/> holding a results.json and, when
    /// <paramref name="currentRunFolder"/> is given, sorting before it (and never it). Null when none.
    /// </summary>
    public static string? FindPrevious(string reportsRoot, string? currentRunFolder = null) =>
        FindEarlier(reportsRoot, currentRunFolder).FirstOrDefault();

    /// <summary>
    /// Every run folder under <paramref name="reportsRoot"/> holding a results.json and sorting before
    /// <paramref name="currentRunFolder"/> (when given; never it), newest first.
    /// </summary>
    public static IEnumerable<string> FindEarlier(string reportsRoot, string? currentRunFolder = null)
    {
        if (!Directory.Exists(reportsRoot)) return [];
        var current = currentRunFolder is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(currentRunFolder));
        return Directory.EnumerateDirectories(reportsRoot)
            .Select(d => (Path: d, Name: Path.GetFileName(d)))
            .Where(d => IsRunFolderName(d.Name))
            .Where(d => current is null || SortKey(d.Name).CompareTo(SortKey(current)) < 0)
            .Where(d => File.Exists(Path.Combine(d.Path, ResultsJson.FileName)))
            .OrderByDescending(d => SortKey(d.Name), StringComparer.Ordinal)
            .Select(d => d.Path);
    }

    // "20261121-170000" < "20261121-170000-2" < "20261121-170000-10": pad the suffix so ordinal order is run order.
    private static string SortKey(string name)
    {
        if (name.Length <= 15) return name + "-000000";
        return name[..15] + "-" + name[16..].PadLeft(6, '0');
    }
}
