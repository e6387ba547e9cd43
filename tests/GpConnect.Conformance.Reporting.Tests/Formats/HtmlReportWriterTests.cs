using System.Text.RegularExpressions;
using System.Xml.Linq;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Model;
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
    public void Verdict_banner_comes_first_with_outcome_counts_provider_spec_version_and_duration()
    {
        var banner = Html[Html.IndexOf("<section id=\"verdict\"", StringComparison.Ordinal)..Html.IndexOf("</section>", Html.IndexOf("<section id=\"verdict\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        banner.ShouldContain("data-verdict=\"failed\"");
        banner.ShouldContain("<span class=\"verdict-word\">Failed</span><span class=\"verdict-why\">2 of 7 scenarios failed, 2 causes; 1 feature files could not be loaded</span>");
        banner.ShouldContain("<dt>Provider</dt><dd>https://provider.example/B82617/STU3/1/gpconnect/fhir</dd>");
        banner.ShouldContain("<dt>Spec version</dt><dd>1.2.7</dd>");
        banner.ShouldContain("<dt>Duration</dt><dd>10.00 s</dd>");
        banner.ShouldContain("<a href=\"#status=failed\" class=\"count c-failed\" data-summary-box=\"count\" data-count=\"failed\"><b>2</b><span>failed</span></a>");
        banner.ShouldContain("data-count=\"warnings\"><b>0</b><span>warnings</span>");
        banner.ShouldContain("data-count=\"n/a\"><b>1</b>");
        banner.ShouldContain("<b>1</b><span>feature load errors</span>");
        banner.ShouldContain("<svg class=\"sbar big\"");
        Html.IndexOf("id=\"verdict\"", StringComparison.Ordinal).ShouldBeLessThan(Html.IndexOf("id=\"config\"", StringComparison.Ordinal), "the verdict comes before the configuration");
        Html.ShouldContain("<title>Failed — GP Connect conformance report — https://provider.example/B82617/STU3/1/gpconnect/fhir</title>");
        Html.ShouldNotContain("INCOMPLETE RUN");

        var passed = HtmlReportWriter.Render(SampleRuns.WithStatuses(("a", ScenarioStatus.Passed)));
        passed.ShouldContain("data-verdict=\"passed\"");
        passed.ShouldContain(">Passed</span><span class=\"verdict-why\">no scenario failed</span>");
    }

    [Fact]
    public void Configuration_is_collapsed_below_the_verdict_and_never_shows_a_secret()
    {
        Regex.IsMatch(Html, "<details id=\"config\">").ShouldBeTrue("collapsed: no open attribute");
        Html.ShouldContain("default-1.2.7");
        Html.ShouldContain("&quot;ClientKey&quot;: &quot;***&quot;");
        Html.ShouldContain("2026-11-21 17:00:00");

        var run = SampleRuns.ManyFailures() with
        {
            Metadata = [.. SampleRuns.ManyFailures().Metadata, new("clientKeyPassphrase", "pass-phrase-9"),
                new("settings", """{"tls":{"clientCertificatePassword":"json-secret-7","privateKey":"-----BEGIN KEY-----"},"odsCode":"B82617"}""")],
        };
        var html = HtmlReportWriter.Render(run);
        foreach (var secret in new[] { "hunter2-secret", "k3y-material", "pass-phrase-9", "json-secret-7", "BEGIN KEY" })
            html.ShouldNotContain(secret, Case.Sensitive, $"the secret {secret} must never reach the report");
        html.ShouldContain("tls:clientCertificatePassword = ***");
        html.ShouldContain("B82617");
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

    [Fact]
    public void Failures_are_grouped_by_cause_each_group_with_its_scenarios_and_one_marked_exchange()
    {
        var html = HtmlReportWriter.Render(SampleRuns.ManyFailures());
        var groups = Regex.Matches(html, "<details class=\"fgroup\" id=\"(fg-\\d+)\" data-failure-group=\"([^\"]+)\" data-count=\"(\\d+)\">").ToList();
        groups.Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ShouldBe([
            ("fg-1", "rule:header.cache-control@Cache-Control", "13"), ("fg-2", "http:400-&gt;200", "3"),
            ("fg-3", "message:No response from &lt;url&gt; within &lt;n&gt; s", "2"), ("fg-4", "http:400-&gt;422/INVALID_RESOURCE", "1"),
            ("fg-5", "rule:TKT-032@Bundle.entry[].resource.serviceType", "1")]);
        html.ShouldContain("20 failed scenarios, 5 causes");

        var first = html[groups[0].Index..groups[1].Index];
        first.ShouldContain("<span class=\"fcount\">13</span>");
        first.ShouldContain("same check · CORE-073, FND-002");
        Regex.Matches(first, "<li><a href=\"#open=s-\\d+\">").Count.ShouldBe(13);
        first.ShouldContain("<a class=\"only\" href=\"#cause=fg-1\">Show only these 13 scenarios");
        Regex.Matches(first, "<details class=\"http\" open>").Count.ShouldBe(1, "one representative exchange");
        first.ShouldContain("<tr class=\"hit\"><td>Cache-Control</td><td><em>(absent)</em></td></tr><tr class=\"note\"><td colspan=\"2\"><span class=\"jnote\">▲ header.cache-control: Every GP Connect response must carry Cache-Control: no-store");
        first.ShouldContain("Authorization: Bearer &lt;JWT redacted: see the decoded claims&gt;");
        first.ShouldContain("JWT (decoded from Authorization)");

        var slot = html[groups[4].Index..];
        slot.ShouldContain("<span class=\"jnote\">▲ TKT-032: Slot must have exactly one serviceType &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; (missing here: serviceType)</span>");

        // Every failed scenario names its cause for the Cause filter.
        Regex.Matches(html, "<details class=\"scn st-failed\"[^>]*data-cause=\"fg-1\"").Count.ShouldBe(13);
        html.ShouldContain("<option value=\"fg-1\">13 × header.cache-control: Every GP Connect response");
    }

    [Fact]
    public void A_failed_step_shows_the_exchange_it_judged_with_findings_and_curl()
    {
        var html = HtmlReportWriter.Render(SampleRuns.ManyFailures());
        var failed = Scenario(html, "s-1");
        var step = failed[failed.IndexOf("<span class=\"step-status s-Failed\">", StringComparison.Ordinal)..];
        step.IndexOf("class=\"step-evidence\"", StringComparison.Ordinal).ShouldBeLessThan(step.IndexOf("</li>", StringComparison.Ordinal), "the exchange sits in the failed step");
        step.ShouldContain("<details class=\"curl\"><summary>curl equivalent");
        step.ShouldContain("<pre class=\"curl-cmd\">curl -sS -i -X GET &#39;https://provider.example/");
        html.ShouldNotContain(SampleRuns.Jwt()[..40], Case.Sensitive, "the raw bearer token is shortened in the headers and redacted in curl; its claims are shown decoded");
        step.ShouldContain("<td>Authorization</td><td>Bearer eyJhbGciOiJub25l… (JWT of");
        step.ShouldContain("<details class=\"jwt\"><summary>JWT (decoded from Authorization)</summary>");
        Regex.Matches(failed, "<details class=\"http\"").Count.ShouldBe(1, "shown once, at the step, not again under Evidence");
    }

    [Fact]
    public void Pictures_are_inline_svg_outcome_bars_trend_and_response_times_against_the_limits()
    {
        var run = SampleRuns.ManyFailures();
        var history = new[]
        {
            new RunTrendPoint("20261119-170000", SampleRuns.Start.AddDays(-2), 40, 0, 8, 1, 1, 1, 0, true),
            new RunTrendPoint("20261120-170000", SampleRuns.Start.AddDays(-1), 45, 0, 3, 1, 1, 1, 1, true),
        };
        var html = HtmlReportWriter.Render(run, new ReportContext { History = history });

        var tables = html[html.IndexOf("<section id=\"tables\">", StringComparison.Ordinal)..html.IndexOf("<section id=\"pictures\">", StringComparison.Ordinal)];
        Regex.Matches(tables, "<td class=\"barcol\"><svg class=\"sbar\"").Count.ShouldBe(
            ResultGroups.ByUseCase(run.Scenarios).Count + ResultGroups.ByTicket(run.Scenarios).Count + ResultGroups.BySpecVersion(run.Scenarios).Count);
        tables.ShouldContain("<title>");

        var pictures = html[html.IndexOf("<section id=\"pictures\">", StringComparison.Ordinal)..];
        pictures.ShouldContain("<svg class=\"chart trend\"");
        pictures.ShouldContain("<title>20261119-170000 (2026-11-19 17:00 UTC): 40 passed, 0 with warnings, 8 failed");
        pictures.ShouldContain("<g class=\"run current\"><title>this run (2026-11-21 17:00 UTC): 30 passed, 0 with warnings, 20 failed");
        pictures.ShouldContain("This run and the 2 before it");
        pictures.ShouldContain("<svg class=\"chart rt\"");
        pictures.ShouldContain("SHOULD 1,000 ms");
        pictures.ShouldContain("SHALL 3,000 ms");
        pictures.ShouldContain("SHOULD 100 ms");
        pictures.ShouldContain("SHALL 250 ms");
        pictures.ShouldContain("<g class=\"rt-should\" data-interaction=\"rest:search:slot-1\">");
        pictures.ShouldContain("<g class=\"rt-ok\" data-interaction=\"rest:read:metadata-1\">");
        pictures.ShouldContain("<g class=\"rt-should\" data-interaction=\"rest:create:appointment-1\">");

        HtmlReportWriter.Render(run).ShouldContain("No earlier run with a results.json was found");
        html.ShouldNotContain("xlink:href");
        html.ShouldNotContain("href=\"http", Case.Insensitive);
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
