using System.Globalization;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Where scenarios that book look for free slots, so that a provider that keeps its state supports run after run: the
/// whole booking horizon (testData:appointments:bookingHorizon:days; two weeks when not configured), searched window by window (a
/// few days each, see <see cref="Windows"/>) until the scenario's need is met, over every bookable schedule the search returns.
/// </summary>
public static class BookableSlots
{
    /// <summary>The horizon used when testData:appointments:bookingHorizon:days is not configured.</summary>
    public const int DefaultHorizonDays = 14;

    /// <summary>How many days ahead scenarios may book: the configured booking horizon, else <see cref="DefaultHorizonDays"/>.</summary>
    public static int HorizonDays(ConformanceSettings settings) =>
        settings.TryGetTestData(TestData.TestDataRoles.Appointments.BookingHorizon, "days", out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= 1
            ? days
            : DefaultHorizonDays;

    /// <summary>Days in one search window: a scenario usually needs a handful of slots, and a small window keeps the answer small.</summary>
    public const int WindowDays = 2;

    /// <summary>
    /// The search windows (whole UK days, at most <see cref="WindowDays"/> each) in the order scenarios take slots from them:
    /// the second week first (days 8–14), then the coming week (days 1–7, which the search scenarios look at), then the rest
    /// of the horizon week by week; within each week the latest days first, as <see cref="InPreferenceOrder"/> orders one
    /// window, so slots are taken in the same order whatever the window size. Bookings in the first two weeks stay inside
    /// the "next 14 days" the retrieve scenarios ask for.
    /// </summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Windows(DateOnly today, int horizonDays)
    {
        var last = today.AddDays(horizonDays);
        var windows = new List<(DateOnly, DateOnly)>();
        void Week(DateOnly first, DateOnly end)
        {
            if (end > last) end = last;
            for (var to = end; to >= first; to = to.AddDays(-WindowDays))
            {
                var from = to.AddDays(1 - WindowDays);
                windows.Add((from < first ? first : from, to));
            }
        }
        Week(today.AddDays(8), today.AddDays(14));
        Week(today.AddDays(1), today.AddDays(7));
        for (var start = today.AddDays(15); start <= last; start = start.AddDays(7)) Week(start, start.AddDays(6));
        return windows;
    }

    /// <summary>
    /// The order in which scenarios take the free slots of one window: the latest day first; within a day, the schedule with
    /// the most free slots that day first, so one clinic is not emptied before the others; then by start time.
    /// </summary>
    public static IReadOnlyList<FreeSlot> InPreferenceOrder(IEnumerable<FreeSlot> slots)
    {
        var list = slots.ToList();
        var perScheduleDay = list.GroupBy(s => (s.ScheduleId, Day: s.StartInstant.Date)).ToDictionary(g => g.Key, g => g.Count());
        return list
            .OrderByDescending(s => s.StartInstant.Date)
            .ThenByDescending(s => perScheduleDay[(s.ScheduleId, s.StartInstant.Date)])
            .ThenBy(s => s.ScheduleId, StringComparer.Ordinal)
            .ThenBy(s => s.StartInstant)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A seven-day search window from tomorrow on that contains <paramref name="day"/> (for "is the booked slot still offered?").</summary>
    public static (DateOnly Start, DateOnly End) WeekAround(DateOnly day, DateOnly today)
    {
        var start = day.AddDays(-3);
        if (start <= today) start = today.AddDays(1);
        return (start, start.AddDays(6));
    }
}
