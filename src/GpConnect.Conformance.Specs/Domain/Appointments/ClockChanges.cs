using System.Globalization;
using GpConnect.Conformance.Specs.Checks;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// A UK clock change (Europe/London): the instant the offset changes, the offset before and the offset after. Worked out
/// from the host's time-zone rules, never from a table of dates.
/// </summary>
public sealed record UkClockChange(DateTimeOffset At, TimeSpan OffsetBefore, TimeSpan OffsetAfter)
{
    /// <summary>The UK date the clocks change on.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.ToOffset(OffsetAfter).DateTime);

    /// <summary>True in spring (GMT to BST), false in autumn.</summary>
    public bool Forward => OffsetAfter > OffsetBefore;

    /// <summary>"Sunday 28 March 2027, when the clocks go forward (+00:00 to +01:00)".</summary>
    public string Describe() =>
        $"{Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}, when the clocks go {(Forward ? "forward" : "back")} ({Offset(OffsetBefore)} to {Offset(OffsetAfter)})";

    /// <summary>The offset in force at <paramref name="instant"/> on this change's account: before or after it.</summary>
    public TimeSpan OffsetAt(DateTimeOffset instant) => instant < At ? OffsetBefore : OffsetAfter;

    /// <summary>"+01:00" for an offset.</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first change of UTC offset of <paramref name="zone"/> after <paramref name="after"/>, within about a year; null when the
    /// zone keeps one offset (e.g. a host without Europe/London data, where <see cref="UkTime.Zone"/> falls back to UTC).
    /// </summary>
    public static UkClockChange? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var start = new DateTimeOffset(after.UtcTicks - after.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(start);
        for (var day = 0; day < 400; day++)
        {
            var low = start.AddDays(day);
            var high = low.AddDays(1);
            if (zone.GetUtcOffset(high) == offset) continue;
            // The change lies in (low, high]: halve it down to the first minute with the new offset.
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low.AddMinutes(Math.Floor((high - low).TotalMinutes / 2));
                if (zone.GetUtcOffset(middle) == offset) low = middle; else high = middle;
            }
            return new UkClockChange(high, offset, zone.GetUtcOffset(high));
        }
        return null;
    }
}

/// <summary>
/// The clock-change scenarios' plan and rules: which days to search and retrieve around the next UK clock change (inside the
/// booking horizon and the two-week search limit), which free slots lie on which side, and what "right" means for their
/// offsets, durations and the appointment booked across the change.
/// </summary>
public static class ClockChanges
{
    /// <summary>The tag of the clock-change scenarios (features/appointments/clock-changes.feature).</summary>
    public const string Tag = "@clock-changes";

    /// <summary>
    /// Whether the clock-change scenarios apply on the suite's today (the window around the next UK clock change lies in the
    /// booking horizon): the same rule their Given steps apply, for <c>--check-data</c>'s count of what a run uses up.
    /// </summary>
    public static bool InReach(TimeProvider clock, int horizonDays) =>
        UkClockChange.Next(clock.GetUtcNow(), UkTime.Zone) is { } change && Window(change, UkTime.Today(clock), horizonDays, out _) is not null;

    /// <summary>Days searched before the change day (at most; never before yesterday).</summary>
    public const int DaysBefore = 4;

    /// <summary>Days searched after the change day.</summary>
    public const int DaysAfter = 3;

