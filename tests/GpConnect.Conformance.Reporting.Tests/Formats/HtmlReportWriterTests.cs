using System.Text.RegularExpressions;
using System.Xml.Linq;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;
using Shouldly;

namespace GpConnect.Conformance.Reporting.Tests.Formats;

public class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(SampleRuns.Full());

    [Fact]
    public void Special_characters_from_results_are_encoded_never_raw()
    {
        Html.ShouldNotContain("<script>alert");
        Html.ShouldContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
        Html.ShouldNotContain("<b>bold</b>");
        Html.ShouldContain("&lt;b&gt;bold&lt;/b&gt;");
        // Only the report's own script block exists.
        Regex.Matches(Html, "<script>").Count.ShouldBe(1);
    }

    [Fact]
    public void Is_self_contained_with_no_network_references()
    {
        Html.ShouldNotContain("src=\"http", Case.Insensitive);
        Html.ShouldNotContain("href=\"http", Case.Insensitive);
        Html.ShouldNotContain("<link", Case.Insensitive);
        Html.ShouldNotContain("@import", Case.Insensitive);
        Html.ShouldContain("<style>");
    }

    [Fact]
    public void Header_shows_target_spec_version_config_and_totals()
    {
        Html.ShouldContain("https://provider.example/B82617/STU3/1/gpconnect/fhir");
        Html.ShouldContain("<strong>1.2.7</strong>");
        Html.ShouldContain("default-1.2.7");
        Html.ShouldContain("&quot;ClientKey&quot;: &quot;***&quot;");
        Html.ShouldContain("2026-11-21 17:00:00");
        Html.ShouldContain(">2 failed</a>");
        Html.ShouldContain(">1 n/a</a>");
        Html.ShouldContain("1 feature load errors");
        Html.ShouldNotContain("INCOMPLETE RUN");
    }

    [Fact]
    public void Failures_come_first()
    {
        var statuses = Regex.Matches(Html, "<details class=\"scn st-(\\w+)\"").Select(m => m.Groups[1].Value).ToList();
        statuses.ShouldBe(["failed", "failed", "waived", "passed", "passed", "skipped", "notApplicable"]);
    }

    [Fact]
    public void Failed_scenario_shows_rule_path_expected_actual_steps_and_opens_its_last_exchange()
    {
        var first = Scenario(Html, "s-1");
        first.ShouldContain("Why it failed");
        first.ShouldContain("<td>TKT-032</td><td><code>Bundle.entry[0].resource.serviceType</code></td><td>exactly 1</td><td>0</td>");
        first.ShouldContain("<span class=\"step-status s-Failed\">Failed</span><strong>Then</strong> every Slot has exactly one serviceType");
        first.ShouldContain("<span class=\"step-status s-Skipped\">Skipped</span>");
        first.ShouldContain("<details class=\"http\" open>");
        first.ShouldContain("Examples row:</strong> kind=free, format=xml");
    }

    [Fact]
    public void Exchanges_show_method_url_status_timing_headers_pretty_bodies_and_the_decoded_jwt()
    {
        var failed = Scenario(Html, "s-1");
        failed.ShouldContain("<strong>GET</strong> https://provider.example/B82617/STU3/1/gpconnect/fhir/Slot?status=free → <strong class=\"http-bad\">422</strong> · 456 ms");
        failed.ShouldContain("<td>Content-Type</td><td>application/fhir+xml;charset=utf-8</td>");
        // XML pretty-printed (indented children on their own lines), with its own escaping kept and re-encoded.
        failed.ShouldContain("&lt;Bundle xmlns=&quot;http://hl7.org/fhir&quot;&gt;\n  &lt;type value=&quot;searchset&quot; /&gt;");
        failed.ShouldContain("a &amp;lt;b&amp;gt; comment");
        failed.ShouldContain("JWT (decoded from Authorization)");
        failed.ShouldContain("&quot;alg&quot;: &quot;none&quot;");
        failed.ShouldContain("&quot;requested_scope&quot;: &quot;patient/*.read&quot;");

        var passed = Scenario(Html, "s-4");
        passed.ShouldContain("<pre class=\"body-json\">{\n  &quot;resourceType&quot;: &quot;Bundle&quot;");
        passed.ShouldNotContain("<details class=\"http\" open>");

        var refused = Scenario(Html, "s-2");
        refused.ShouldContain("no response");
        refused.ShouldContain("Connection refused (unreachable.example:443)");
    }

    [Fact]
    public void Tables_by_use_case_ticket_and_spec_version_with_filter_links()
    {
        Html.ShouldContain("<a href=\"#usecase=search-for-free-slots\">search-for-free-slots</a>");
        Html.ShouldContain("<a href=\"#ticket=912\">#912</a></td><td>1.2.7</td>");
        Html.ShouldContain("<a href=\"#tag=%40since-1.2.7\">1.2.7</a>");
        Html.ShouldContain("<option value=\"912\">#912</option>");
        Html.ShouldContain("<option value=\"find-a-patient\">find-a-patient</option>");
    }

    [Fact]
    public void Scenario_elements_carry_filter_data()
    {
        var tag = Regex.Match(Html, "<details class=\"scn st-waived\"[^>]*>").Value;
        tag.ShouldContain("data-status=\"waived\"");
        tag.ShouldContain("data-tickets=\"912\"");
        tag.ShouldContain("data-usecases=\"search-for-free-slots\"");
        tag.ShouldContain("@tkt-032");
    }

    [Fact]
    public void Incomplete_run_has_a_banner()
    {
        HtmlReportWriter.Render(SampleRuns.Full() with { Complete = false }).ShouldContain("INCOMPLETE RUN");
    }

    [Fact]
    public void Comparison_waivers_and_coverage_are_shown_when_given()
    {
        var run = SampleRuns.Full();
        var previous = SampleRuns.WithStatuses((run.Scenarios[1].Scenario.Id, ScenarioStatus.Passed), ("gone.feature:1", ScenarioStatus.Passed));
        var context = new ReportContext
        {
            Comparison = RunComparison.Compare(previous, run, "20261120-170000"),
            ExpiredWaivers = [new Waiver(null, "@ticket-999", "old & stale", "Ann", new DateOnly(2026, 1, 1))],
            Obligations = [new Obligation("TKT-032", "Every Slot has exactly one serviceType", "tickets.md"), new Obligation("CORE-001", "TLS 1.0 refused", "core.md")],
        };
        var html = HtmlReportWriter.Render(run, context);
        html.ShouldContain("Compared with 20261120-170000");
        html.ShouldContain("Newly failing: 3"); // two scenarios and the feature file that failed to load
        html.ShouldContain("Removed scenarios: 1");
        html.ShouldContain("<a href=\"#open=s-1\">");
        html.ShouldContain("Expired (no effect): 1");
        html.ShouldContain("old &amp; stale");
        html.ShouldContain("Obligation coverage: 1 of 2 covered, 0 failing"); // TKT-032: skipped, n/a and waived scenarios
        html.ShouldContain("<tr id=\"ob-TKT-032\"><td><a href=\"#tag=@TKT-032\">TKT-032</a></td><td>—</td><td>tickets.md</td><td>Every Slot has exactly one serviceType</td><td><span class=\"badge b-waived\">");
        html.ShouldContain("<h3>Uncovered: 1</h3><p>CORE-001</p>");
        html.ShouldContain("<h3>Tags not in the catalogue</h3><p>APT-040, FND-012</p>");
        html.IndexOf("id=\"comparison\"").ShouldBeLessThan(html.IndexOf("id=\"scenarios\""));
    }

    [Fact]
    public void Markup_is_well_formed_enough_to_parse_as_xml_after_the_doctype()
    {
        // Our own markup closes every element; parsing as XML (void elements aside) catches unbalanced tags.
        var body = Html[Html.IndexOf("<html", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<(meta|input|br)([^>]*?)>", "<$1$2/>");
        body = body.Replace("&nbsp;", " ");
        body = Regex.Replace(body, "<option value=\"([^\"]*)\">(?=<)", "<option value=\"$1\"/>");
        body = Regex.Replace(body, "<script>.*?</script>", "", RegexOptions.Singleline);
        body = Regex.Replace(body, "<style>.*?</style>", "", RegexOptions.Singleline);
        body = body.Replace(" checked", " checked=\"checked\"").Replace(" open>", " open=\"open\">");
        Should.NotThrow(() => XDocument.Parse(body));
    }

    private static string Scenario(string html, string anchor)
    {
        var start = html.IndexOf($"id=\"{anchor}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"scenario {anchor} not found");
        var end = html.IndexOf("</details>\n<details class=\"scn", start, StringComparison.Ordinal);
        if (end < 0) end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
