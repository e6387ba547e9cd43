using System.Text;
using GpConnect.Conformance.Reporting.Model;

namespace GpConnect.Conformance.Reporting.Html;

public static partial class HtmlReportWriter
{
    /// <summary>
    /// The spec-version impact section: when this run targets another version than the compared run, which scenarios
    /// start or stop applying and which expectations flip, each with the release-note ticket behind it.
    /// </summary>
    private static void WriteVersionImpact(StringBuilder h, VersionImpactReport impact, IReadOnlyDictionary<string, string> anchors)
    {
        h.Append("<section id=\"version-impact\"><h2>Spec version ").Append(E(impact.From)).Append(" → ").Append(E(impact.To))
         .Append(": what the version change alters <span class=\"small\">(the compared run targeted ").Append(E(impact.From)).Append(")</span></h2>\n");
        if (impact.Lines.Count == 0)
        {
            h.Append("<p>No scenario changes between these versions.</p>\n</section>\n");
            return;
        }
        h.Append("<table><thead><tr><th>Change</th><th>Scenario</th><th>What changes</th><th>Ticket</th></tr></thead><tbody>\n");
        foreach (var line in impact.Lines)
        {
            h.Append("<tr><td>").Append(E(line.Change)).Append("</td><td>");
            if (anchors.TryGetValue(line.ScenarioId, out var a)) h.Append("<a href=\"#open=").Append(a).Append("\">").Append(E(line.Scenario)).Append("</a>");
            else h.Append(E(line.Scenario));
            h.Append("</td><td>").Append(E(line.Detail)).Append("</td><td>").Append(E(line.Ticket)).Append("</td></tr>\n");
        }
        h.Append("</tbody></table>\n</section>\n");
    }
}
