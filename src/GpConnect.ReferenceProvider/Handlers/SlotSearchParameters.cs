using System.Globalization;
using System.Text.RegularExpressions;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>The parsed query of Search for free slots (spec: Search for free slots).</summary>
internal sealed partial record SlotSearchParameters(
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    bool IncludePractitioners, bool IncludeLocations, bool IncludeOrganization,
    string? BookingOdsCode, string? BookingOrganisationType)
{
    public const string ScheduleInclude = "Slot:schedule";
    public const string PractitionerInclude = "Schedule:actor:Practitioner";
    public const string LocationInclude = "Schedule:actor:Location";
    public const string OrganizationInclude = "Location:managingOrganization";
    public static readonly TimeSpan MaximumWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// Parses and checks the query. Missing or repeated start/end/status or a missing <c>_include=Slot:schedule</c>
    /// → 400 BAD_REQUEST; a wrong prefix, malformed date, status other than free, end before start or a window
    /// over two weeks → 422 INVALID_PARAMETER.
    /// </summary>
    /// <param name="query">The request's query parameters.</param>
    /// <param name="faults">Active faults, consulted where each rule lives.</param>
    /// <param name="now">The provider's current time (for the past-window rule and the defaults a faulty provider assumes).</param>
    public static SlotSearchParameters Parse(IQueryCollection query, ActiveFaults faults, DateTimeOffset now)
    {
        var rules = new BoundRules(
            LenientTimes: faults.Waives(ProviderRule.SlotSearchRequiresOffsets),
            IgnorePrefixes: faults.Waives(ProviderRule.SlotSearchChecksPrefixes),
            DateEndExclusive: faults.Waives(ProviderRule.SlotSearchDateEndCoversWholeDay),
            RefuseDateTimes: faults.Waives(ProviderRule.SlotSearchAcceptsDateTimes));
        var defaultBounds = faults.Waives(ProviderRule.SlotSearchRequiresUsableBounds);
        var today = UkDateTime.FromLocal(UkDateTime.DateOf(now).ToDateTime(TimeOnly.MinValue));
        var start = Bound(query, "start", "ge", endOfDay: false, rules, defaultBounds) ?? today;
        var end = Bound(query, "end", "le", endOfDay: true, rules, defaultBounds) ?? start.AddDays(7);

        if ((!query.TryGetValue("status", out var status) || status.Count == 0) && !faults.Waives(ProviderRule.SlotSearchRequiresStatus))
            throw ProviderException.BadRequest("The status search parameter is required and must be 'free'.");
        if (status.Any(s => s != "free") && !faults.Waives(ProviderRule.SlotSearchRequiresFreeStatus))
            throw new ProviderException(SpineError.InvalidParameter, $"status must be 'free', not '{string.Join(",", status.ToArray())}'.");

        if (!Values(query, "_include").Contains(ScheduleInclude) && !faults.Waives(ProviderRule.SlotSearchRequiresScheduleInclude))
            throw ProviderException.BadRequest($"The parameter _include={ScheduleInclude} is required.");
        var recurse = Values(query, "_include:recurse");

        // A full-date end covers its whole day, so an end date the day before a midnight start reaches exactly the start:
        // compare the dates themselves for that form.
        var endText = query.TryGetValue("end", out var endValues) && endValues.Count == 1 ? endValues[0] ?? "" : "";
        var endDateBeforeStart = endText.Length > 2 && DateOnlyPattern().IsMatch(endText[2..])
            && DateOnly.ParseExact(endText[2..], "yyyy-MM-dd", CultureInfo.InvariantCulture) < UkDateTime.DateOf(start);
        if ((end < start || endDateBeforeStart) && !faults.Waives(ProviderRule.SlotSearchRefusesReversedWindow))
            throw new ProviderException(SpineError.InvalidParameter, "The end of the search window is before its start.");
        // Two weeks are fourteen calendar days on the UK wall clock: a window across a clock change is an hour longer
        // (autumn) or shorter (spring) in elapsed time, and still two weeks.
        var length = UkDateTime.ToUk(end).DateTime - UkDateTime.ToUk(start).DateTime;
        if (length > MaximumWindow && !faults.Waives(ProviderRule.SlotSearchWindowLimit))
            throw new ProviderException(SpineError.InvalidParameter, "The search window is longer than two weeks.");
        if (length == MaximumWindow && faults.Waives(ProviderRule.SlotSearchAcceptsFullTwoWeeks))
            throw new ProviderException(SpineError.InvalidParameter, "The search window must be shorter than two weeks.");
        if (start < today && faults.Waives(ProviderRule.SlotSearchAcceptsPastWindows))
            throw new ProviderException(SpineError.InvalidParameter, "The search window starts in the past.");

        string? ods = null, organisationType = null;
        foreach (var filter in Values(query, "searchFilter"))
        {
            var bar = filter.IndexOf('|');
            if (bar < 0) continue;
            var (system, code) = (filter[..bar], filter[(bar + 1)..]);
            if (system == Systems.OdsOrganizationCode) ods ??= code;
            else if (system == Systems.OrganisationType) organisationType ??= code;
            else if (faults.Waives(ProviderRule.SlotSearchIgnoresUnknownFilters))
                throw new ProviderException(SpineError.InvalidParameter, $"searchFilter system '{system}' is not supported.");
        }

        var allActors = faults.Waives(ProviderRule.SlotSearchIncludesOnlyRequested);
        return new SlotSearchParameters(start, end,
            allActors || recurse.Contains(PractitionerInclude), allActors || recurse.Contains(LocationInclude), recurse.Contains(OrganizationInclude),
            ods, organisationType);
    }

    private static string[] Values(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.Where(v => v is not null).Select(v => v!).ToArray() : [];

    /// <summary>How a faulty provider bends the bound rules (all false on the clean provider).</summary>
    private sealed record BoundRules(bool LenientTimes, bool IgnorePrefixes, bool DateEndExclusive, bool RefuseDateTimes);

    /// <summary>The bound's instant; null when it is missing or unusable and the provider is faulted to assume a default.</summary>
    private static DateTimeOffset? Bound(IQueryCollection query, string name, string prefix, bool endOfDay, BoundRules rules, bool assumeDefault)
    {
        if (assumeDefault)
        {
            var text = query.TryGetValue(name, out var values) && values.Count == 1 ? values[0] ?? "" : null;
            var datePart = text is { Length: >= 2 } && char.IsAsciiLetterLower(text[0]) && char.IsAsciiLetterLower(text[1]) ? text[2..] : text;
            if (datePart is null || !FullDatePrefixPattern().IsMatch(datePart)) return null;
        }
        return ParseBound(query, name, prefix, endOfDay, rules);
    }

    private static DateTimeOffset ParseBound(IQueryCollection query, string name, string prefix, bool endOfDay, BoundRules rules)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
            throw ProviderException.BadRequest($"The {name} search parameter is required.");
        if (values.Count > 1)
            throw ProviderException.BadRequest($"The {name} search parameter may be sent only once.");
        var text = values[0] ?? "";
        var value = PrefixPattern().Match(text) is { Success: true } prefixed && rules.IgnorePrefixes ? text[2..] : text;
        if (!rules.IgnorePrefixes)
        {
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
                throw new ProviderException(SpineError.InvalidParameter, $"{name} must use the '{prefix}' prefix: '{text}'.");
            value = text[prefix.Length..];
        }

        if (DateTimePattern().IsMatch(value) && rules.RefuseDateTimes)
            throw new ProviderException(SpineError.InvalidParameter, $"{name} must be a date (yyyy-mm-dd), not the dateTime '{value}'.");
        if (DateOnlyPattern().IsMatch(value) &&
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return UkDateTime.FromLocal((endOfDay && !rules.DateEndExclusive ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue));
        }
        if (DateTimePattern().IsMatch(value) &&
            DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }
        if (rules.LenientTimes && value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose))
        {
            return loose;
        }
        throw new ProviderException(SpineError.InvalidParameter,
            $"{name} '{value}' is not a date (yyyy-mm-dd) or a dateTime with a +00:00 or +01:00 offset (yyyy-mm-ddThh:mm:ss+hh:mm; encode '+' as %2B).");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex FullDatePrefixPattern();

    [GeneratedRegex(@"^(ge|gt|le|lt|eq|ne|sa|eb|ap)")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[01]:00$")]
    private static partial Regex DateTimePattern();
}
