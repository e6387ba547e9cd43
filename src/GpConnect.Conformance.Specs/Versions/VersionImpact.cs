using System.Text;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hooks;

namespace GpConnect.Conformance.Specs.Versions;

/// <summary>How moving between two spec versions changes one scenario.</summary>
public enum ImpactChange
{
    /// <summary>The scenario does not apply to the first version and applies to the second (@since).</summary>
    StartsApplying,
    /// <summary>The scenario applies to the first version and not to the second (@until).</summary>
    StopsApplying,
    /// <summary>The scenario applies to both, but an expectation it checks differs (see <see cref="SpecVersionTable"/>).</summary>
    ExpectationFlips,
}

/// <summary>One scenario's change between two versions, with the release-note ticket behind it.</summary>
public sealed record ScenarioImpact(ScenarioInfo Scenario, ImpactChange Change, string Detail, string Ticket);

/// <summary>
/// The spec-version impact report (<c>run-tests.sh impact 1.2.3 1.2.7</c>): per scenario, what changes when the target
/// moves from one version the suite knows to another — scenarios that start or stop applying (their @since/@until tags)
/// and expectations that flip (rows of <see cref="SpecVersionTable"/> whose checking step the scenario has).
/// </summary>
public static partial class VersionImpact
{
    public static IReadOnlyList<ScenarioImpact> Compare(IEnumerable<ScenarioDefinition> scenarios, string from, string to, IReadOnlyList<Obligation>? obligations = null)
    {
        foreach (var version in new[] { from, to })
            if (!SpecVersions.IsSupported(version))
                throw new ArgumentException($"\"{version}\" is not a GP Connect version the suite knows (use {SpecVersions.Describe()}).");
        var catalogue = (obligations ?? ObligationCatalog.BuiltIn).ToDictionary(o => o.Id, StringComparer.OrdinalIgnoreCase);
        var impacts = new List<ScenarioImpact>();
        foreach (var scenario in scenarios)
        {
            var info = scenario.Info;
            if (info.IsNotProviderTestable()) continue;
            var before = Applicability.Decide(info.Tags, from);
            var after = Applicability.Decide(info.Tags, to);
            if (before is not null && after is null)
                impacts.Add(new(info, ImpactChange.StartsApplying, $"not applicable to {from}, applies to {to}: {Rule(before)}", TicketOf(info, catalogue, to)));
            else if (before is null && after is not null)
                impacts.Add(new(info, ImpactChange.StopsApplying, $"applies to {from}, not to {to}: {Rule(after)}", TicketOf(info, catalogue, from)));
            else if (before is null)
            {
                foreach (var row in SpecVersionTable.Rows)
                {
                    if (!scenario.Steps.Any(step => row.CheckingStep.IsMatch(step.Text))) continue;
                    var (was, now) = (row.ValueFor(from), row.ValueFor(to));
                    if (was == now) continue;
                    var ticket = row.TicketFor(to) == row.TicketFor(from) || row.TicketFor(from).Length == 0
                        ? row.TicketFor(to)
                        : $"{row.TicketFor(to)} (was {row.TicketFor(from)})";
                    impacts.Add(new(info, ImpactChange.ExpectationFlips, $"{row.Subject} ({KindText(row.Kind)}): {was} → {now}", ticket));
                }
            }
        }
        return impacts;
    }

    /// <summary>The plain-text report printed by <c>run-tests.sh impact</c>.</summary>
    public static string Render(IReadOnlyList<ScenarioImpact> impacts, string from, string to, int scenarioCount)
    {
        var text = new StringBuilder();
        text.AppendLine($"Spec-version impact: GP Connect {from} → {to} ({scenarioCount} scenarios; {impacts.Select(i => i.Scenario.Id).Distinct().Count()} of them change)");
        foreach (var (change, title) in Sections)
        {
            var lines = impacts.Where(i => i.Change == change).ToList();
            text.AppendLine().AppendLine($"{title} ({lines.Count}):");
            if (lines.Count == 0) text.AppendLine("  (none)");
            foreach (var line in lines)
            {
                text.AppendLine($"  {line.Scenario.FeatureFile}:{line.Scenario.Line}  {line.Scenario.DisplayName}");
                text.AppendLine($"      {line.Detail}  [{line.Ticket}]");
            }
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The impact as the report model's lines (for the section in report.html).</summary>
    public static VersionImpactReport ToReport(IReadOnlyList<ScenarioImpact> impacts, string from, string to) =>
        new(from, to, impacts.Select(i => new VersionImpactLine(i.Scenario.Id, i.Scenario.DisplayName, Sections.First(s => s.Change == i.Change).Title, i.Detail, i.Ticket)).ToList());

    private static readonly (ImpactChange Change, string Title)[] Sections =
    [
        (ImpactChange.StartsApplying, "Starts applying"),
        (ImpactChange.StopsApplying, "Stops applying"),
        (ImpactChange.ExpectationFlips, "Expectation flips"),
    ];

    /// <summary>"Applies from GP Connect 1.2.7; the target is 1.2.3." → "applies from GP Connect 1.2.7".</summary>
    private static string Rule(string reason)
    {
        var cut = reason.IndexOf("; the target", StringComparison.Ordinal);
        var rule = (cut > 0 ? reason[..cut] : reason).TrimEnd('.');
        return rule.Length == 0 ? rule : char.ToLowerInvariant(rule[0]) + rule[1..];
    }

    private static string KindText(ExpectationKind kind) => kind switch
    {
        ExpectationKind.ErrorCode => "error code",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The release-note ticket behind a scenario: its @ticket- tags; else the tickets its release-note (TKT-) obligations' sources name;
    /// else the version's specification (a change made outside any ticket).
    /// </summary>
    private static string TicketOf(ScenarioInfo info, IReadOnlyDictionary<string, Obligation> obligations, string version)
    {
        var tickets = info.Tickets().Select(t => "#" + t).ToList();
        if (tickets.Count == 0)
            tickets = info.Obligations()
                .Where(id => id.StartsWith("TKT-", StringComparison.OrdinalIgnoreCase))
                .Select(id => obligations.GetValueOrDefault(id)?.Source ?? "")
                .Where(source => source.Contains("release note", StringComparison.OrdinalIgnoreCase))
                .SelectMany(source => TicketPattern().Matches(source).Select(m => m.Value))
                .Distinct(StringComparer.Ordinal).ToList();
        if (tickets.Count > 0) return string.Join(", ", tickets);
        var release = info.Tags.Select(t => t.StartsWith("@release-", StringComparison.OrdinalIgnoreCase) ? t["@release-".Length..] : null).FirstOrDefault(r => r is not null);
        return release is not null ? $"{release} release notes" : $"GP Connect {info.Since() ?? info.Until() ?? version} specification (no release-note ticket)";
    }

    [GeneratedRegex(@"#\d+")]
    private static partial Regex TicketPattern();
}
