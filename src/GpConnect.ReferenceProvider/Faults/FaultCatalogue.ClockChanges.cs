using System.Globalization;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>
    /// Faults around the UK clock changes: times that keep their UK wall-clock reading but carry the wrong offset, and slot
    /// lengths worked out in wall-clock time. Each is invisible while the practice's dates all share one offset.
    /// </summary>
    private static IReadOnlyList<FaultDefinition> ClockChangeFaults =>
    [
        new ResourceDecorationFault(
            new("slot-bst-as-gmt", "Slot start and end keep their UK wall-clock time but always carry +00:00, so every BST slot is an hour late."),
            "Slot",
            slot => KeepWallTimeWithOffset(slot, _ => TimeSpan.Zero)),
        new ResourceDecorationFault(
            new("slot-end-from-gmt-wall-time", "Slot end is worked out from the start's wall-clock time read as GMT, so every BST slot lasts an hour longer than its schedule's length."),
            "Slot",
            LengthenBstSlots),
        new RuleWaiverFault(
            new("appointment-read-in-booking-offset", "Read gives the appointment's wall-clock start and end the offset in force when it was booked, so across a clock change they name another instant."),
            ProviderRule.ReadGivesEachInstantItsOffset),
        new RuleWaiverFault(
            new("retrieve-in-range-start-offset", "Retrieve gives every appointment's wall-clock start and end the offset of the range's first day, so appointments after a clock change come back an hour out."),
            ProviderRule.RetrieveGivesEachInstantItsOffset),
    ];

    /// <summary>Rewrites start and end with their UK wall-clock reading and the offset <paramref name="offsetFor"/> picks for each instant.</summary>
    internal static void KeepWallTimeWithOffset(JsonObject resource, Func<DateTimeOffset, TimeSpan> offsetFor)
    {
        foreach (var name in new[] { "start", "end" })
        {
            if (resource[name]?.GetValue<string>() is not { } text
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) continue;
            var wall = UkDateTime.ToUk(instant).DateTime;
            resource[name] = new DateTimeOffset(wall, offsetFor(instant)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The offset written in a FHIR dateTime (e.g. an Appointment's created), or GMT when it cannot be read.</summary>
    internal static TimeSpan OffsetWritten(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value.Offset : TimeSpan.Zero;

    private static void LengthenBstSlots(JsonObject slot)
    {
        if (slot["start"]?.GetValue<string>() is not { } start || slot["end"]?.GetValue<string>() is not { } end
            || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)) return;
        var wallStart = UkDateTime.ToUk(from).DateTime;
        var length = to - from;
        // The bug: the end's wall time (start + length) is read as GMT whatever the date, then shown in UK time.
        var wrongEnd = new DateTimeOffset(wallStart + length, TimeSpan.Zero);
        slot["end"] = UkDateTime.Format(wrongEnd);
    }
}
