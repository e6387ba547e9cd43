using System.Globalization;

namespace GpConnect.Conformance.Reporting.Writing;

/// <summary>
/// Prunes old run folders so a nightly job does not fill the disk (config <c>reports:keepRuns</c>/<c>reports:keepDays</c>,
/// options <c>--keep-runs</c>/<c>--keep-days</c>). Only folders named like runs (<see cref="RunFolders.IsRunFolderName"/>)
/// directly under the reports folder are considered; their age is the UTC time in their name. A folder is deleted when it
/// is outside the newest <c>keepRuns</c> or older than <c>keepDays</c> days; folders in <c>protect</c> (the run just
/// written and the run it was compared with) are never deleted. 0 disables a rule.
/// </summary>
public static class RunRetention
{
    /// <summary>Deletes the run folders the rules let go; returns the deleted paths and any folder that could not be deleted (with why).</summary>
    public static (IReadOnlyList<string> Deleted, IReadOnlyList<string> Problems) Prune(
        string reportsRoot, int keepRuns, int keepDays, DateTimeOffset now, IEnumerable<string?> protect)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepRuns);
        ArgumentOutOfRangeException.ThrowIfNegative(keepDays);
        if ((keepRuns == 0 && keepDays == 0) || !Directory.Exists(reportsRoot)) return ([], []);
        var kept = protect.Where(p => p is not null)
            .Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(File.Exists(p!) ? Path.GetDirectoryName(Path.GetFullPath(p!))! : p!)))
            .ToHashSet(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        var runs = Directory.EnumerateDirectories(reportsRoot)
            .Select(d => (Path: Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)), Name: Path.GetFileName(d)))
            .Where(d => RunFolders.IsRunFolderName(d.Name))
            .Select(d => (d.Path, d.Name, Started: StartedAt(d.Name)))
            .OrderByDescending(d => d.Started).ThenByDescending(d => d.Name, StringComparer.Ordinal)
            .ToList();

        var deleted = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (path, _, started) = runs[i];
            var tooMany = keepRuns > 0 && i >= keepRuns;
            var tooOld = keepDays > 0 && now - started > TimeSpan.FromDays(keepDays);
            if (!(tooMany || tooOld) || kept.Contains(path)) continue;
            try
            {
                Directory.Delete(path, recursive: true);
                deleted.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path}: {e.Message}");
            }
        }
        return (deleted, problems);
    }

    private static DateTimeOffset StartedAt(string name) =>
        DateTimeOffset.ParseExact(name[..15], RunFolders.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
