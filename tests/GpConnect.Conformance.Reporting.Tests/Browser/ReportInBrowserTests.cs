using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Browser;

/// <summary>
/// Opens report.html from disk in headless chromium (the real page, its real script) and checks filtering and the failed
/// scenario's evidence. The screenshot is kept in test-output/browser beside the test binaries for a person to look at.
/// </summary>
public class ReportInBrowserTests
{
    private static (HeadlessChromium Browser, string Report) Setup()
    {
        var chromium = HeadlessChromium.Find()
            ?? throw SkipException("chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH); the HTML itself is covered by HtmlReportWriterTests.");
        var folder = RepoPaths.OutputFolder("browser");
        var run = SampleRuns.Full();
        var previous = SampleRuns.WithStatuses((run.Scenarios[1].Scenario.Id, ScenarioStatus.Passed), (run.Scenarios[0].Scenario.Id, ScenarioStatus.Failed));
        var report = Path.Combine(folder, "report.html");
        HtmlReportWriter.Write(run, report, new ReportContext
        {
            Comparison = RunComparison.Compare(previous, run, "20261120-170000"),
            Obligations = [new Obligation("TKT-032", "Every Slot has exactly one serviceType", "tickets.md"), new Obligation("APT-040", "Slots search", "appointments.md")],
        });
        return (chromium, report);
    }

    private static Exception SkipException(string message)
    {
        Assert.Skip(message);
        return new InvalidOperationException(message);
    }

    private static string Url(string file, string hash) => new Uri(file).AbsoluteUri + "#" + hash;

    private static Dictionary<string, (string Status, bool Hidden, bool Open)> Scenarios(string dom) =>
        Regex.Matches(dom, "<details class=\"scn st-\\w+\"[^>]*>").Select(m => m.Value).ToDictionary(
            tag => Regex.Match(tag, "id=\"(s-\\d+)\"").Groups[1].Value,
            tag => (Regex.Match(tag, "data-status=\"(\\w+)\"").Groups[1].Value, Regex.IsMatch(tag, "\\shidden(=\"[^\"]*\")?[\\s>]"), Regex.IsMatch(tag, "\\sopen(=\"[^\"]*\")?[\\s>]")));

    [Fact]
    public void Status_filter_from_the_url_hash_hides_everything_but_failures_and_opens_the_failed_evidence()
    {
        var (chromium, report) = Setup();
        var dom = chromium.DumpDom(Url(report, "status=failed&open=s-1"));

        dom.ShouldContain("data-ready=\"true\"", customMessage: "the report's script did not run");
        dom.ShouldContain("2 of 7 scenarios shown");
        var scenarios = Scenarios(dom);
        scenarios.Count.ShouldBe(7);
        scenarios.Values.Where(s => !s.Hidden).Select(s => s.Status).ShouldBe(["failed", "failed"]);
        scenarios.Values.Where(s => s.Hidden).ShouldAllBe(s => s.Status != "failed");
        scenarios["s-1"].Open.ShouldBeTrue();

        var failed = dom[dom.IndexOf("id=\"s-1\"", StringComparison.Ordinal)..dom.IndexOf("id=\"s-2\"", StringComparison.Ordinal)];
        failed.ShouldContain("Why it failed");
        Regex.IsMatch(failed, "<details class=\"http\" open(=\"\")?>").ShouldBeTrue("the failed scenario's last HTTP exchange should be open");
        failed.ShouldContain("Bundle.entry[0].resource.serviceType");
        failed.ShouldContain("JWT (decoded from Authorization)");
    }

    [Fact]
    public void Ticket_and_tag_filters_select_the_tagged_scenarios()
    {
        var (chromium, report) = Setup();
        var byTicket = Scenarios(chromium.DumpDom(Url(report, "ticket=912")));
        byTicket.Values.Count(s => !s.Hidden).ShouldBe(3);
        byTicket.Values.Where(s => !s.Hidden).Select(s => s.Status).ShouldBe(["waived", "skipped", "notApplicable"]);

        var byTag = Scenarios(chromium.DumpDom(Url(report, "tag=%40FND-012")));
        byTag.Values.Count(s => !s.Hidden).ShouldBe(1);

        var byUseCase = Scenarios(chromium.DumpDom(Url(report, "usecase=search-for-free-slots&status=passed")));
        byUseCase.Values.Where(s => !s.Hidden).Select(s => s.Status).ShouldBe(["passed"]);
    }

    [Fact]
    public void Screenshot_of_a_failed_scenario_is_kept_for_people()
    {
        var (chromium, report) = Setup();
        var png = Path.Combine(Path.GetDirectoryName(report)!, "report-failed.png");
        File.Delete(png);
        chromium.Screenshot(Url(report, "status=failed&open=s-1"), png, height: 3000);
        var bytes = File.ReadAllBytes(png);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.Length.ShouldBeGreaterThan(20_000, "a blank page compresses to almost nothing");
    }
}
