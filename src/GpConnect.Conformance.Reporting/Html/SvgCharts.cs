using System.Globalization;
using System.Net;
using System.Text;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Model;

namespace GpConnect.Conformance.Reporting.Html;

/// <summary>
/// The report's pictures as inline SVG (no script, no network): outcome bars, the trend of the last runs and response times
/// against the spec's limits. Colours come from the page's stylesheet classes (f-passed, f-warning, f-failed, …).
/// </summary>
internal static class SvgCharts
{
    /// <summary>One coloured part of a stacked bar.</summary>
    public sealed record Segment(string Css, string Label, int Count);

    /// <summary>The segments of a run's or group's outcomes, in reading order (passes first, failures next to them).</summary>
    public static IReadOnlyList<Segment> Segments(int passed, int warnings, int failed, int waived, int skipped, int notApplicable) =>
    [
        new("f-passed", "passed", passed), new("f-warning", "passed with warnings", warnings), new("f-failed", "failed", failed),
        new("f-waived", "waived", waived), new("f-skipped", "skipped", skipped), new("f-na", "n/a", notApplicable),
    ];

    public static IReadOnlyList<Segment> Segments(StatusCounts c) =>
        Segments(c.Passed, c.Warning, c.Failed, c.Waived, c.Skipped, c.NotApplicable);

