using System.Globalization;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>
    /// Faults around the UK clock changes: times that keep their UK wall-clock reading but carry the offset of another day (the
    /// search window's start, the booking, the retrieve range's start), and slot lengths worked out in wall-clock time. Each is
    /// invisible while every date involved shares one offset.
    /// </summary>
    private static IReadOnlyList<FaultDefinition> ClockChangeFaults =>
    [
        new RuleWaiverFault(
            new("slot-offset-of-window-start", "Slot search writes every slot's wall-clock start and end with the offset of the window's start, so slots across a clock change are an hour out."),
            ProviderRule.SlotSearchGivesEachInstantItsOffset),
        new RuleWaiverFault(
            new("slot-end-in-window-start-wall-time", "Slot search works each slot's end out in the wall-clock time of the window's start, so slots across a clock change gain or lose an hour."),
            ProviderRule.SlotSearchKeepsSlotLengths),
        new RuleWaiverFault(
            new("appointment-read-in-booking-offset", "Read gives the appointment's wall-clock start and end the offset in force when it was booked, so across a clock change they name another instant."),
            ProviderRule.ReadGivesEachInstantItsOffset),
        new RuleWaiverFault(
            new("retrieve-in-range-start-offset", "Retrieve gives every appointment's wall-clock start and end the offset of the range's first day, so appointments after a clock change come back an hour out."),
            ProviderRule.RetrieveGivesEachInstantItsOffset),
    ];

    /// <summary>Rewrites start and end with their UK wall-clock reading and <paramref name="offset"/>, whatever their instants.</summary>
    internal static void KeepWallTimeWithOffset(JsonObject resource, TimeSpan offset)
    {
        foreach (var name in new[] { "start", "end" })
        {
            if (resource[name]?.GetValue<string>() is not { } text
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) continue;
            var wall = UkDateTime.ToUk(instant).DateTime;
            resource[name] = new DateTimeOffset(wall, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The offset written in a FHIR dateTime (e.g. an Appointment's created), or GMT when it cannot be read.</summary>
    internal static TimeSpan OffsetWritten(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value.Offset : TimeSpan.Zero;

    /// <summary>The slot-search clock faults, applied to the mapped Slots of one search whose window starts at <paramref name="windowStart"/>.</summary>
    internal static void ApplySlotClockFaults(IEnumerable<JsonObject> resources, DateTimeOffset windowStart, ActiveFaults faults)
    {
        var windowOffset = UkDateTime.OffsetAt(windowStart);
        foreach (var slot in resources.Where(r => r["resourceType"]?.GetValue<string>() == "Slot"))
        {
            if (faults.Waives(ProviderRule.SlotSearchKeepsSlotLengths)) EndInWallTimeOf(slot, windowOffset);
            if (faults.Waives(ProviderRule.SlotSearchGivesEachInstantItsOffset)) KeepWallTimeWithOffset(slot, windowOffset);
        }
    }

    /// <summary>The bug: end = the start's wall-clock time plus the slot length, read in the offset of the window's start.</summary>
    private static void EndInWallTimeOf(JsonObject slot, TimeSpan windowOffset)
    {
        if (slot["start"]?.GetValue<string>() is not { } start || slot["end"]?.GetValue<string>() is not { } end
            || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)) return;
        var wallEnd = UkDateTime.ToUk(from).DateTime + (to - from);
        slot["end"] = UkDateTime.Format(new DateTimeOffset(wallEnd, windowOffset));
    }
}
