using System.Globalization;
using System.Net;
using System.Text;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and script, no network) with the run's metadata and
/// totals, the comparison with an earlier run, tables by use case, ticket and spec version, obligation coverage, and
/// every scenario (failures first) with its steps, failure detail and HTTP exchanges. Filters (status, use case, ticket,
/// tag, text) live in the URL hash, e.g. <c>report.html#status=failed&amp;ticket=912</c>; <c>#open=s-3</c> opens a scenario.
/// Everything taken from results is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The conventional file name inside a run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>Writes the report to a file (creating its folder).</summary>
    public static void Write(RunResult run, string path, ReportContext? context = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Render(run, context), new UTF8Encoding(false));
    }

    /// <summary>Returns the report as HTML text.</summary>
    public static string Render(RunResult run, ReportContext? context = null)
    {
        context ??= ReportContext.Empty;
        var ordered = run.Scenarios.Select((s, i) => (Result: s, Index: i))
            .OrderBy(x => StatusText.FailuresFirstRank(x.Result.Status)).ThenBy(x => x.Index).ToList();
        var anchors = ordered.Select((x, pos) => (x.Result, Anchor: $"s-{pos + 1}"))
            .GroupBy(x => x.Result.Scenario.Id).ToDictionary(g => g.Key, g => g.First().Anchor, StringComparer.Ordinal);

        var h = new StringBuilder(64 * 1024 + run.Scenarios.Count * 4096);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
         .Append("<title>").Append(E(Title(run))).Append("</title>\n<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n");

        WriteHeader(h, run, context);
        h.Append("<main>\n");
        if (context.Comparison is { } comparison) WriteComparison(h, comparison, anchors);
        WriteProblems(h, run, context);
        WriteGroupTables(h, run);
        if (context.Obligations is { } catalogue) WriteCoverage(h, ObligationCoverage.Compute(catalogue, run), anchors);
        WriteFilters(h, run);
        h.Append("<section id=\"scenarios\"><h2>Scenarios <span class=\"small\">(failures first)</span></h2>\n");
        if (run.Scenarios.Count == 0) h.Append("<p>No scenario has finished yet.</p>\n");
        for (int i = 0; i < ordered.Count; i++) WriteScenario(h, ordered[i].Result, $"s-{i + 1}");
        h.Append("</section>\n</main>\n<script>").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static string Title(RunResult run) =>
        "GP Connect conformance report" + (Meta(run, "target") is { } t ? " — " + t : "") + (run.Complete ? "" : " (incomplete)");

    private static void WriteHeader(StringBuilder h, RunResult run, ReportContext context)
    {
        h.Append("<header>\n<h1>GP Connect conformance report</h1>\n");
        if (!run.Complete)
            h.Append("<div class=\"banner\" id=\"incomplete\">INCOMPLETE RUN: this report shows only the scenarios that finished before the run stopped.</div>\n");
        h.Append("<table class=\"meta\">\n");
        Row(h, "Target", Meta(run, "target") ?? "(not recorded)");
        Row(h, "Spec version", Meta(run, "specVersion") ?? "(not recorded)");
        Row(h, "Started (UTC)", Time(run.Started));
        Row(h, run.Complete ? "Finished (UTC)" : "Last update (UTC)", Time(run.Finished));
        Row(h, "Duration", Duration(run.Finished - run.Started));
        foreach (var (key, value) in run.Metadata)
        {
            if (key.Equals("target", StringComparison.OrdinalIgnoreCase) || key.Equals("specVersion", StringComparison.OrdinalIgnoreCase)) continue;
            var (kind, text) = BodyFormatter.Format(value);
            h.Append("<tr><td>").Append(E(key)).Append("</td><td>");
            if (kind is BodyKind.Json or BodyKind.Xml || text.Contains('\n')) h.Append("<pre>").Append(E(text)).Append("</pre>");
            else h.Append(E(value));
            h.Append("</td></tr>\n");
        }
        h.Append("</table>\n<div class=\"totals\">");
        h.Append("<span class=\"chip\">").Append(run.Scenarios.Count).Append(" scenarios</span>");
        foreach (var status in Enum.GetValues<ScenarioStatus>())
        {
            h.Append("<a class=\"chip c-").Append(StatusText.Token(status)).Append("\" href=\"#status=").Append(StatusText.Token(status))
             .Append("\">").Append(run.Count(status)).Append(' ').Append(E(StatusText.Label(status).ToLowerInvariant())).Append("</a>");
        }
        if (run.FeatureErrors.Count > 0)
            h.Append("<a class=\"chip c-failed\" href=\"#load-errors\">").Append(run.FeatureErrors.Count).Append(" feature load errors</a>");
        if (context.AppliedWaivers.Count > 0)
            h.Append("<span class=\"chip\">").Append(context.AppliedWaivers.Count).Append(" waivers applied</span>");
        h.Append("</div>\n</header>\n");
    }

    private static void WriteComparison(StringBuilder h, RunComparison c, IReadOnlyDictionary<string, string> anchors)
    {
        h.Append("<section id=\"comparison\"><h2>Compared with ").Append(E(c.BaselineLabel)).Append("</h2>\n<div class=\"grid\">\n");
        void Block(string title, string css, IReadOnlyList<ComparedScenario> items, bool collapsed = false)
        {
            h.Append("<div><h3 class=\"").Append(css).Append("\">").Append(E(title)).Append(": ").Append(items.Count).Append("</h3>");
            if (items.Count > 0)
            {
                if (collapsed) h.Append("<details><summary class=\"small\">show</summary>");
                h.Append("<ul>");
                foreach (var item in items.Take(50))
                {
                    h.Append("<li>");
                    if (anchors.TryGetValue(item.Id, out var a)) h.Append("<a href=\"#open=").Append(a).Append("\">").Append(E(item.DisplayName)).Append("</a>");
                    else h.Append(E(item.DisplayName));
                    h.Append(" <span class=\"small\">").Append(E(Change(item))).Append("</span></li>");
                }
                if (items.Count > 50) h.Append("<li>… and ").Append(items.Count - 50).Append(" more</li>");
                h.Append("</ul>");
                if (collapsed) h.Append("</details>");
            }
            h.Append("</div>\n");
        }
        Block("Newly failing", "c-failed", c.NewlyFailing);
        Block("Newly passing", "c-passed", c.NewlyPassing);
        Block("Still failing", "", c.StillFailing);
        Block("New scenarios", "", c.New, collapsed: true);
        Block("Removed scenarios", "", c.Removed, collapsed: true);
        h.Append("</div>\n</section>\n");
    }

    private static string Change(ComparedScenario e) =>
        $"{(e.Previous is { } p ? StatusText.Label(p) : "absent")} → {(e.Current is { } c ? StatusText.Label(c) : "absent")}";

    private static void WriteProblems(StringBuilder h, RunResult run, ReportContext context)
    {
        if (run.FeatureErrors.Count > 0)
        {
            h.Append("<section id=\"load-errors\"><h2 class=\"c-failed\">Feature files that could not be loaded</h2>\n<table><tr><th>File</th><th>Line</th><th>Problem</th></tr>\n");
            foreach (var e in run.FeatureErrors)
                h.Append("<tr><td>").Append(E(e.File)).Append("</td><td class=\"num\">").Append(e.Line).Append(':').Append(e.Column)
                 .Append("</td><td>").Append(E(e.Message)).Append("</td></tr>\n");
            h.Append("</table>\n</section>\n");
        }
        if (context.ExpiredWaivers.Count > 0 || context.AppliedWaivers.Count > 0)
        {
            h.Append("<section id=\"waivers\"><h2>Waivers</h2>\n");
            if (context.ExpiredWaivers.Count > 0)
            {
                h.Append("<h3 class=\"c-failed\">Expired (no effect): ").Append(context.ExpiredWaivers.Count).Append("</h3>\n<table><tr><th>Applies to</th><th>Reason</th><th>Owner</th><th>Expired</th></tr>\n");
                foreach (var w in context.ExpiredWaivers)
                    h.Append("<tr><td>").Append(E(w.Target)).Append("</td><td>").Append(E(w.Reason)).Append("</td><td>").Append(E(w.Owner))
                     .Append("</td><td>").Append(w.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
                h.Append("</table>\n");
            }
            if (context.AppliedWaivers.Count > 0)
            {
                h.Append("<h3>Applied: ").Append(context.AppliedWaivers.Count).Append("</h3>\n<table><tr><th>Scenario</th><th>Reason</th><th>Owner</th><th>Expires</th></tr>\n");
                foreach (var a in context.AppliedWaivers)
                    h.Append("<tr><td>").Append(E(a.ScenarioId)).Append("</td><td>").Append(E(a.Waiver.Reason)).Append("</td><td>").Append(E(a.Waiver.Owner))
                     .Append("</td><td>").Append(a.Waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
                h.Append("</table>\n");
            }
            h.Append("</section>\n");
        }
    }

    private static void WriteFilters(StringBuilder h, RunResult run)
    {
        h.Append("<section class=\"filters\" id=\"filters\"><strong>Filter</strong>");
        foreach (var status in Enum.GetValues<ScenarioStatus>().OrderBy(StatusText.FailuresFirstRank))
        {
            h.Append("<label><input type=\"checkbox\" name=\"status\" value=\"").Append(StatusText.Token(status)).Append("\" checked> ")
             .Append(E(StatusText.Label(status))).Append(" (").Append(run.Count(status)).Append(")</label>");
        }
        h.Append("<label>Use case <select id=\"f-usecase\"><option value=\"\">all</option>");
        foreach (var uc in run.Scenarios.SelectMany(s => s.Scenario.UseCases()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            h.Append("<option value=\"").Append(E(uc.ToLowerInvariant())).Append("\">").Append(E(uc)).Append("</option>");
        h.Append("</select></label><label>Ticket <select id=\"f-ticket\"><option value=\"\">all</option>");
        foreach (var g in ResultGroups.ByTicket(run.Scenarios))
            h.Append("<option value=\"").Append(E(g.Key.ToLowerInvariant())).Append("\">#").Append(E(g.Key)).Append("</option>");
        h.Append("</select></label><label>Tag <input id=\"f-tag\" list=\"all-tags\" size=\"18\" placeholder=\"@APT-040\"></label><datalist id=\"all-tags\">");
        foreach (var tag in run.Scenarios.SelectMany(s => s.Scenario.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            h.Append("<option value=\"").Append(E(tag)).Append("\">");
        h.Append("</datalist><label>Text <input type=\"text\" id=\"f-text\" size=\"18\" placeholder=\"name or id\"></label>")
         .Append("<button type=\"button\" id=\"f-reset\">Reset</button><span id=\"count\"></span></section>\n");
    }

    private static void WriteGroupTables(StringBuilder h, RunResult run)
    {
        h.Append("<section id=\"tables\"><div class=\"grid\">\n");
        GroupTable(h, "By use case", "Use case", null, ResultGroups.ByUseCase(run.Scenarios), g => g == ResultGroups.Untagged ? null : "usecase=" + Uri.EscapeDataString(g.ToLowerInvariant()));
        GroupTable(h, "By ticket", "Ticket", "Release", ResultGroups.ByTicket(run.Scenarios), g => "ticket=" + Uri.EscapeDataString(g.ToLowerInvariant()), "#");
        GroupTable(h, "By spec version (@since)", "Since", null, ResultGroups.BySpecVersion(run.Scenarios), g => g == ResultGroups.Untagged ? null : "tag=" + Uri.EscapeDataString("@since-" + g));
        h.Append("</div>\n</section>\n");
    }

    private static void GroupTable(StringBuilder h, string title, string keyHeader, string? detailHeader,
        IReadOnlyList<ResultGroup> groups, Func<string, string?> link, string keyPrefix = "")
    {
        h.Append("<div><h3>").Append(E(title)).Append("</h3>");
        if (groups.Count == 0) { h.Append("<p class=\"small\">No scenario carries these tags.</p></div>\n"); return; }
        h.Append("<table><tr><th>").Append(E(keyHeader)).Append("</th>");
        if (detailHeader is not null) h.Append("<th>").Append(E(detailHeader)).Append("</th>");
        h.Append("<th>Status</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th><th class=\"num\">Skip</th><th class=\"num\">N/A</th><th class=\"num\">Waived</th></tr>\n");
        foreach (var g in groups)
        {
            var href = link(g.Key);
            h.Append("<tr><td>");
            if (href is null) h.Append(E(keyPrefix + g.Key));
            else h.Append("<a href=\"#").Append(E(href)).Append("\">").Append(E(keyPrefix + g.Key)).Append("</a>");
            h.Append("</td>");
            if (detailHeader is not null) h.Append("<td>").Append(E(g.Detail ?? "—")).Append("</td>");
            StatusCell(h, g.Counts.Overall);
            var c = g.Counts;
            h.Append("<td class=\"num\">").Append(c.Passed).Append("</td><td class=\"num\">").Append(c.Failed).Append("</td><td class=\"num\">").Append(c.Skipped)
             .Append("</td><td class=\"num\">").Append(c.NotApplicable).Append("</td><td class=\"num\">").Append(c.Waived).Append("</td></tr>\n");
        }
        h.Append("</table></div>\n");
    }

    private static void WriteCoverage(StringBuilder h, ObligationCoverage coverage, IReadOnlyDictionary<string, string> anchors)
    {
        var covered = coverage.Rows.Count(r => r.IsCovered);
        h.Append("<section id=\"coverage\"><details><summary><h2 style=\"display:inline\">Obligation coverage: ").Append(covered).Append(" of ")
         .Append(coverage.Rows.Count).Append(" covered, ").Append(coverage.Rows.Count(r => r.Status == ScenarioStatus.Failed)).Append(" failing</h2></summary>\n");
        h.Append("<table><tr><th>Obligation</th><th>Level</th><th>Source</th><th>Statement</th><th>Status</th><th>Scenarios</th></tr>\n");
        foreach (var row in coverage.Rows)
        {
            h.Append("<tr id=\"ob-").Append(E(row.Obligation.Id)).Append("\"><td><a href=\"#tag=@").Append(E(row.Obligation.Id)).Append("\">").Append(E(row.Obligation.Id)).Append("</a></td><td>")
             .Append(E(row.Obligation.Classification ?? "—")).Append("</td><td>").Append(E(row.Obligation.Source));
            if (row.Obligation.Versions is { } versions) h.Append("<br><small>versions ").Append(E(versions)).Append("</small>");
            h.Append("</td><td>").Append(E(row.Obligation.Summary)).Append("</td>");
            if (row.IsCovered) StatusCell(h, row.Status);
            else h.Append("<td><strong>uncovered</strong></td>");
            h.Append("<td>");
            foreach (var s in row.Scenarios)
            {
                var anchor = anchors.GetValueOrDefault(s.Scenario.Id);
                h.Append("<div><span class=\"badge b-").Append(StatusText.Token(s.Status)).Append("\">").Append(E(StatusText.Label(s.Status))).Append("</span> ");
                if (anchor is null) h.Append(E(s.Scenario.DisplayName));
                else h.Append("<a href=\"#open=").Append(anchor).Append("\">").Append(E(s.Scenario.DisplayName)).Append("</a>");
                h.Append("</div>");
            }
            h.Append("</td></tr>\n");
        }
        h.Append("</table>\n");
        var uncovered = coverage.Uncovered;
        h.Append("<h3>Uncovered: ").Append(uncovered.Count).Append("</h3><p>").Append(E(string.Join(", ", uncovered.Select(o => o.Id)))).Append("</p>\n");
        if (coverage.UnknownIds.Count > 0)
            h.Append("<h3>Tags not in the catalogue</h3><p>").Append(E(string.Join(", ", coverage.UnknownIds))).Append("</p>\n");
        h.Append("</details></section>\n");
    }

    private static void WriteScenario(StringBuilder h, ScenarioResult r, string anchor)
    {
        var s = r.Scenario;
        var token = StatusText.Token(r.Status);
        string Lower(IEnumerable<string> v) => E(string.Join(' ', v.Select(x => x.ToLowerInvariant())));
        h.Append("<details class=\"scn st-").Append(token).Append("\" id=\"").Append(anchor).Append("\" data-status=\"").Append(token)
         .Append("\" data-id=\"").Append(E(s.Id))
         .Append("\" data-usecases=\"").Append(Lower(s.UseCases()))
         .Append("\" data-tickets=\"").Append(Lower(s.Tickets()))
         .Append("\" data-tags=\"").Append(Lower(s.Tags))
         .Append("\" data-search=\"").Append(E((s.DisplayName + " " + s.Id).ToLowerInvariant())).Append("\">\n<summary>")
         .Append("<span class=\"badge b-").Append(token).Append("\">").Append(E(StatusText.Label(r.Status))).Append("</span> ")
         .Append("<span class=\"name\">").Append(E(s.DisplayName)).Append("</span> <span class=\"small\">")
         .Append(E(s.Id)).Append(" · ").Append(E(Duration(r.Duration))).Append("</span>");
        var why = r.Status == ScenarioStatus.Failed ? ScenarioText.FirstFailureMessage(r) : r.Message;
        if (why is not null && r.Status != ScenarioStatus.Passed) h.Append("<span class=\"why\">").Append(E(Truncate(why, 300))).Append("</span>");
        h.Append("</summary>\n<div class=\"body\">\n<p>");
        foreach (var tag in s.Tags) h.Append("<span class=\"tag\">").Append(E(tag)).Append("</span>");
        h.Append("</p>\n");

        if (r.Status != ScenarioStatus.Passed && (r.Message is not null || r.Failures.Count > 0))
        {
            h.Append("<div class=\"failure").Append(r.Status == ScenarioStatus.Failed ? "" : " soft").Append("\"><strong>")
             .Append(r.Status switch
             {
                 ScenarioStatus.Failed => "Why it failed",
                 ScenarioStatus.Waived => "Waived",
                 ScenarioStatus.NotApplicable => "Why it does not apply",
                 _ => "Why it was skipped",
             }).Append("</strong>");
            if (r.Message is not null) h.Append("<pre>").Append(E(r.Message)).Append("</pre>");
            if (r.Failures.Count > 0)
            {
                h.Append("<table><tr><th>Rule</th><th>Element path</th><th>Expected</th><th>Actual</th><th>Message</th></tr>\n");
                foreach (var f in r.Failures)
                    h.Append("<tr><td>").Append(E(f.Rule)).Append("</td><td><code>").Append(E(f.Path ?? "—")).Append("</code></td><td>").Append(E(f.Expected ?? "—"))
                     .Append("</td><td>").Append(E(f.Actual ?? "—")).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>\n");
                h.Append("</table>");
            }
            h.Append("</div>\n");
        }

        if (s.ExampleRow is not null) h.Append("<p><strong>Examples row:</strong> ").Append(E(s.ExampleRow)).Append("</p>\n");
        if (r.Steps.Count > 0)
        {
            h.Append("<h3>Steps</h3><ol class=\"steps\">\n");
            foreach (var st in r.Steps)
            {
                h.Append("<li><span class=\"step-status s-").Append(st.Status).Append("\">").Append(st.Status).Append("</span><strong>")
                 .Append(E(st.Keyword.Trim())).Append("</strong> ").Append(E(st.Text)).Append(" <span class=\"small\">line ").Append(st.Line)
                 .Append(" · ").Append(E(Duration(st.Duration))).Append("</span>");
                if (st.Message is not null) h.Append("<pre>").Append(E(st.Message)).Append("</pre>");
                if (st.Snippet is not null) h.Append("<div class=\"small\">Step definition snippet:</div><pre>").Append(E(st.Snippet)).Append("</pre>");
                h.Append("</li>\n");
            }
            h.Append("</ol>\n");
        }

        if (r.Evidence.Count > 0)
        {
            h.Append("<h3>Evidence</h3>\n");
            var lastHttp = r.Evidence.OfType<HttpExchangeEvidence>().LastOrDefault();
            foreach (var e in r.Evidence)
            {
                switch (e)
                {
                    case HttpExchangeEvidence x: WriteExchange(h, x, open: r.Status == ScenarioStatus.Failed && ReferenceEquals(x, lastHttp)); break;
                    case TextEvidence t:
                        h.Append("<details class=\"text\"><summary>").Append(E(t.Title)).Append("</summary><pre>").Append(E(t.Text)).Append("</pre></details>\n");
                        break;
                    default:
                        h.Append("<details class=\"text\"><summary>").Append(E(e.Title)).Append("</summary><pre>").Append(E(e.ToString())).Append("</pre></details>\n");
                        break;
                }
            }
        }
        h.Append("</div>\n</details>\n");
    }

    private static void WriteExchange(StringBuilder h, HttpExchangeEvidence x, bool open)
    {
        var ok = x.StatusCode is >= 200 and < 400;
        h.Append("<details class=\"http\"").Append(open ? " open" : "").Append("><summary><strong>").Append(E(x.Method)).Append("</strong> ").Append(E(x.Url)).Append(" → ");
        if (x.StatusCode is { } code) h.Append("<strong class=\"").Append(ok ? "http-ok" : "http-bad").Append("\">").Append(code).Append("</strong>");
        else h.Append("<strong class=\"http-bad\">no response</strong>");
        h.Append(" · ").Append(E(Duration(x.Duration))).Append(" · <span class=\"small\">").Append(E(x.Title)).Append(" · sent ").Append(E(Time(x.Started))).Append("</span></summary>\n");
        if (x.TransportError is not null) h.Append("<div class=\"failure\"><strong>Transport error</strong><pre>").Append(E(x.TransportError)).Append("</pre></div>\n");
        h.Append("<div class=\"cols\"><div><h3>Request</h3><pre>").Append(E(x.Method)).Append(' ').Append(E(x.Url)).Append("</pre>");
        Headers(h, x.RequestHeaders);
        if (JwtDecoder.TryDecode(JwtDecoder.AuthorizationHeader(x.RequestHeaders)) is { } jwt)
        {
            h.Append("<h3>JWT (decoded from Authorization)</h3><div class=\"small\">Header</div><pre class=\"jwt-header\">").Append(E(jwt.HeaderJson))
             .Append("</pre><div class=\"small\">Payload</div><pre class=\"jwt-payload\">").Append(E(jwt.PayloadJson)).Append("</pre>");
            if (jwt.Signature.Length > 0) h.Append("<div class=\"small\">Signature segment present (").Append(jwt.Signature.Length).Append(" characters)</div>");
        }
        Body(h, x.RequestBody);
        h.Append("</div><div><h3>Response</h3>");
        if (x.StatusCode is { } sc) h.Append("<pre>HTTP ").Append(sc).Append("</pre>");
        Headers(h, x.ResponseHeaders);
        Body(h, x.ResponseBody);
        h.Append("</div></div>\n</details>\n");
    }

    private static void Headers(StringBuilder h, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        if (headers.Count == 0) return;
        h.Append("<table class=\"hdrs\">");
        foreach (var (name, value) in headers) h.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
        h.Append("</table>");
    }

    private static void Body(StringBuilder h, string? body)
    {
        var (kind, text) = BodyFormatter.Format(body);
        if (kind == BodyKind.Empty) { h.Append("<p class=\"small\">(no body)</p>"); return; }
        h.Append("<div class=\"small\">Body (").Append(kind.ToString().ToUpperInvariant()).Append(")</div><pre class=\"body-").Append(kind.ToString().ToLowerInvariant())
         .Append("\">").Append(E(text)).Append("</pre>");
    }

    private static void StatusCell(StringBuilder h, ScenarioStatus? status)
    {
        if (status is { } st)
            h.Append("<td><span class=\"badge b-").Append(StatusText.Token(st)).Append("\">").Append(E(StatusText.Label(st))).Append("</span></td>");
        else h.Append("<td>—</td>");
    }

    private static void Row(StringBuilder h, string name, string value) =>
        h.Append("<tr><td>").Append(E(name)).Append("</td><td><strong>").Append(E(value)).Append("</strong></td></tr>\n");

    private static string? Meta(RunResult run, string key) =>
        run.Metadata.FirstOrDefault(kv => kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan t) => DurationText.Format(t);

    private static string Truncate(string text, int max)
    {
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length <= max ? line : line[..max] + "…";
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
