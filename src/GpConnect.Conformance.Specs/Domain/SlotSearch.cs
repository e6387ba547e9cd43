using System.Globalization;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// A Search for free slots request as a consumer sends it (spec: Search for free slots): a window of whole UK-local days
/// (start=ge…, end=le…, at most two weeks), status=free, _include=Slot:schedule, the optional recursive includes and the
/// booking organisation's searchFilter tokens. Scenarios change one thing at a time from this valid baseline.
/// </summary>
public sealed class SlotSearch
{
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string OrganisationTypeSystem = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";

    /// <summary>First day of the window (UK local date).</summary>
    public DateOnly Start { get; set; }

    /// <summary>Last day of the window, inclusive (a date-only end covers the whole day).</summary>
    public DateOnly End { get; set; }

    public bool IncludePractitioners { get; set; } = true;
    public bool IncludeLocations { get; set; } = true;
    public bool IncludeManagingOrganisation { get; set; } = true;
    public string? BookingOdsCode { get; set; }
    public string? BookingOrganisationType { get; set; } = "gp-practice";

    /// <summary>Sends <c>_include=Slot:schedule</c> (mandatory; false only to check that leaving it out is refused).</summary>
    public bool IncludeSchedules { get; set; } = true;

    /// <summary>The status parameter (free is the only valid value).</summary>
    public string Status { get; set; } = "free";

    /// <summary>A start value sent as it is instead of ge + <see cref="Start"/> (for the parameter-rule scenarios).</summary>
    public string? StartValue { get; set; }

    /// <summary>An end value sent as it is instead of le + <see cref="End"/> (for the parameter-rule scenarios).</summary>
    public string? EndValue { get; set; }

    /// <summary>Sends the start parameter (false only to check that leaving it out is refused).</summary>
    public bool SendStart { get; set; } = true;

    /// <summary>Sends the end parameter (false only to check that leaving it out is refused).</summary>
    public bool SendEnd { get; set; } = true;

    /// <summary>Sends the status parameter (false only to check that leaving it out is refused).</summary>
    public bool SendStatus { get; set; } = true;

    /// <summary>Further searchFilter tokens (system|code), e.g. ones a DOS-based consumer adds (#662).</summary>
    public List<string> ExtraFilters { get; } = [];

    /// <summary>A window of <paramref name="days"/> whole days starting the day after "today" in the UK.</summary>
    public static SlotSearch FromTomorrow(int days, TimeProvider clock, ConsumerSettings consumer)
    {
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), "A search window lasts at least one day.");
        var today = UkTime.Today(clock);
        var start = today.AddDays(1);
        return new SlotSearch { Start = start, End = start.AddDays(days - 1), BookingOdsCode = consumer.OdsCode };
    }

    public GpConnectRequest ToRequest()
    {
        var request = new GpConnectRequest(Interactions.SearchForFreeSlots);
        if (SendStart) request.AddQuery("start", StartValue ?? "ge" + Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (SendEnd) request.AddQuery("end", EndValue ?? "le" + End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (SendStatus) request.AddQuery("status", Status);
        if (IncludeSchedules) request.AddQuery("_include", "Slot:schedule");
        if (IncludePractitioners) request.AddQuery("_include:recurse", "Schedule:actor:Practitioner");
        if (IncludeLocations) request.AddQuery("_include:recurse", "Schedule:actor:Location");
        if (IncludeManagingOrganisation) request.AddQuery("_include:recurse", "Location:managingOrganization");
        if (!string.IsNullOrEmpty(BookingOdsCode)) request.AddQuery("searchFilter", $"{OdsSystem}|{BookingOdsCode}");
        if (!string.IsNullOrEmpty(BookingOrganisationType)) request.AddQuery("searchFilter", $"{OrganisationTypeSystem}|{BookingOrganisationType}");
        foreach (var filter in ExtraFilters) request.AddQuery("searchFilter", filter);
        return request;
    }
}

/// <summary>UK local time (Europe/London), in which GP Connect appointment dates and times are expressed.</summary>
public static class UkTime
{
    /// <summary>Europe/London (UTC where the host has no time-zone data).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The instant in UK local time, with the offset in force then.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UK offset in force at an instant: +00:00 (GMT) or +01:00 (BST).</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant) => Zone.GetUtcOffset(instant);

    /// <summary>
    /// The instant of a UK wall-clock time: a time the day skips (clocks forward) moves on by an hour; a time the day has
    /// twice (clocks back) is the first, in BST.
    /// </summary>
    public static DateTimeOffset Instant(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>A UK wall-clock time as an instant carrying its GMT (+00:00) or BST (+01:00) offset.</summary>
    public static DateTimeOffset AtLocal(DateTime wallClock) =>
        new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified)));

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.Utc;
    }
}