    /// <summary>A 100% stacked horizontal bar that fills its container's width; every non-zero part stays visible.</summary>
    public static void StackedBar(StringBuilder h, IReadOnlyList<Segment> segments, string css = "sbar")
    {
        var total = segments.Sum(s => s.Count);
        var summary = string.Join(", ", segments.Where(s => s.Count > 0).Select(s => $"{s.Count} {s.Label}"));
        h.Append("<svg class=\"").Append(css).Append("\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
         .Append(E(summary)).Append("\"><title>").Append(E(total == 0 ? "no scenarios" : summary)).Append("</title>");
        if (total == 0) h.Append("<rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" class=\"f-none\"/>");
        else
        {
            // Proportional widths with a floor of 2 units, the excess taken from the widest part.
            var widths = segments.Select(s => s.Count == 0 ? 0 : Math.Max(2.0, 100.0 * s.Count / total)).ToArray();
            var widest = Array.IndexOf(widths, widths.Max());
            widths[widest] -= widths.Sum() - 100;
            double x = 0;
            for (int i = 0; i < segments.Count; i++)
            {
                if (widths[i] <= 0) continue;
                h.Append("<rect x=\"").Append(N(x)).Append("\" y=\"0\" width=\"").Append(N(widths[i])).Append("\" height=\"10\" class=\"")
                 .Append(segments[i].Css).Append("\"/>");
                x += widths[i];
            }
        }
        h.Append("</svg>");
    }

    /// <summary>The legend for stacked bars and the trend.</summary>
    public static void Legend(StringBuilder h, bool withOthers = true)
    {
        h.Append("<div class=\"legend\">");
        foreach (var (css, label) in new[] { ("f-passed", "passed"), ("f-warning", "passed with warnings"), ("f-failed", "failed"), ("f-waived", "waived"), ("f-skipped", "skipped"), ("f-na", "n/a") })
        {
            if (!withOthers && css is "f-waived" or "f-skipped" or "f-na") continue;
            h.Append("<span><i class=\"").Append(css).Append("\"></i>").Append(label).Append("</span>");
        }
        if (!withOthers) h.Append("<span><i class=\"f-other\"></i>skipped, n/a, waived</span>");
        h.Append("</div>");
    }

    /// <summary>Stacked columns, one per run (oldest left, this run right): passed, warnings, failed, and the rest in grey.</summary>
    public static void Trend(StringBuilder h, IReadOnlyList<RunTrendPoint> points, int currentIndex)
    {
        const double W = 360, H = 180, left = 30, right = 6, top = 14, bottom = 34;
        var plotW = W - left - right;
        var plotH = H - top - bottom;
        var max = Math.Max(1, points.Max(p => p.Scenarios + p.FeatureErrors));
        var slot = plotW / Math.Max(points.Count, 6);
        var col = Math.Min(26, slot * 0.68);
        h.Append("<svg class=\"chart trend\" viewBox=\"0 0 ").Append(N(W)).Append(' ').Append(N(H)).Append("\" role=\"img\" aria-label=\"Outcomes of the last ")
         .Append(points.Count).Append(" runs\"><title>Outcomes of the last ").Append(points.Count).Append(" runs, oldest first</title>");
        // Axis: zero line and the largest total.
        h.Append("<line class=\"axis\" x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(top + plotH)).Append("\" x2=\"").Append(N(W - right))
         .Append("\" y2=\"").Append(N(top + plotH)).Append("\"/>");
        h.Append("<line class=\"grid\" x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(top)).Append("\" x2=\"").Append(N(W - right))
         .Append("\" y2=\"").Append(N(top)).Append("\"/>");
        h.Append("<text class=\"tick\" x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(top + 3)).Append("\" text-anchor=\"end\">").Append(max).Append("</text>");
        h.Append("<text class=\"tick\" x=\"").Append(N(left - 4)).Append("\" y=\"").Append(N(top + plotH + 3)).Append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var cx = left + slot * i + slot / 2;
            var x = cx - col / 2;
            var y = top + plotH;
            var parts = new (string Css, int Count)[]
            {
                ("f-passed", p.Passed), ("f-warning", p.Warnings), ("f-failed", p.Failed + p.FeatureErrors), ("f-other", p.Skipped + p.NotApplicable + p.Waived),
            };
            h.Append("<g class=\"run").Append(i == currentIndex ? " current" : "").Append("\"><title>").Append(E(i == currentIndex ? "this run" : p.Label))
             .Append(" (").Append(E(Started(p))).Append(" UTC): ").Append(p.Passed).Append(" passed, ").Append(p.Warnings).Append(" with warnings, ")
             .Append(p.Failed).Append(" failed").Append(p.FeatureErrors > 0 ? $", {p.FeatureErrors} feature load errors" : "")
             .Append(", ").Append(p.Skipped + p.NotApplicable + p.Waived).Append(" skipped, n/a or waived").Append(p.Complete ? "" : " (incomplete)").Append("</title>");
            foreach (var (css, count) in parts)
            {
                if (count == 0) continue;
                var hgt = Math.Max(1.2, plotH * count / max);
                y -= hgt;
                h.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(col)).Append("\" height=\"").Append(N(hgt))
                 .Append("\" class=\"").Append(css).Append("\"/>");
            }
            if (i == currentIndex)
                h.Append("<rect class=\"outline\" x=\"").Append(N(x - 2)).Append("\" y=\"").Append(N(y - 2)).Append("\" width=\"").Append(N(col + 4))
                 .Append("\" height=\"").Append(N(top + plotH - y + 2)).Append("\"/>");
            var failed = p.Failed + p.FeatureErrors;
            if (failed > 0)
                h.Append("<text class=\"val c-failed\" x=\"").Append(N(cx)).Append("\" y=\"").Append(N(y - 3)).Append("\" text-anchor=\"middle\">").Append(failed).Append("</text>");
            var (day, time) = i == currentIndex ? ("this", "run") : (p.Started.UtcDateTime.ToString("MM-dd", CultureInfo.InvariantCulture), p.Started.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture));
            h.Append("<text class=\"tick\" x=\"").Append(N(cx)).Append("\" y=\"").Append(N(top + plotH + 13)).Append("\" text-anchor=\"middle\">").Append(day).Append("</text>")
             .Append("<text class=\"tick\" x=\"").Append(N(cx)).Append("\" y=\"").Append(N(top + plotH + 24)).Append("\" text-anchor=\"middle\">").Append(time).Append("</text>");
            h.Append("</g>");
        }
        h.Append("</svg>");
    }

    /// <summary>
    /// One row per interaction: the range of its response times (min to max) with a dot at the median, against dashed lines at
    /// the SHOULD and SHALL limits of its kind. Times beyond the axis end in an arrow.
    /// </summary>
    public static void ResponseTimes(StringBuilder h, IReadOnlyList<InteractionTiming> rows, InteractionKind kind)
    {
        const double W = 340, labelW = 128, trackL = 133, trackR = 250, rowH = 17, top = 24;
        var should = Model.ResponseTimes.ShouldLimit(kind).TotalMilliseconds;
        var shall = Model.ResponseTimes.ShallLimit(kind).TotalMilliseconds;
        var axisMax = Math.Min(Math.Max(shall * 1.15, rows.Max(r => r.Max.TotalMilliseconds) * 1.05), shall * 2);
        double X(double ms) => trackL + (trackR - trackL) * Math.Min(ms, axisMax) / axisMax;
        var height = top + rowH * rows.Count + 16;
        h.Append("<svg class=\"chart rt\" viewBox=\"0 0 ").Append(N(W)).Append(' ').Append(N(height)).Append("\" role=\"img\" aria-label=\"Response times of ")
         .Append(kind == InteractionKind.Query ? "queries" : "commands").Append("\"><title>Response times of ").Append(kind == InteractionKind.Query ? "queries" : "commands")
         .Append(" against the SHOULD (").Append(Ms(should)).Append(") and SHALL (").Append(Ms(shall)).Append(") limits</title>");
        foreach (var (ms, css, label, anchor) in new[] { (should, "lim-should", "SHOULD " + Ms(should), "end"), (shall, "lim-shall", "SHALL " + Ms(shall), "start") })
        {
            var x = X(ms);
            h.Append("<line class=\"").Append(css).Append("\" x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(top - 6)).Append("\" x2=\"").Append(N(x))
             .Append("\" y2=\"").Append(N(top + rowH * rows.Count)).Append("\"/><text class=\"tick ").Append(css).Append("\" x=\"").Append(N(anchor == "end" ? x - 3 : x + 3))
             .Append("\" y=\"").Append(N(top - 9)).Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(E(label)).Append("</text>");
        }
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = top + rowH * i + rowH / 2;
            var worst = r.OverShall > 0 ? "rt-shall" : r.OverShould > 0 ? "rt-should" : "rt-ok";
            h.Append("<g class=\"").Append(worst).Append("\" data-interaction=\"").Append(E(r.Interaction)).Append("\"><title>").Append(E(r.Interaction)).Append(": ")
             .Append(r.Count).Append(" successful responses; min ").Append(Ms(r.Min.TotalMilliseconds)).Append(", median ").Append(Ms(r.Median.TotalMilliseconds))
             .Append(", max ").Append(Ms(r.Max.TotalMilliseconds)).Append("; ").Append(r.OverShould).Append(" at or over SHOULD, ").Append(r.OverShall)
             .Append(" at or over SHALL</title>");
            h.Append("<text class=\"lbl\" x=\"").Append(N(labelW)).Append("\" y=\"").Append(N(y + 3)).Append("\" text-anchor=\"end\">").Append(E(Shorten(r.Interaction.StartsWith("rest:", StringComparison.Ordinal) ? r.Interaction[5..] : r.Interaction, 24))).Append("</text>");
            h.Append("<line class=\"track\" x1=\"").Append(N(trackL)).Append("\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(trackR)).Append("\" y2=\"").Append(N(y)).Append("\"/>");
            var x1 = X(r.Min.TotalMilliseconds);
            var x2 = Math.Max(X(r.Max.TotalMilliseconds), x1 + 1.5);
            h.Append("<line class=\"range\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y)).Append("\"/>");
            h.Append("<circle class=\"med\" cx=\"").Append(N(X(r.Median.TotalMilliseconds))).Append("\" cy=\"").Append(N(y)).Append("\" r=\"3\"/>");
            if (r.Max.TotalMilliseconds > axisMax)
                h.Append("<path class=\"over\" d=\"M").Append(N(trackR + 1)).Append(' ').Append(N(y - 4)).Append(" l5 4 l-5 4 z\"/>");
            h.Append("<text class=\"num\" x=\"").Append(N(W)).Append("\" y=\"").Append(N(y + 3)).Append("\" text-anchor=\"end\">").Append(Ms(r.Median.TotalMilliseconds))
             .Append(" · ").Append(Ms(r.Max.TotalMilliseconds)).Append("</text></g>");
        }
        var axisY = top + rowH * rows.Count + 11;
        h.Append("<text class=\"tick\" x=\"").Append(N(trackL)).Append("\" y=\"").Append(N(axisY)).Append("\" text-anchor=\"start\">0</text>")
         .Append("<text class=\"tick\" x=\"").Append(N(trackR)).Append("\" y=\"").Append(N(axisY)).Append("\" text-anchor=\"end\">").Append(Ms(axisMax)).Append("</text>")
         .Append("<text class=\"tick\" x=\"").Append(N(W)).Append("\" y=\"").Append(N(axisY)).Append("\" text-anchor=\"end\">median · max</text>");
        h.Append("</svg>");
    }

    private static string Started(RunTrendPoint p) => p.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static string Ms(double ms) => ms >= 10_000
        ? (ms / 1000).ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : ms.ToString(ms < 10 ? "0.#" : "#,0", CultureInfo.InvariantCulture) + " ms";

    private static string N(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
