using System.Globalization;
using System.Text.Json;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Comparison;

/// <summary>One run's totals, for the trend of the last runs.</summary>
/// <param name="Label">The run folder name (its UTC start time), or "this run".</param>
/// <param name="Warnings">Scenarios that passed with a warning (read from results.json when it records them; 0 otherwise).</param>
public sealed record RunTrendPoint(
    string Label, DateTimeOffset Started, int Passed, int Warnings, int Failed, int Skipped, int NotApplicable, int Waived,
    int FeatureErrors, bool Complete)
{
    /// <summary>Scenarios counted (feature load errors are not scenarios).</summary>
    public int Scenarios => Passed + Warnings + Failed + Skipped + NotApplicable + Waived;

    /// <summary>The point for a run held in memory (the current one).</summary>
    public static RunTrendPoint Of(RunResult run, string label)
    {
        var v = RunVerdict.Of(run);
        return new RunTrendPoint(label, run.Started, v.Passed, v.Warnings, v.Failed, v.Skipped, v.NotApplicable, v.Waived, v.FeatureErrors, run.Complete);
    }
}

/// <summary>
/// The totals of the earlier runs in a reports folder (nightly-regression style), read from each run's results.json.
/// Only the top of each file is read when its totals come early (as this version writes them), so long histories of large
/// results files stay cheap; a file that cannot be read is left out of the trend rather than failing the report.
/// </summary>
public static class RunHistory
{
    private const int HeadBytes = 1 << 20;

    /// <summary>
    /// Up to <paramref name="max"/> earlier runs under <paramref name="reportsRoot"/> (before <paramref name="currentRunFolder"/>
    /// when given), oldest first.
    /// </summary>
    public static IReadOnlyList<RunTrendPoint> Load(string reportsRoot, string? currentRunFolder, int max)
    {
        if (max <= 0) return [];
        var points = new List<RunTrendPoint>();
        foreach (var folder in RunFolders.FindEarlier(reportsRoot, currentRunFolder))
        {
            if (ReadPoint(Path.Combine(folder, ResultsJson.FileName), Path.GetFileName(folder)) is { } p) points.Add(p);
            if (points.Count == max) break;
        }
        points.Reverse();
        return points;
    }

    /// <summary>The totals recorded in one results.json; null when the file cannot be read or has no totals.</summary>
    public static RunTrendPoint? ReadPoint(string resultsJsonPath, string label)
    {
        try
        {
            using var stream = File.OpenRead(resultsJsonPath);
            var head = new byte[(int)Math.Min(stream.Length, HeadBytes)];
            stream.ReadExactly(head);
            var isAll = head.Length == stream.Length;
            if (FromHead(head, isAll, label) is { } point) return point;
            if (isAll) return null;
            stream.Position = 0;
            using var doc = JsonDocument.Parse(stream);
            return FromDocument(doc.RootElement, label);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // Reads the top-level "started", "complete" and "totals" from the start of the file, skipping other values; null when
    // the totals are not within the bytes read.
    private static RunTrendPoint? FromHead(byte[] head, bool isFinal, string label)
    {
        var reader = new Utf8JsonReader(head, isFinal, default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("results.json is not an object");
        DateTimeOffset? started = null;
        bool complete = true;
        JsonDocument? totals = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read()) return null;
                switch (name)
                {
                    case "started": started = reader.GetDateTimeOffset(); break;
                    case "complete": complete = reader.GetBoolean(); break;
                    case "totals":
                        if (!JsonDocument.TryParseValue(ref reader, out totals)) return null;
                        break;
                    default:
                        if (!reader.TrySkip()) return null;
                        break;
                }
                if (totals is not null && started is not null)
                    return Point(label, started.Value, complete, totals.RootElement);
            }
            return null;
        }
        catch (JsonException) when (!isFinal)
        {
            return null; // cut in the middle of a token: read the whole file instead
        }
        finally
        {
            totals?.Dispose();
        }
    }

    private static RunTrendPoint? FromDocument(JsonElement root, string label)
    {
        if (!root.TryGetProperty("totals", out var totals) || !root.TryGetProperty("started", out var started)) return null;
        var complete = !root.TryGetProperty("complete", out var c) || c.ValueKind != JsonValueKind.False;
        return Point(label, started.GetDateTimeOffset(), complete, totals);
    }

    private static RunTrendPoint Point(string label, DateTimeOffset started, bool complete, JsonElement totals)
    {
        int N(string name) => totals.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : 0;
        // results.json v2 counts warnings in totals.warning (apart from passed); version 1 files have none.
        var warnings = N("warning");
        var passed = N("passed");
        return new RunTrendPoint(label, started, passed, warnings, N("failed"), N("skipped"), N("notApplicable"), N("waived"),
            N("featureErrors"), complete);
    }

    /// <summary>"12-07 18:22" for a run folder's start time (UTC).</summary>
    public static string ShortTime(DateTimeOffset t) => t.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
