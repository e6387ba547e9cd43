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
public static partial class HtmlReportWriter
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
        var groups = FailureGroups.Of(run.Scenarios);
        var causeOf = new Dictionary<ScenarioResult, string>(ReferenceEqualityComparer.Instance);
        for (int g = 0; g < groups.Count; g++)
            foreach (var s in groups[g].Scenarios) causeOf[s] = $"fg-{g + 1}";
        var verdict = RunVerdict.Of(run);

        var h = new StringBuilder(64 * 1024 + run.Scenarios.Count * 4096);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
         .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
         .Append("<title>").Append(E(Title(run, verdict))).Append("</title>\n<style>").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n");

        WriteHeader(h, run, context, verdict, groups.Count);
        h.Append("<main>\n");
        if (context.Comparison is { } comparison) WriteComparison(h, comparison, anchors);
        if (context.VersionImpact is { } impact) WriteVersionImpact(h, impact, anchors);
        WriteProblems(h, run, context);
        WriteFailureGroups(h, groups, anchors);
        WriteGroupTables(h, run);
        WritePictures(h, run, context);
        if (context.Obligations is { } catalogue) WriteCoverage(h, ObligationCoverage.Compute(catalogue, run), anchors);
        WriteFilters(h, run, groups);
        h.Append("<section id=\"scenarios\"><h2>Scenarios <span class=\"small\">(failures first)</span></h2>\n");
        if (run.Scenarios.Count == 0) h.Append("<p>No scenario has finished yet.</p>\n");
        for (int i = 0; i < ordered.Count; i++) WriteScenario(h, ordered[i].Result, $"s-{i + 1}", causeOf.GetValueOrDefault(ordered[i].Result));
        h.Append("</section>\n</main>\n<script>").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static string Title(RunResult run, RunVerdict verdict) =>
        (!run.Complete ? "Incomplete" : NotRun.CutShort(run) ? "Cut short" : Capital(verdict.Label)) + " — GP Connect conformance report" + (Meta(run, "target") is { } t ? " — " + t : "");

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // Verdict first: the outcome in one word, why, the facts a reader checks (provider, spec version, duration), the counts,
    // and one bar of the whole run. The configuration follows, collapsed, with secret values masked.
    private static void WriteHeader(StringBuilder h, RunResult run, ReportContext context, RunVerdict verdict, int causes)
    {
        h.Append("<header>\n<h1>GP Connect conformance report</h1>\n");
        if (!run.Complete)
            h.Append("<div class=\"banner\" id=\"incomplete\">INCOMPLETE RUN: this report shows only the scenarios that finished before the run stopped.</div>\n");
        if (NotRun.Describe(run) is { } cut)
        {
            var why = run.Metadata.LastOrDefault(kv => kv.Key == NotRun.MetadataKey).Value;
            h.Append("<div class=\"banner\" id=\"cut-short\">RUN CUT SHORT: ").Append(E(cut)).Append(why is null ? "" : " — ").Append(why is null ? "" : E(why.Split('\n')[0]));
            if (why is not null && why.Contains('\n')) h.Append("<pre>").Append(E(string.Join("\n", why.Split('\n').Skip(1)))).Append("</pre>");
            h.Append("</div>\n");
        }
        h.Append("<section id=\"verdict\" class=\"verdict v-").Append(verdict.Token).Append("\" data-verdict=\"").Append(verdict.Token).Append("\">\n")
         .Append("<div class=\"verdict-head\"><span class=\"verdict-word\">").Append(E(Capital(verdict.Label))).Append("</span><span class=\"verdict-why\">");
        if (verdict.Outcome == VerdictOutcome.Failed)
        {
            h.Append(verdict.Failed).Append(" of ").Append(verdict.Scenarios).Append(" scenarios failed");
            if (causes > 0) h.Append(", ").Append(causes).Append(causes == 1 ? " cause" : " causes");
            if (verdict.FeatureErrors > 0) h.Append("; ").Append(verdict.FeatureErrors).Append(" feature files could not be loaded");
        }
        else if (verdict.Outcome == VerdictOutcome.PassedWithWarnings)
            h.Append("no scenario failed; ").Append(verdict.Warnings).Append(" passed with warnings");
        else h.Append("no scenario failed");
        if (!run.Complete) h.Append(" (so far)");
        if (NotRun.Describe(run) is { } cutShort) h.Append("; run cut short: ").Append(E(cutShort));
        h.Append("</span></div>\n<dl class=\"facts\">");
        Fact(h, "Provider", Meta(run, "target") ?? "(not recorded)");
        Fact(h, "Spec version", Meta(run, "specVersion") ?? "(not recorded)");
        Fact(h, "Duration", Duration(run.Finished - run.Started));
        Fact(h, "Started (UTC)", Time(run.Started));
        h.Append("</dl>\n<div class=\"counts\">");
        Count(h, verdict.Scenarios, "scenarios", null, null);
        Count(h, verdict.Passed, "passed", "c-passed", "passed");
        Count(h, verdict.Warnings, "warnings", "c-warning", null);
        Count(h, verdict.Failed, "failed", "c-failed", "failed");
        Count(h, verdict.Waived, "waived", "c-waived", "waived");
        Count(h, verdict.Skipped, "skipped", "c-skipped", "skipped");
        Count(h, verdict.NotApplicable, "n/a", "c-na", "notApplicable");
        if (run.FeatureErrors.Count > 0) Count(h, run.FeatureErrors.Count, "feature load errors", "c-failed", null, "#load-errors");
        if (context.AppliedWaivers.Count > 0) Count(h, context.AppliedWaivers.Count, "waivers applied", null, null, "#waivers");
        h.Append("</div>\n<div class=\"runbar\">");
        SvgCharts.StackedBar(h, SvgCharts.Segments(verdict.Passed, verdict.Warnings, verdict.Failed, verdict.Waived, verdict.Skipped, verdict.NotApplicable), "sbar big");
        h.Append("</div>\n</section>\n");

        h.Append("<details id=\"config\"><summary>Run details and configuration <span class=\"small\">(")
         .Append(run.Metadata.Count).Append(" entries; secret values are masked)</span></summary>\n<table class=\"meta\">\n");
        Row(h, "Started (UTC)", Time(run.Started));
        Row(h, run.Complete ? "Finished (UTC)" : "Last update (UTC)", Time(run.Finished));
        foreach (var (key, raw) in run.Metadata)
        {
            if (key.Equals("target", StringComparison.OrdinalIgnoreCase) || key.Equals("specVersion", StringComparison.OrdinalIgnoreCase)) continue;
            var value = ConfigText.Mask(key, raw);
            var (kind, text) = BodyFormatter.Format(value);
            h.Append("<tr><td>").Append(E(key)).Append("</td><td>");
            if (kind is BodyKind.Json or BodyKind.Xml || text.Contains('\n')) h.Append("<pre>").Append(E(text)).Append("</pre>");
            else h.Append(E(value));
            h.Append("</td></tr>\n");
        }
        h.Append("</table>\n</details>\n</header>\n");
    }

    private static void Fact(StringBuilder h, string name, string value) =>
        h.Append("<div><dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static void Count(StringBuilder h, int n, string label, string? css, string? statusToken, string? href = null)
    {
        href ??= statusToken is null ? null : "#status=" + statusToken;
        h.Append(href is null ? "<div" : "<a href=\"" + href + "\"").Append(" class=\"count").Append(css is null ? "" : " " + css)
         .Append("\" data-summary-box=\"count\" data-count=\"").Append(E(label)).Append("\"><b>").Append(n).Append("</b><span>").Append(E(label)).Append("</span>")
         .Append(href is null ? "</div>" : "</a>");
    }

    // One element per cause (data-failure-group carries the cause key), largest first: the count, the scenarios, and the
    // representative scenario's findings and the exchange they are about.
    private static void WriteFailureGroups(StringBuilder h, IReadOnlyList<FailureGroup> groups, IReadOnlyDictionary<string, string> anchors)
    {
        if (groups.Count == 0) return;
        var total = groups.Sum(g => g.Count);
        h.Append("<section id=\"failures\"><h2 class=\"c-failed\">Failures by cause <span class=\"small\">").Append(total).Append(" failed scenarios, ")
         .Append(groups.Count).Append(groups.Count == 1 ? " cause" : " causes").Append(", largest first; open a cause for its scenarios and an example exchange</span></h2>\n");
        for (int i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var id = $"fg-{i + 1}";
            var obligations = g.SharedObligations;
            h.Append("<details class=\"fgroup\" id=\"").Append(id).Append("\" data-failure-group=\"").Append(E(g.Key)).Append("\" data-count=\"").Append(g.Count).Append("\">")
             .Append("<summary><span class=\"fcount\">").Append(g.Count).Append("</span><span class=\"ftitle\">").Append(E(Truncate(g.Title, 240))).Append("</span>")
             .Append("<span class=\"small fmeta\">").Append(E(KindText(g.Kind)));
            if (obligations.Count > 0) h.Append(" · ").Append(E(string.Join(", ", obligations.Take(6)))).Append(obligations.Count > 6 ? " …" : "");
            h.Append("</span></summary>\n<div class=\"body\">\n<p><a class=\"only\" href=\"#cause=").Append(id).Append("\">Show only these ").Append(g.Count)
             .Append(" scenarios in the list below</a></p>\n<h3>Scenarios</h3><ul class=\"fscn\">");
            foreach (var s in g.Scenarios)
            {
                h.Append("<li>");
                if (anchors.TryGetValue(s.Scenario.Id, out var a)) h.Append("<a href=\"#open=").Append(a).Append("\">").Append(E(s.Scenario.DisplayName)).Append("</a>");
                else h.Append(E(s.Scenario.DisplayName));
                h.Append(" <span class=\"small\">").Append(E(s.Scenario.Id)).Append("</span></li>");
            }
            h.Append("</ul>\n");
            var rep = g.Representative;
            h.Append("<h3>Example: ").Append(E(rep.Scenario.DisplayName)).Append("</h3>\n");
            FindingsTable(h, rep);
            if (g.RepresentativeExchange is { } x) HtmlEvidence.Exchange(h, x, open: true, rep.Failures, curl: true);
            else if (rep.Message is not null) h.Append("<pre>").Append(E(rep.Message)).Append("</pre>\n");
            h.Append("</div>\n</details>\n");
        }
        h.Append("</section>\n");
    }

    private static string KindText(FailureCauseKind kind) => kind switch
    {
        FailureCauseKind.HttpStatus => "same HTTP status / error code",
        FailureCauseKind.Rule => "same check",
        _ => "same message",
    };

    private static void FindingsTable(StringBuilder h, ScenarioResult r)
    {
        if (r.Failures.Count == 0) return;
        h.Append("<table class=\"findings\"><tr><th>Rule</th><th>Element path</th><th>Expected</th><th>Actual</th><th>Message</th></tr>\n");
        foreach (var f in r.Failures)
            h.Append("<tr><td>").Append(E(f.Rule)).Append("</td><td><code>").Append(E(f.Path ?? "—")).Append("</code></td><td>").Append(E(f.Expected ?? "—"))
             .Append("</td><td>").Append(E(f.Actual ?? "—")).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>\n");
        h.Append("</table>");
    }

    // The trend of the last runs and response times per interaction against the spec's limits.
    private static void WritePictures(StringBuilder h, RunResult run, ReportContext context)
    {
        var timings = ResponseTimes.Of(run.Scenarios);
        h.Append("<section id=\"pictures\"><div class=\"grid\">\n<div class=\"panel\" id=\"trend\" data-summary-box=\"trend\"><h3>Trend of the last runs</h3>");
        var points = context.History.Append(RunTrendPoint.Of(run, "this run")).ToList();
        SvgCharts.Trend(h, points, points.Count - 1);
        SvgCharts.Legend(h, withOthers: false);
        h.Append("<p class=\"small\">").Append(context.History.Count == 0
            ? "No earlier run with a results.json was found in the reports folder."
            : $"This run and the {context.History.Count} before it in the reports folder; the number above a column counts its failures.").Append("</p></div>\n");
        foreach (var kind in new[] { InteractionKind.Query, InteractionKind.Command })
        {
            var rows = timings.Where(t => t.Kind == kind).ToList();
            var name = kind == InteractionKind.Query ? "queries" : "commands";
            h.Append("<div class=\"panel\" id=\"rt-").Append(name).Append("\" data-summary-box=\"rt-").Append(name).Append("\"><h3>Response times: ").Append(name)
             .Append(" <span class=\"small\">(SHOULD &lt; ").Append(SvgCharts.Ms(ResponseTimes.ShouldLimit(kind).TotalMilliseconds)).Append(", SHALL &lt; ")
             .Append(SvgCharts.Ms(ResponseTimes.ShallLimit(kind).TotalMilliseconds)).Append(")</span></h3>");
            if (rows.Count == 0) h.Append("<p class=\"small\">No successful ").Append(kind == InteractionKind.Query ? "query" : "command").Append(" response in this run.</p>");
            else
            {
                SvgCharts.ResponseTimes(h, rows, kind);
                var over = rows.Sum(r => r.OverShall);
                var slow = rows.Sum(r => r.OverShould);
                h.Append("<p class=\"small\">").Append(rows.Sum(r => r.Count)).Append(" successful responses; ")
                 .Append(over > 0 ? $"<strong class=\"c-failed\">{over} at or over SHALL</strong>, " : "none at or over SHALL, ")
                 .Append(slow > 0 ? $"{slow} at or over SHOULD" : "none at or over SHOULD")
                 .Append(". Measured by the harness as the full round trip (the spec's limits are at the provider), so indicative only.</p>");
            }
            h.Append("</div>\n");
        }
        h.Append("</div>\n</section>\n");
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
        Block("Newly warning", "c-warning", c.NewlyWarning);
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

    private static void WriteFilters(StringBuilder h, RunResult run, IReadOnlyList<FailureGroup> groups)
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
        h.Append("</select></label><label>Tag <input id=\"f-tag\" list=\"all-tags\" size=\"12\" placeholder=\"@APT-040\"></label><datalist id=\"all-tags\">");
        foreach (var tag in run.Scenarios.SelectMany(s => s.Scenario.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            h.Append("<option value=\"").Append(E(tag)).Append("\">");
        h.Append("</datalist>");
        h.Append("<label>Cause <select id=\"f-cause\"><option value=\"\">all</option>");
        for (int i = 0; i < groups.Count; i++)
            h.Append("<option value=\"fg-").Append(i + 1).Append("\">").Append(groups[i].Count).Append(" × ").Append(E(Truncate(groups[i].Title, 60))).Append("</option>");
        h.Append("</select></label><label>Text <input type=\"text\" id=\"f-text\" size=\"14\" placeholder=\"name or id\"></label>")
         .Append("<button type=\"button\" id=\"f-reset\">Reset</button><span id=\"count\"></span></section>\n");
    }

    private static void WriteGroupTables(StringBuilder h, RunResult run)
    {
        h.Append("<section id=\"tables\"><h2>Outcomes by use case, ticket and spec version</h2>");
        SvgCharts.Legend(h);
        h.Append("<div class=\"grid\">\n");
        GroupTable(h, "by-usecase", "By use case", "Use case", null, ResultGroups.ByUseCase(run.Scenarios), g => g == ResultGroups.Untagged ? null : "usecase=" + Uri.EscapeDataString(g.ToLowerInvariant()));
        GroupTable(h, "by-ticket", "By ticket", "Ticket", "Release", ResultGroups.ByTicket(run.Scenarios), g => "ticket=" + Uri.EscapeDataString(g.ToLowerInvariant()), "#");
        GroupTable(h, "by-since", "By spec version (@since)", "Since", null, ResultGroups.BySpecVersion(run.Scenarios), g => g == ResultGroups.Untagged ? null : "tag=" + Uri.EscapeDataString("@since-" + g));
        h.Append("</div>\n</section>\n");
    }

    // A table whose rows each carry a stacked bar of outcomes (the picture) and the counts; skipped, n/a and waived counts
    // give way on narrow screens (the bar's tooltip still has them). Wide content wraps or scrolls inside its own panel.
    private static void GroupTable(StringBuilder h, string id, string title, string keyHeader, string? detailHeader,
        IReadOnlyList<ResultGroup> groups, Func<string, string?> link, string keyPrefix = "")
    {
        h.Append("<div class=\"panel\" id=\"").Append(id).Append("\" data-summary-box=\"").Append(id).Append("\"><h3>").Append(E(title)).Append("</h3>");
        if (groups.Count == 0) { h.Append("<p class=\"small\">No scenario carries these tags.</p></div>\n"); return; }
        h.Append("<div class=\"scroll\"><table class=\"gt\"><tr><th>").Append(E(keyHeader)).Append("</th>");
        if (detailHeader is not null) h.Append("<th>").Append(E(detailHeader)).Append("</th>");
        h.Append("<th class=\"barcol\">Outcomes</th><th class=\"num\">Pass</th><th class=\"num\">Fail</th><th class=\"num minor\">Skip</th><th class=\"num minor\">N/A</th><th class=\"num minor\">Waived</th></tr>\n");
        foreach (var g in groups)
        {
            var href = link(g.Key);
            var c = g.Counts;
            h.Append("<tr data-status=\"").Append(c.Overall is { } o ? StatusText.Token(o) : "").Append("\"><td class=\"key\">");
            if (href is null) h.Append(E(keyPrefix + g.Key));
            else h.Append("<a href=\"#").Append(E(href)).Append("\">").Append(E(keyPrefix + g.Key)).Append("</a>");
            h.Append("</td>");
            if (detailHeader is not null) h.Append("<td>").Append(E(g.Detail ?? "—")).Append("</td>");
            h.Append("<td class=\"barcol\">");
            SvgCharts.StackedBar(h, SvgCharts.Segments(c));
            h.Append("</td><td class=\"num\">").Append(c.Passed).Append("</td><td class=\"num").Append(c.Failed > 0 ? " c-failed" : "").Append("\">").Append(c.Failed)
             .Append("</td><td class=\"num minor\">").Append(c.Skipped).Append("</td><td class=\"num minor\">").Append(c.NotApplicable)
             .Append("</td><td class=\"num minor\">").Append(c.Waived).Append("</td></tr>\n");
        }
        h.Append("</table></div></div>\n");
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

    private static void WriteScenario(StringBuilder h, ScenarioResult r, string anchor, string? cause)
    {
        var s = r.Scenario;
        var token = StatusText.Token(r.Status);
        string Lower(IEnumerable<string> v) => E(string.Join(' ', v.Select(x => x.ToLowerInvariant())));
        h.Append("<details class=\"scn st-").Append(token).Append("\" id=\"").Append(anchor).Append("\" data-status=\"").Append(token)
         .Append("\" data-id=\"").Append(E(s.Id))
         .Append("\" data-usecases=\"").Append(Lower(s.UseCases()))
         .Append("\" data-tickets=\"").Append(Lower(s.Tickets()))
         .Append("\" data-tags=\"").Append(Lower(s.Tags))
         .Append("\" data-cause=\"").Append(cause ?? "")
         .Append("\" data-search=\"").Append(E((s.DisplayName + " " + s.Id).ToLowerInvariant())).Append("\">\n<summary>")
         .Append("<span class=\"badge b-").Append(token).Append("\">").Append(E(StatusText.Label(r.Status))).Append("</span> ")
         .Append("<span class=\"name\">").Append(E(s.DisplayName)).Append("</span> <span class=\"small\">")
         .Append(E(s.Id)).Append(" · ").Append(E(Duration(r.Duration))).Append("</span>");
        var why = r.Status switch
        {
            ScenarioStatus.Failed => ScenarioText.FirstFailureMessage(r),
            ScenarioStatus.Warning => r.Warnings.Count > 0 ? ScenarioText.FirstLine(r.Warnings[0].Message) : r.Message,
            _ => r.Message,
        };
        if (why is not null && r.Status != ScenarioStatus.Passed) h.Append("<span class=\"why\">").Append(E(Truncate(why, 300))).Append("</span>");
        h.Append("</summary>\n<div class=\"body\">\n<p>");
        foreach (var tag in s.Tags) h.Append("<span class=\"tag\">").Append(E(tag)).Append("</span>");
        h.Append("</p>\n");

        if (r.Warnings.Count > 0)
        {
            h.Append("<div class=\"finding\"><strong>").Append(r.Status == ScenarioStatus.Warning ? "Passed, with findings to read" : "Findings to read")
             .Append("</strong><table><tr><th>Rule</th><th>Element path</th><th>Expected</th><th>Actual</th><th>Finding</th></tr>\n");
            foreach (var f in r.Warnings)
                h.Append("<tr><td>").Append(E(f.Rule)).Append("</td><td><code>").Append(E(f.Path ?? "—")).Append("</code></td><td>").Append(E(f.Expected ?? "—"))
                 .Append("</td><td>").Append(E(f.Actual ?? "—")).Append("</td><td>").Append(E(f.Message)).Append("</td></tr>\n");
            h.Append("</table></div>\n");
        }

        if (r.Status is not (ScenarioStatus.Passed or ScenarioStatus.Warning) && (r.Message is not null || r.Failures.Count > 0))
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
            FindingsTable(h, r);
            h.Append("</div>\n");
        }

        if (s.ExampleRow is not null) h.Append("<p><strong>Examples row:</strong> ").Append(E(s.ExampleRow)).Append("</p>\n");
        // The exchange a failure is about (the last one) is shown at the failed step, with the findings marked in it.
        var lastHttp = r.Evidence.OfType<HttpExchangeEvidence>().LastOrDefault();
        var failedStep = r.Status == ScenarioStatus.Failed ? r.Steps.FirstOrDefault(st => st.Status == StepStatus.Failed) : null;
        var shownAtStep = failedStep is not null && lastHttp is not null;
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
                if (shownAtStep && ReferenceEquals(st, failedStep))
                {
                    h.Append("<div class=\"step-evidence\"><div class=\"small\">The exchange this step judged:</div>");
                    HtmlEvidence.Exchange(h, lastHttp!, open: true, r.Failures, curl: true);
                    h.Append("</div>");
                }
                h.Append("</li>\n");
            }
            h.Append("</ol>\n");
        }

        var rest = r.Evidence.Where(e => !(shownAtStep && ReferenceEquals(e, lastHttp))).ToList();
        if (rest.Count > 0)
        {
            h.Append("<h3>Evidence</h3>\n");
            if (shownAtStep) h.Append("<p class=\"small\">Earlier exchanges and notes; the exchange the failure is about is shown at the failed step.</p>\n");
            var failed = r.Status == ScenarioStatus.Failed;
            foreach (var e in rest)
            {
                switch (e)
                {
                    case HttpExchangeEvidence x:
                        var last = ReferenceEquals(x, lastHttp);
                        HtmlEvidence.Exchange(h, x, open: failed && last, last && failed ? r.Failures : null, curl: failed);
                        break;
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
