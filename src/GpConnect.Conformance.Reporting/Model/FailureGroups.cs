using System.Text.RegularExpressions;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>How the failures of a <see cref="FailureGroup"/> were found to share their cause.</summary>
public enum FailureCauseKind
{
    /// <summary>The same expected HTTP status answered with the same other status (and the same Spine error code, when there is one).</summary>
    HttpStatus,
    /// <summary>The same check (rule id) failing on the same element path (array positions ignored).</summary>
    Rule,
    /// <summary>No machine-readable finding: the same message once numbers, quoted values and ids are set aside.</summary>
    Message,
}

/// <summary>Failed scenarios that share one cause, with what a reviewer needs to judge them together.</summary>
/// <param name="Key">Stable key of the cause, e.g. "rule:header.cache-control@Cache-Control" or "http:400->200/BAD_REQUEST".</param>
/// <param name="Kind">How the cause was recognised.</param>
/// <param name="Title">One line naming the cause.</param>
/// <param name="Rule">The rule id of the findings, when the cause is a check.</param>
/// <param name="Scenarios">The failed scenarios with this cause, in run order; the first is the representative.</param>
public sealed record FailureGroup(string Key, FailureCauseKind Kind, string Title, string? Rule, IReadOnlyList<ScenarioResult> Scenarios)
{
    /// <summary>How many failed scenarios share the cause.</summary>
    public int Count => Scenarios.Count;

    /// <summary>The scenario shown as the example of the cause.</summary>
    public ScenarioResult Representative => Scenarios[0];

    /// <summary>The representative's last HTTP exchange (the one its findings are about), if it made one.</summary>
    public HttpExchangeEvidence? RepresentativeExchange => Representative.Evidence.OfType<HttpExchangeEvidence>().LastOrDefault();

    /// <summary>The representative's first finding's message, or its failure message.</summary>
    public string RepresentativeMessage => ScenarioText.FirstLine(FailureGroups.WithoutStepPrefix(ScenarioText.FirstFailureMessage(Representative)));

    /// <summary>Obligation ids (e.g. CORE-073) every scenario of the group is tagged with.</summary>
    public IReadOnlyList<string> SharedObligations =>
        Scenarios.Select(s => (IEnumerable<string>)s.Scenario.Obligations())
            .Aggregate((a, b) => a.Intersect(b, StringComparer.OrdinalIgnoreCase)).ToList();
}

/// <summary>
/// Groups failed scenarios by cause, so 13 failures caused by one ignored header read as one problem. A scenario's cause is
/// taken from its first finding (<see cref="CheckFailure"/>): an HTTP status finding groups by the expected/answered status
/// pair plus the Spine error code found in the same scenario; any other finding groups by rule id and element path (array
/// positions ignored). A failure without findings groups by its message with numbers, quoted values and ids set aside.
/// Groups are ordered by size (largest first), then by first appearance.
/// </summary>
public static partial class FailureGroups
{
    /// <summary>Rule ids of HTTP status findings.</summary>
    public const string HttpStatusRule = "http.status";

    [GeneratedRegex(@"^Step '.*' \(line \d+\) failed:\s*", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex StepPrefix();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayIndex();

    /// <summary>The failed scenarios of <paramref name="scenarios"/> grouped by cause (other statuses are ignored).</summary>
    public static IReadOnlyList<FailureGroup> Of(IEnumerable<ScenarioResult> scenarios)
    {
        var groups = new List<(string Key, FailureCauseKind Kind, string Title, string? Rule, List<ScenarioResult> Items)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in scenarios.Where(s => s.Status == ScenarioStatus.Failed))
        {
            var cause = CauseOf(r);
            if (!index.TryGetValue(cause.Key, out var i))
            {
                index[cause.Key] = i = groups.Count;
                groups.Add((cause.Key, cause.Kind, cause.Title, cause.Rule, []));
            }
            groups[i].Items.Add(r);
        }
        return groups.Select((g, order) => (Group: new FailureGroup(g.Key, g.Kind, g.Title, g.Rule, g.Items), Order: order))
            .OrderByDescending(x => x.Group.Count).ThenBy(x => x.Order).Select(x => x.Group).ToList();
    }

    /// <summary>The cause of one failed scenario: its key, how it was recognised, a title and the rule id (if any).</summary>
    public static (string Key, FailureCauseKind Kind, string Title, string? Rule) CauseOf(ScenarioResult r)
    {
        var first = r.Failures.FirstOrDefault();
        if (first is not null && IsHttpStatus(first))
        {
            var code = r.Failures.FirstOrDefault(f => f.Rule.StartsWith("spine-error-code", StringComparison.OrdinalIgnoreCase))?.Actual;
            var key = $"http:{first.Expected}->{first.Actual}" + (code is null ? "" : "/" + code);
            var title = $"Expected HTTP {first.Expected}; the provider answered {first.Actual}" + (code is null ? "" : $" with {code}");
            return (key, FailureCauseKind.HttpStatus, title, first.Rule);
        }
        if (first is not null)
        {
            var path = first.Path is null ? "" : "@" + ArrayIndex().Replace(first.Path, "[]");
            return ($"rule:{first.Rule}{path}", FailureCauseKind.Rule, $"{first.Rule}: {ScenarioText.FirstLine(first.Message)}", first.Rule);
        }
        var message = ScenarioText.FirstLine(WithoutStepPrefix(ScenarioText.FirstFailureMessage(r)));
        return ("message:" + MessagePattern(message), FailureCauseKind.Message, message, null);
    }

    /// <summary>
    /// A message with what varies between occurrences of one cause replaced: URLs, GUIDs, quoted or bracketed values and
    /// numbers. "Resource 'Slot/7' missing (3 of 5)" and "Resource 'Slot/9' missing (1 of 2)" have the same pattern.
    /// </summary>
    public static string MessagePattern(string message)
    {
        var p = Url().Replace(message, "<url>");
        p = Guid().Replace(p, "<id>");
        p = Quoted().Replace(p, "<value>");
        p = Digits().Replace(p, "<n>");
        return p.Trim();
    }

    /// <summary>The message without the runner's "Step '…' (line N) failed: " prefix.</summary>
    public static string WithoutStepPrefix(string message) => StepPrefix().Replace(message, "");

    private static bool IsHttpStatus(CheckFailure f) =>
        f.Rule.Equals(HttpStatusRule, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(f.Expected, out _) && int.TryParse(f.Actual, out _);
}
