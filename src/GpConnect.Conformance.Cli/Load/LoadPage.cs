using System.Globalization;
using System.Net;
using System.Text;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>
/// load.html: one self-contained page (no script, no external file) with the run's settings, a table per interaction
/// and an inline SVG chart of every response's latency over the run on a logarithmic scale, with the SHOULD and SHALL
/// limits drawn across it.
/// </summary>
public static class LoadPage
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
    private const int MaxPoints = 6000;

    public static string Render(LoadRun run)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>GP Connect load run</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}.pass{color:#176f2c}.should{color:#a15c00}.fail{color:#b00020;font-weight:bold}
            .note{color:#555;font-size:.9rem;max-width:60rem}
            </style></head><body>
            <h1>GP Connect load run</h1>
            """);
        if (run.Interrupted is not null)
            html.Append($"<p class=\"fail\" id=\"interrupted\">Interrupted ({E(run.Interrupted)}): the load stopped early; this page holds what ran.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Target: {E(run.Target)}<br>Started {run.Started:yyyy-MM-dd HH:mm:ss} UTC; {run.Consumers} consumers for at most {run.DurationSeconds:0.###} s (ran {run.ElapsedSeconds:0.###} s); cap {run.RequestsPerSecondCap:0.##} requests per second over all consumers; {run.Requests} requests, {run.CancelledAtDeadline} cancelled in flight at the deadline (not counted).</p>");
        html.Append("""<table id="interactions"><thead><tr><th>Interaction</th><th>Kind</th><th>Requests</th><th>Errors</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th><th>SHOULD &lt; ms</th><th>SHALL &lt; ms</th><th>over SHOULD</th><th>over SHALL</th><th>Verdict</th></tr></thead><tbody>""");
        foreach (var i in run.Interactions)
        {
            var css = i.Verdict switch { LoadVerdict.Pass => "pass", LoadVerdict.ShouldMissed => "should", _ => "fail" };
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(i.Interaction)}</td><td>{i.Kind}</td><td>{i.Requests}</td><td>{i.Errors}</td><td>{i.RequestsPerSecond:0.##}</td><td>{Ms(i.P50Ms)}</td><td>{Ms(i.P95Ms)}</td><td>{Ms(i.P99Ms)}</td><td>{Ms(i.MaxMs)}</td><td>{i.ShouldMs:0}</td><td>{i.ShallMs:0}</td><td>{i.OverShould}</td><td>{i.OverShall}</td><td class=\"{css}\">{E(LoadRun.VerdictText(i.Verdict))}</td></tr>");
        }
        html.Append("</tbody></table>");
        var errors = run.Interactions.Where(i => i.ErrorExamples.Count > 0).ToList();
        if (errors.Count > 0)
        {
            html.Append("<h2>Errors</h2><ul>");
            foreach (var i in errors) html.Append($"<li>{E(i.Interaction)}: {E(string.Join("; ", i.ErrorExamples))}</li>");
            html.Append("</ul>");
        }
        if (run.Bookings is { } bookings)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<h2>Bookings</h2><p id=\"bookings\">{bookings.Booked} made, {bookings.Cancelled} cancelled (confirmed by the provider), <span class=\"{(bookings.Outstanding == 0 ? "pass" : "fail")}\">{bookings.Outstanding} outstanding</span>. Every booking and confirmed cancellation is recorded in the bookings ledger {E(bookings.Ledger ?? "(kept in memory)")}.</p>");
            if (bookings.Outstanding > 0)
            {
                html.Append("<p class=\"fail\">Still booked at the provider:</p><ul id=\"outstanding\">");
                foreach (var line in bookings.NotCancelled) html.Append($"<li>{E(line)}</li>");
                html.Append("</ul>");
                html.Append(bookings.CleanupCommand is null
                    ? "<p>The embedded reference provider discarded them when it stopped.</p>"
                    : $"<p>Cancel them with: <code>{E(bookings.CleanupCommand)}</code></p>");
            }
        }
        html.Append("<h2>Latency over the run</h2>");
        html.Append(Chart(run));
        html.Append("""
            <p class="note">Each dot is one response: when it was sent (seconds from the start) and how long the provider took to
            answer it, from the request being handed to the network to the last byte of the body. The scale is logarithmic.
            Dashed lines are the GP Connect limits for queries and commands (SHOULD, SHALL); the specification applies them to
            each response, so a single response above a line misses that limit. Percentiles are by nearest rank over the
            successful responses.</p>
            </body></html>
            """);
        return html.ToString();
    }

    private static string Chart(LoadRun run)
    {
        const double width = 900, height = 420, left = 70, right = 170, top = 20, bottom = 50;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var limits = run.Interactions.SelectMany(i => new[] { i.ShouldMs, i.ShallMs }).Distinct().Order().ToList();
        var maxLatency = run.Samples.Count == 0 ? 1 : run.Samples.Max(s => s.LatencyMs);
        var minLatency = run.Samples.Count == 0 ? 1 : Math.Max(0.01, run.Samples.Min(s => s.LatencyMs));
        var yMin = Math.Pow(10, Math.Floor(Math.Log10(minLatency)));
        var yMax = Math.Pow(10, Math.Ceiling(Math.Log10(Math.Max(maxLatency, limits.DefaultIfEmpty(1).Max()) * 1.05)));
        var xMax = Math.Max(run.ElapsedSeconds, 0.001);
        double X(double seconds) => left + seconds / xMax * plotW;
        double Y(double ms) => top + plotH - (Math.Log10(Math.Clamp(ms, yMin, yMax)) - Math.Log10(yMin)) / (Math.Log10(yMax) - Math.Log10(yMin)) * plotH;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" id="latency-chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="Latency of each response over the run">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{left}" y="{top}" width="{plotW}" height="{plotH}" fill="#fafafa" stroke="#999"/>""");
        for (var decade = yMin; decade <= yMax * 1.0001; decade *= 10)
        {
            var y = Y(decade);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{y:0.#}" x2="{left + plotW}" y2="{y:0.#}" stroke="#e3e3e3"/><text x="{left - 6}" y="{y + 4:0.#}" font-size="11" text-anchor="end">{decade:0.##} ms</text>""");
        }
        for (var t = 0; t <= 5; t++)
        {
            var seconds = xMax * t / 5;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(seconds):0.#}" y="{top + plotH + 16}" font-size="11" text-anchor="middle">{seconds:0.#} s</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left + plotW / 2}" y="{height - 10}" font-size="12" text-anchor="middle">time from the start of the run</text>""");
        foreach (var i in run.Interactions.DistinctBy(i => (i.ShouldMs, i.ShallMs)))
        {
            foreach (var (ms, label) in new[] { (i.ShouldMs, $"{i.Kind} SHOULD {i.ShouldMs:0} ms"), (i.ShallMs, $"{i.Kind} SHALL {i.ShallMs:0} ms") })
            {
                var y = Y(ms);
                svg.Append(CultureInfo.InvariantCulture, $"""<line class="limit" x1="{left}" y1="{y:0.#}" x2="{left + plotW}" y2="{y:0.#}" stroke="#b00020" stroke-dasharray="6 4"/><text x="{left + plotW - 4}" y="{y - 4:0.#}" font-size="11" text-anchor="end" fill="#b00020">{E(label)}</text>""");
            }
        }
        var colours = run.Interactions.Select((i, n) => (i.Interaction, Colour: Palette[n % Palette.Length])).ToDictionary(p => p.Interaction, p => p.Colour);
        var step = Math.Max(1, (int)Math.Ceiling(run.Samples.Count / (double)MaxPoints));
        for (var n = 0; n < run.Samples.Count; n += step)
        {
            var s = run.Samples[n];
            var colour = s.Error is null ? colours.GetValueOrDefault(s.Interaction, "#333") : "#000";
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(s.AtMs / 1000):0.#}" cy="{Y(s.LatencyMs):0.#}" r="{(s.Error is null ? 1.8 : 3)}" fill="{colour}" fill-opacity="0.6"/>""");
        }
        var legendY = top + 10.0;
        foreach (var (name, colour) in colours)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{left + plotW + 15}" cy="{legendY}" r="4" fill="{colour}"/><text x="{left + plotW + 25}" y="{legendY + 4}" font-size="11">{E(name)}</text>""");
            legendY += 16;
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{left + plotW + 15}" cy="{legendY}" r="4" fill="#000"/><text x="{left + plotW + 25}" y="{legendY + 4}" font-size="11">error</text>""");
        if (step > 1)
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left + 4}" y="{top + 14}" font-size="11">every {step}th response shown ({run.Samples.Count} in all)</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Ms(double? ms) => ms is null ? "–" : ms.Value.ToString("0.##", CultureInfo.InvariantCulture);
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
