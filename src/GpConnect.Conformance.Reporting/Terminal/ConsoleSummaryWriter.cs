using System.Text;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Terminal;

/// <summary>
/// The end-of-run summary for the console: per-feature table, per-ticket table (ticket, release, status), failures with
/// their first message, totals, expired waivers and the comparison with an earlier run when given. Plain text, no colour.
/// </summary>
public static class ConsoleSummaryWriter
{
    private const int MaxNameWidth = 56;
    private const int MaxListedFailures = 50;

    /// <summary>Writes the summary to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, RunResult run, ReportContext? context = null) => output.Write(Render(run, context));

    /// <summary>Returns the summary as text.</summary>
    public static string Render(RunResult run, ReportContext? context = null)
    {
        context ??= ReportContext.Empty;
        var sb = new StringBuilder();
        if (!run.Complete) sb.AppendLine("INCOMPLETE RUN: only the scenarios that finished are counted.").AppendLine();

        var features = ResultGroups.ByFeature(run.Scenarios);
        if (features.Count > 0)
        {
            sb.AppendLine("By feature");
            Table(sb, ["Feature", "Passed", "Warning", "Failed", "Skipped", "N/A", "Waived"],
                features.Select(f => new[] { f.Key, N(f.Counts.Passed), N(f.Counts.Warning), N(f.Counts.Failed), N(f.Counts.Skipped), N(f.Counts.NotApplicable), N(f.Counts.Waived) }));
            sb.AppendLine();
        }

        var tickets = ResultGroups.ByTicket(run.Scenarios);
        if (tickets.Count > 0)
        {
            sb.AppendLine("By ticket");
            Table(sb, ["Ticket", "Release", "Status", "Scenarios"],
                tickets.Select(t => new[] { "#" + t.Key, t.Detail ?? "-", t.Counts.Overall is { } o ? StatusText.Label(o) : "-", CountsText(t.Counts) }));
            sb.AppendLine();
        }

        if (run.FeatureErrors.Count > 0)
        {
            sb.AppendLine($"Feature files that could not be loaded ({run.FeatureErrors.Count})");
            foreach (var e in run.FeatureErrors) sb.AppendLine($"  {e}");
            sb.AppendLine();
        }

        var failures = run.Scenarios.Where(s => s.Status == ScenarioStatus.Failed).ToList();
        if (failures.Count > 0)
        {
            sb.AppendLine($"Failures ({failures.Count})");
            foreach (var f in failures.Take(MaxListedFailures))
            {
                sb.AppendLine($"  ✗ {f.Scenario.DisplayName}");
                sb.AppendLine($"      {f.Scenario.Id}: {ScenarioText.FirstFailureMessage(f)}");
            }
            if (failures.Count > MaxListedFailures) sb.AppendLine($"  … and {failures.Count - MaxListedFailures} more (see report.html)");
            sb.AppendLine();
        }

        var warned = run.Scenarios.Where(s => s.Status == ScenarioStatus.Warning).ToList();
        if (warned.Count > 0)
        {
            sb.AppendLine($"Warnings: passed, with findings to read ({warned.Count})");
            foreach (var w in warned.Take(MaxListedFailures))
            {
                sb.AppendLine($"  ! {w.Scenario.DisplayName}");
                foreach (var finding in w.Warnings) sb.AppendLine($"      {w.Scenario.Id}: [{finding.Rule}] {ScenarioText.FirstLine(finding.Message)}");
            }
            if (warned.Count > MaxListedFailures) sb.AppendLine($"  … and {warned.Count - MaxListedFailures} more (see report.html)");
            sb.AppendLine();
        }

        if (context.ExpiredWaivers.Count > 0)
        {
            sb.AppendLine($"Expired waivers, no longer applied ({context.ExpiredWaivers.Count})");
            foreach (var w in context.ExpiredWaivers) sb.AppendLine($"  {w.Target}: expired {w.Expires:yyyy-MM-dd} (owner {w.Owner}) — {w.Reason}");
            sb.AppendLine();
        }

        if (context.Comparison is { } c) WriteComparison(sb, c);

        var notRun = NotRun.In(run);
        if (notRun.Count > 0)
        {
            // A run cut short says why before the totals: the provider stopped answering, or the time budget ran out.
            var why = run.Metadata.LastOrDefault(kv => kv.Key == NotRun.MetadataKey).Value ?? notRun[0].Message ?? "";
            sb.AppendLine($"RUN CUT SHORT: {NotRun.Describe(run)}");
            foreach (var line in why.Split('\n')) sb.AppendLine($"  {line.TrimEnd('\r')}");
            sb.AppendLine();
        }

        sb.Append($"Totals: {run.Scenarios.Count} scenarios — {run.Count(ScenarioStatus.Passed)} passed, {run.Count(ScenarioStatus.Warning)} warning, {run.Count(ScenarioStatus.Failed)} failed, ")
          .Append($"{run.Count(ScenarioStatus.Skipped)} skipped, {run.Count(ScenarioStatus.NotApplicable)} n/a, {run.Count(ScenarioStatus.Waived)} waived");
        if (NotRun.Describe(run) is { } cut) sb.Append($"; of the skipped, {cut}");
        if (run.FeatureErrors.Count > 0) sb.Append($"; {run.FeatureErrors.Count} feature load errors");
        if (context.AppliedWaivers.Count > 0) sb.Append($"; {context.AppliedWaivers.Count} waivers applied");
        sb.AppendLine($" ({DurationText.Format(run.Finished - run.Started)})");
        return sb.ToString();
    }

    private static void WriteComparison(StringBuilder sb, RunComparison c)
    {
        sb.AppendLine($"Compared with {c.BaselineLabel}: {c.NewlyFailing.Count} newly failing, {c.NewlyPassing.Count} newly passing, "
                      + $"{c.NewlyWarning.Count} newly warning, {c.StillFailing.Count} still failing, {c.New.Count} new, {c.Removed.Count} removed");
        void List(string label, IReadOnlyList<ComparedScenario> items)
        {
            foreach (var i in items.Take(20)) sb.AppendLine($"  {label} {i.DisplayName} ({i.Id})");
            if (items.Count > 20) sb.AppendLine($"  {label} … and {items.Count - 20} more");
        }
        List("newly failing:", c.NewlyFailing);
        List("newly passing:", c.NewlyPassing);
        List("newly warning:", c.NewlyWarning);
        List("removed:", c.Removed);
        sb.AppendLine();
    }

    private static string CountsText(StatusCounts c)
    {
        var parts = new List<string>();
        if (c.Passed > 0) parts.Add($"{c.Passed} passed");
        if (c.Warning > 0) parts.Add($"{c.Warning} warning");
        if (c.Failed > 0) parts.Add($"{c.Failed} failed");
        if (c.Waived > 0) parts.Add($"{c.Waived} waived");
        if (c.Skipped > 0) parts.Add($"{c.Skipped} skipped");
        if (c.NotApplicable > 0) parts.Add($"{c.NotApplicable} n/a");
        return string.Join(", ", parts);
    }

    private static void Table(StringBuilder sb, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Select(r => r.Select((cell, i) => i == 0 && cell.Length > MaxNameWidth ? cell[..(MaxNameWidth - 1)] + "…" : cell).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Select((cell, i) =>
            i == 0 || !IsNumeric(cell) ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd();
        sb.AppendLine(Line(headers));
        sb.AppendLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in all) sb.AppendLine(Line(r));
    }

    private static bool IsNumeric(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
