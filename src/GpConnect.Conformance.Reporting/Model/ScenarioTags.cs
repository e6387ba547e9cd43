using System.Text.RegularExpressions;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>
/// Reads the house tag conventions off a scenario: <c>@use-case-&lt;slug&gt;</c>, <c>@ticket-&lt;n&gt;</c>,
/// <c>@since-1.2.N</c>, <c>@until-1.2.N</c>, obligation ids (<c>@CORE-111</c>, <c>@FND-012</c>, <c>@APT-040</c>,
/// <c>@TKT-032</c>) and <c>@not-provider-testable</c>.
/// </summary>
public static partial class ScenarioTags
{
    /// <summary>The tag prefix for use cases.</summary>
    public const string UseCasePrefix = "@use-case-";
    /// <summary>The tag prefix for release-note tickets.</summary>
    public const string TicketPrefix = "@ticket-";
    /// <summary>The tag prefix for the first spec version a scenario applies to.</summary>
    public const string SincePrefix = "@since-";
    /// <summary>The tag prefix for the last spec version a scenario applies to.</summary>
    public const string UntilPrefix = "@until-";
    /// <summary>Marks a scenario documenting a ticket a provider cannot be tested for.</summary>
    public const string NotProviderTestable = "@not-provider-testable";

    [GeneratedRegex(@"^@?(CORE|FND|APT|TKT)-\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObligationTagPattern();

    /// <summary>Use-case slugs, e.g. "search-for-free-slots".</summary>
    public static IReadOnlyList<string> UseCases(this ScenarioInfo scenario) => Distinct(scenario.TagValues(UseCasePrefix));

    /// <summary>Ticket numbers without '#', e.g. "912".</summary>
    public static IReadOnlyList<string> Tickets(this ScenarioInfo scenario) => Distinct(scenario.TagValues(TicketPrefix));

    /// <summary>The spec version from the first <c>@since-</c> tag, e.g. "1.2.7", or null.</summary>
    public static string? Since(this ScenarioInfo scenario) => scenario.TagValues(SincePrefix).FirstOrDefault();

    /// <summary>The spec version from the first <c>@until-</c> tag, or null.</summary>
    public static string? Until(this ScenarioInfo scenario) => scenario.TagValues(UntilPrefix).FirstOrDefault();

    /// <summary>Obligation ids the scenario covers, upper-case and without '@', e.g. "APT-040".</summary>
    public static IReadOnlyList<string> Obligations(this ScenarioInfo scenario) =>
        Distinct(scenario.Tags.Where(IsObligationTag).Select(t => t.TrimStart('@').ToUpperInvariant()));

    /// <summary>True when the tag names an obligation id (CORE-, FND-, APT- or TKT- followed by digits).</summary>
    public static bool IsObligationTag(string tag) => ObligationTagPattern().IsMatch(tag);

    /// <summary>True when the scenario carries <c>@not-provider-testable</c>.</summary>
    public static bool IsNotProviderTestable(this ScenarioInfo scenario) =>
        scenario.Tags.Any(t => string.Equals(t, NotProviderTestable, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<string> Distinct(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
