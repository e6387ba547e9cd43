using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Tests.Fixtures;

namespace GpConnect.Conformance.Reporting.Tests.Browser;

/// <summary>
/// The report as a reviewer reads it, in headless chromium at a desktop width (1400 px) and a phone width (390 px): the
/// verdict banner, a failure group opening, the cause filter, and no two summary boxes overlapping (element rectangles
/// measured in the page), nor any summary cell's text running out of its cell. Chromium windows are at least 500 px wide,
/// so the page is laid out in a frame of the exact width; a probe script in the report's copy measures it and posts the
/// result to the frame's parent, whose DOM the test reads. Screenshots are kept in test-output/browser.
/// </summary>
public class ReportLayoutInBrowserTests
{
    public static TheoryData<int> Widths => new() { 1400, 390 };

    private const string Probe = """
        <script>
        (function () {
          var q = new URLSearchParams(location.search), out = { width: window.innerWidth, pageScrollWidth: document.documentElement.scrollWidth };
          function visible(el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
          function rect(el) { var r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; }
          var v = document.getElementById('verdict');
          out.verdict = v ? v.getAttribute('data-verdict') : null;
          out.verdictWord = v ? v.querySelector('.verdict-word').textContent : null;
          out.verdictTop = v ? v.getBoundingClientRect().top : -1;
          out.verdictBottom = v ? v.getBoundingClientRect().bottom : -1;
          var boxes = Array.prototype.filter.call(document.querySelectorAll('[data-summary-box]'), visible);
          out.boxes = boxes.length;
          out.overlaps = [];
          for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
            var a = rect(boxes[i]), b = rect(boxes[j]);
            var w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 0.5 && h > 0.5) out.overlaps.push((boxes[i].id || boxes[i].getAttribute('data-count')) + ' / ' + (boxes[j].id || boxes[j].getAttribute('data-count')));
          }
          out.offscreen = boxes.filter(function (b) { var r = rect(b); return r.left < -0.5 || r.right > window.innerWidth + 0.5; })
            .map(function (b) { return b.id || b.getAttribute('data-count'); });
          out.overflowingCells = Array.prototype.filter.call(document.querySelectorAll('.gt td, .gt th, .count, .facts dd, .verdict-head'), visible)
            .filter(function (c) { return c.scrollWidth > c.clientWidth + 1; }).map(function (c) { return c.textContent.trim().slice(0, 40); });
          if (q.get('probe') === 'group') {
            var g = document.querySelector('[data-failure-group]');
            g.querySelector('summary').click();
            var ex = g.querySelector('details.http');
            out.groupKey = g.getAttribute('data-failure-group');
            out.groupOpen = g.open;
            out.exchangeVisible = !!ex && visible(ex) && ex.open;
            var hit = g.querySelector('tr.hit, pre .hit');
            out.findingVisible = !!hit && visible(hit);
            out.curlVisible = visible(g.querySelector('details.curl'));
          }
          var shown = Array.prototype.filter.call(document.querySelectorAll('.scn'), function (s) { return !s.hidden; });
          out.shown = shown.length;
          out.shownCauses = shown.map(function (s) { return s.getAttribute('data-cause'); }).filter(function (c, i, all) { return all.indexOf(c) === i; });
          out.countText = document.getElementById('count').textContent;
          parent.postMessage(JSON.stringify(out), '*');
        })();
        </script>
        """;

    private sealed record Measured(
        int Width, int PageScrollWidth, string Verdict, string VerdictWord, double VerdictTop, double VerdictBottom, int Boxes,
        string[] Overlaps, string[] Offscreen, string[] OverflowingCells, string? GroupKey, bool GroupOpen, bool ExchangeVisible,
        bool FindingVisible, bool CurlVisible, int Shown, string[] ShownCauses, string CountText);