    /// <summary>
    /// The search window around <paramref name="change"/>: from <see cref="DaysBefore"/> days before the change day (but not
    /// before yesterday: a window partly in the past is answered, and it keeps the last working day before a weekend change in
    /// reach) to <see cref="DaysAfter"/> days after it; null, with the reason, when those days lie beyond the booking horizon.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Window(UkClockChange change, DateOnly today, int horizonDays, out string? whyNot)
    {
        var start = Max(change.Day.AddDays(-DaysBefore), today.AddDays(-1));
        var end = change.Day.AddDays(DaysAfter);
        var last = today.AddDays(horizonDays);
        if (end > last)
        {
            var suggestion = change.Day.AddDays(-DaysBefore - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            whyNot = $"the next UK clock change, {change.Describe()}, is {change.Day.DayNumber - today.DayNumber} days from today " +
                $"({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): the days either side of it lie beyond the {horizonDays}-day booking horizon " +
                $"(testData:appointments:bookingHorizon:days). Run as of a date closer to it, e.g. --as-of {suggestion}.";
            return null;
        }
        whyNot = null;
        return (start, end);
    }

    /// <summary>The retrieve range spanning the change: today to <see cref="DaysAfter"/> days after the change day.</summary>
    public static (DateOnly From, DateOnly To) RetrieveRange(UkClockChange change, DateOnly today) => (today, change.Day.AddDays(DaysAfter));

    /// <summary>Free slots that start before the change, and those that start at or after it.</summary>
    public static (IReadOnlyList<FreeSlot> Before, IReadOnlyList<FreeSlot> After) Sides(IEnumerable<FreeSlot> slots, UkClockChange change)
    {
        var list = slots.ToList();
        return (list.Where(s => s.StartInstant < change.At).ToList(), list.Where(s => s.StartInstant >= change.At).ToList());
    }

    /// <summary>
    /// Every Slot's start and end carries the UK offset in force at its own instant, as the change says: the offset before
    /// the change for instants before it, the offset after for instants after.
    /// </summary>
    public static Check OffsetsAtOwnInstants(ProviderResponse response, UkClockChange change)
    {
        var check = new Check();
        foreach (var slot in response.BundleEntries("Slot"))
            foreach (var field in new[] { "start", "end" })
            {
                var text = slot.SelectValue(field);
                var where = $"Slot/{slot.SelectValue("id")}.{field}";
                if (text is null || !DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
                {
                    check.Fail("datetime.uk-offset", $"{slot.Path}.{field}", "yyyy-mm-ddThh:mm:ss+00:00 or +01:00", text ?? "absent",
                        $"{where} is \"{text ?? "absent"}\": it does not state a UK offset (+00:00 or +01:00), so its side of the clock change cannot be told.");
                    continue;
                }
                var expected = change.OffsetAt(value);
                if (value.Offset != expected)
                    check.Fail("datetime.uk-offset", $"{slot.Path}.{field}", UkClockChange.Offset(expected), UkClockChange.Offset(value.Offset),
                        $"{where} is \"{text}\": that instant falls {(value < change.At ? "before" : "after")} the clocks change on {change.Describe()}, " +
                        $"when the UK offset is {UkClockChange.Offset(expected)}, not {UkClockChange.Offset(value.Offset)}.");
            }
        return check;
    }

    /// <summary>
    /// Slot durations (end − start as instants) stay right across the change, without knowing the practice's slot lengths:
    /// every slot lasts longer than zero, and no slot lasts exactly an hour more or less than a length its schedule uses on the
    /// other side of the change unless its schedule also uses its own length there (the mark of a duration worked out in wall-clock
    /// time with the wrong offset). A provider whose schedules mix lengths passes as long as no length is an hour off.
    /// </summary>
    public static Check DurationsAcrossChange(IReadOnlyList<FreeSlot> slots, UkClockChange change)
    {
        var check = new Check();
        foreach (var slot in slots.Where(s => s.EndInstant <= s.StartInstant))
            check.Fail("slot.duration", $"Slot/{slot.Id}", "end after start", $"{slot.Start} – {slot.End}",
                $"Slot/{slot.Id} ({slot.Start} – {slot.End}) does not last longer than zero: its end is not after its start.");
        foreach (var schedule in slots.Where(s => s.EndInstant > s.StartInstant).GroupBy(s => s.ScheduleId))
        {
            var (before, after) = Sides(schedule, change);
            if (before.Count == 0 || after.Count == 0) continue;
            foreach (var (side, other) in new[] { (before, after), (after, before) })
            {
                var lengths = other.Select(Duration).ToHashSet();
                foreach (var slot in side)
                {
                    var length = Duration(slot);
                    if (lengths.Contains(length)) continue;
                    if (!lengths.Contains(length - TimeSpan.FromHours(1)) && !lengths.Contains(length + TimeSpan.FromHours(1))) continue;
                    check.Fail("slot.duration", $"Slot/{slot.Id}", string.Join(" or ", lengths.Order().Select(Minutes)), Minutes(length),
                        $"Slot/{slot.Id} of Schedule/{schedule.Key} ({slot.Start} – {slot.End}) lasts {Minutes(length)}, but that schedule's slots " +
                        $"{(slot.StartInstant < change.At ? "after" : "before")} the clock change ({change.Describe()}) last {string.Join(" or ", lengths.Order().Select(Minutes))}: " +
                        "an hour more or less, a duration worked out in wall-clock time across the change.");
                }
            }
        }
        return check;
    }

    /// <summary>True when at least one schedule has free slots on both sides of the change (what the duration rule compares).</summary>
    public static bool SomeScheduleOnBothSides(IReadOnlyList<FreeSlot> slots, UkClockChange change) =>
        slots.GroupBy(s => s.ScheduleId).Any(g => Sides(g, change) is var (before, after) && before.Count > 0 && after.Count > 0);

    /// <summary>
    /// The appointment <paramref name="what"/> starts and ends at the booked slot's instants, whatever offset notation it uses.
    /// </summary>
    public static Check SameInstants(string what, string? start, string? end, FreeSlot slot, FreeSlot? lastSlot = null)
    {
        var check = new Check();
        var last = lastSlot ?? slot;
        foreach (var (field, text, expected) in new[] { ("start", start, slot.StartInstant), ("end", end, last.EndInstant) })
        {
            if (text is null || !DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                check.Fail("appointment.instant", $"Appointment.{field}", expected.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), text ?? "absent",
                    $"{what}'s {field} is \"{text ?? "absent"}\", not a dateTime with a UK offset.");
                continue;
            }
            if (value != expected)
                check.Fail("appointment.instant", $"Appointment.{field}", $"{(field == "start" ? slot.Start : last.End)} (that instant)", text,
                    $"{what}'s {field} is \"{text}\" ({value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC), but the booked slot " +
                    $"{(field == "start" ? "starts" : "ends")} at {(field == "start" ? slot.Start : last.End)} ({expected.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC): " +
                    "not the same instant across the clock change.");
        }
        return check;
    }

    private static TimeSpan Duration(FreeSlot slot) => slot.EndInstant - slot.StartInstant;

    private static string Minutes(TimeSpan length) => $"{length.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