    private static (HeadlessChromium Browser, string Folder) Setup()
    {
        var chromium = HeadlessChromium.Find();
        if (chromium is null) Assert.Skip("chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH); the HTML itself is covered by HtmlReportWriterTests.");
        var folder = RepoPaths.OutputFolder("browser");
        var run = SampleRuns.ManyFailures();
        var history = new[]
        {
            new RunTrendPoint("20261117-020000", SampleRuns.Start.AddDays(-4), 50, 0, 0, 1, 1, 1, 0, true),
            new RunTrendPoint("20261118-020000", SampleRuns.Start.AddDays(-3), 48, 0, 2, 1, 1, 1, 0, true),
            new RunTrendPoint("20261119-020000", SampleRuns.Start.AddDays(-2), 41, 0, 9, 1, 1, 1, 0, true),
            new RunTrendPoint("20261120-020000", SampleRuns.Start.AddDays(-1), 35, 0, 15, 1, 1, 1, 1, false),
        };
        var html = HtmlReportWriter.Render(run, new ReportContext { History = history });
        File.WriteAllText(Path.Combine(folder, "layout-report.html"), html);
        File.WriteAllText(Path.Combine(folder, "layout-probe.html"), html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        return (chromium!, folder);
    }

    private static string Frame(string folder, string name, string page, int width, int height)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>body { margin:0; background:#555; } iframe { display:block; border:0; background:#fff; }</style></head>
            <body><iframe id="f" src="{{page}}" style="width:{{width}}px;height:{{height}}px"></iframe><pre id="result"></pre>
            <script>addEventListener('message', function (e) { document.getElementById('result').textContent = e.data; });</script></body></html>
            """);
        return new Uri(path).AbsoluteUri;
    }

    private static Measured Measure(HeadlessChromium chromium, string folder, int width, string query, string hash)
    {
        var url = Frame(folder, $"layout-frame-{width}.html", $"layout-probe.html?{query}#{hash}", width, 1400);
        var dom = chromium.DumpDom(url, Math.Max(width, 500), 1400);
        var json = Regex.Match(dom, "<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
        json.ShouldNotBeNullOrEmpty("the probe in the report posted no measurements: " + dom[..Math.Min(dom.Length, 400)]);
        return JsonSerializer.Deserialize<Measured>(WebUtility.HtmlDecode(json), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Verdict_comes_first_and_no_two_summary_boxes_overlap(int width)
    {
        var (chromium, folder) = Setup();
        var m = Measure(chromium, folder, width, "probe=layout", "");

        m.Width.ShouldBe(width, "the page must be laid out at the width under test");
        m.Verdict.ShouldBe("failed");
        m.VerdictWord.ShouldBe("Failed");
        m.VerdictTop.ShouldBeLessThan(80, "the verdict is the first thing on the page");
        m.VerdictBottom.ShouldBeLessThan(width < 600 ? 1000 : 700, "the verdict fits on the first screen");
        m.Boxes.ShouldBeGreaterThanOrEqualTo(13, "7 counts, 3 summary tables, the trend and 2 response-time charts");
        m.Overlaps.ShouldBeEmpty();
        m.Offscreen.ShouldBeEmpty();
        m.OverflowingCells.ShouldBeEmpty();
        m.PageScrollWidth.ShouldBeLessThanOrEqualTo(width, "nothing makes the page scroll sideways");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void A_failure_group_opens_to_its_example_exchange_with_the_finding_marked(int width)
    {
        var (chromium, folder) = Setup();
        var m = Measure(chromium, folder, width, "probe=group", "");
        m.GroupKey.ShouldBe("rule:header.cache-control@Cache-Control");
        m.GroupOpen.ShouldBeTrue();
        m.ExchangeVisible.ShouldBeTrue();
        m.FindingVisible.ShouldBeTrue();
        m.CurlVisible.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void The_cause_filter_shows_only_that_groups_scenarios(int width)
    {
        var (chromium, folder) = Setup();
        var m = Measure(chromium, folder, width, "probe=filter", "cause=fg-1");
        m.Shown.ShouldBe(13);
        m.ShownCauses.ShouldBe(["fg-1"]);
        m.CountText.ShouldBe("13 of 53 scenarios shown");

        var failedOnly = Measure(chromium, folder, width, "probe=filter", "status=failed");
        failedOnly.Shown.ShouldBe(20);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Screenshots_at_desktop_and_phone_width_are_kept_for_people(int width)
    {
        var (chromium, folder) = Setup();
        foreach (var (name, hash, height) in new[] { ("top", "", 2600), ("group", "open=fg-1", 2600) })
        {
            var png = Path.Combine(folder, $"report-{width}-{name}.png");
            File.Delete(png);
            var url = Frame(folder, $"shot-frame-{width}-{name}.html", $"layout-report.html#{hash}", width, height);
            chromium.Screenshot(url, png, Math.Max(width, 500), height);
            var bytes = File.ReadAllBytes(png);
            bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            bytes.Length.ShouldBeGreaterThan(20_000, "a blank page compresses to almost nothing");
        }
    }
}
