using System.Globalization;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// When one date-dependent test-data role stops satisfying its scenarios. <see cref="StopsOn"/> is the first UK day on
/// which it no longer does (null: it does not age, or the day cannot be known; <see cref="Detail"/> says which).
/// </summary>
public sealed record AgeingResult(string RoleId, DateOnly? StopsOn, string Detail, bool Unread = false)
{
    /// <summary>Days from <paramref name="today"/> until it stops (0 or less: it already has); null when it does not age.</summary>
    public int? DaysLeft(DateOnly today) => StopsOn is { } day ? day.DayNumber - today.DayNumber : null;

    /// <summary>True when it stops within <paramref name="warningDays"/> days of <paramref name="today"/> (or already has).</summary>
    public bool Warns(DateOnly today, int warningDays) => DaysLeft(today) is { } left && left <= warningDays;
}

/// <summary>
/// The data-ageing part of <c>--check-data</c>: for each test-data role whose fitness depends on the date (the seeded
/// future appointments, the past appointment, the appointment earlier today, the booking horizon, free slots in the
/// coming weeks), the day it will stop satisfying its scenarios, read from the provider as of the suite clock's today,
/// and a warning when that day is within <c>checkData:ageingWarningDays</c> (default 7).
/// </summary>
public static class DataAgeing
{
    /// <summary>Seeded future appointments, each read by id: they stop being future on the day they start.</summary>
    public static IReadOnlyList<(string Role, string[] Fields)> FutureAppointmentRoles { get; } =
    [
        (Roles.BookedByAnotherOrganisation, ["amendId", "cancelId"]),
        (Roles.BookedOutsideGpConnect, ["amendId", "cancelId"]),
        (Roles.Cancelled, ["appointmentId"]),
        (Roles.Visit, ["appointmentId"]),
        (Roles.WithBusinessIdentifiers, ["appointmentId"]),
    ];

    /// <summary>How far ahead the search for the last free slot looks (four two-week windows from tomorrow).</summary>
    public const int SlotLookAheadWindows = 4;

    // The rules, as pure functions of the dates read from the provider (unit-tested).

    /// <summary>
    /// Seeded future appointments: from the day the first starts, it is no longer a future appointment. One beyond two
    /// weeks is not yet seen by the 14-day retrieve scenarios (said in the detail).
    /// </summary>
    public static AgeingResult FutureAppointments(string role, IReadOnlyList<(string Id, DateOnly Start)> appointments, DateOnly today)
    {
        var first = appointments.MinBy(a => a.Start);
        var beyond = appointments.Where(a => a.Start > today.AddDays(14)).ToList();
        var detail = string.Join(", ", appointments.Select(a => $"Appointment/{a.Id} on {Day(a.Start)}")) + ": future appointments until the first starts";
        if (beyond.Count > 0)
            detail += $"; beyond two weeks ({string.Join(", ", beyond.Select(a => "Appointment/" + a.Id))}), so the 14-day retrieve scenarios do not see it before {Day(beyond.Min(a => a.Start).AddDays(-14))}";
        return new(role, first.Start, detail);
    }

    /// <summary>The appointment earlier today: it satisfies its scenario on the day it took place only.</summary>
    public static AgeingResult EarlierToday(string id, DateOnly start, DateOnly today) =>
        new(Roles.EarlierToday, start.AddDays(1), start == today
            ? $"Appointment/{id} is today: it is \"earlier today\" until midnight; it must be re-seeded every day"
            : $"Appointment/{id} is on {Day(start)}, not today ({Day(today)})");

    /// <summary>The past appointment: once it started before today it stays in the past, so it does not age.</summary>
    public static AgeingResult Past(string id, DateOnly start, DateOnly today) => start < today
        ? new(Roles.Past, null, $"Appointment/{id} was on {Day(start)}: it stays in the past (does not age)")
        : new(Roles.Past, today, $"Appointment/{id} is on {Day(start)}, not before today ({Day(today)}): it satisfies its scenarios only from {Day(start.AddDays(1))}");

    /// <summary>
    /// Free slots in the coming weeks: the scenarios search from tomorrow, so from the day of the last free slot offered
    /// on there is none left to find (a diary that rolls forward daily does not age, but only the provider knows that).
    /// </summary>
    public static AgeingResult FreeSlots(DateOnly? lastFreeSlotDay, DateOnly today, int lookAheadDays) => lastFreeSlotDay is { } last
        ? new("appointments (free slots in the coming weeks)", last,
            $"the last free slot offered is on {Day(last)} (searched {lookAheadDays} days from tomorrow); a diary that rolls forward daily does not age")
        : new("appointments (free slots in the coming weeks)", today, $"no free slot offered in the {lookAheadDays} days from tomorrow");

    /// <summary>
    /// The booking horizon: its scenario needs free slots in the week after the last bookable day (today + days), which the
    /// provider does not offer through GP Connect, so the day comes from testData:appointments:bookingHorizon:diaryEnds
    /// (the last day the practice diary holds slots) when it is set.
    /// </summary>
    public static AgeingResult BookingHorizon(int days, DateOnly? diaryEnds, DateOnly today) => diaryEnds is { } end
        ? new(Roles.BookingHorizon, end.AddDays(-days - 7 + 1),
            $"the diary ends on {Day(end)}; the week after the {days}-day booking window must hold slots")
        : new(Roles.BookingHorizon, null,
            $"slots beyond the {days}-day booking window are not offered through GP Connect, so their end cannot be read: set testData:appointments:bookingHorizon:diaryEnds (YYYY-MM-DD) to get a date");

    /// <summary>Reads the dates from the provider and applies the rules to each configured role.</summary>
    public static async Task<IReadOnlyList<AgeingResult>> RunAsync(GpConnectClient client, ConformanceSettings settings, SuiteClock clock, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var results = new List<AgeingResult>();

        async Task<(DateOnly? Start, string? Problem)> StartOf(string id)
        {
            var response = new ProviderResponse(await client.SendAsync(AppointmentRequests.Read(id), cancellationToken).ConfigureAwait(false));
            var text = response.StatusCode == 200 ? response.Resource?.SelectValue("start") : null;
            return text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                ? (DateOf(start), null)
                : (null, $"Appointment/{id} could not be read ({response.Describe()})");
        }

        foreach (var (role, fields) in FutureAppointmentRoles)
        {
            if (!fields.All(f => settings.TryGetTestData(role, f, out _))) continue;
            var read = new List<(string, DateOnly)>();
            var problems = new List<string>();
            foreach (var field in fields)
            {
                var id = settings.GetTestData(role, field);
                var (start, problem) = await StartOf(id).ConfigureAwait(false);
                if (start is { } day) read.Add((id, day)); else problems.Add(problem!);
            }
            results.Add(problems.Count > 0 ? new(role, null, string.Join("; ", problems), Unread: true) : FutureAppointments(role, read, today));
        }
        if (settings.TryGetTestData(Roles.Past, "appointmentId", out var pastId))
        {
            // A provider does not serve past appointments (APT-150): the date is read when it does, else it is simply past.
            var (start, _) = await StartOf(pastId).ConfigureAwait(false);
            results.Add(start is { } day ? Past(pastId, day, today)
                : new(Roles.Past, null, $"Appointment/{pastId} is not served (past appointments are not, APT-150): once it started before today it stays in the past (does not age)"));
        }
        if (settings.TryGetTestData(Roles.EarlierToday, "appointmentId", out var todayId))
        {
            var (start, problem) = await StartOf(todayId).ConfigureAwait(false);
            results.Add(start is { } day ? EarlierToday(todayId, day, today) : new(Roles.EarlierToday, null, problem!, Unread: true));
        }

        var lookAhead = SlotLookAheadWindows * 14;
        DateOnly? last = null;
        for (var window = 0; window < SlotLookAheadWindows; window++)
        {
            var from = today.AddDays(1 + window * 14);
            var search = new SlotSearch { Start = from, End = from.AddDays(13), BookingOdsCode = settings.Consumer.OdsCode };
            var response = new ProviderResponse(await client.SendAsync(search.ToRequest(), cancellationToken).ConfigureAwait(false));
            if (response.StatusCode != 200) break;
            foreach (var slot in FreeSlot.FromSearch(response))
            {
                var day = DateOf(slot.StartInstant);
                if (last is null || day > last) last = day;
            }
        }
        results.Add(FreeSlots(last, today, lookAhead));

        if (settings.TryGetTestData(Roles.BookingHorizon, "days", out var daysText) && int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            DateOnly? diaryEnds = settings.TryGetTestData(Roles.BookingHorizon, "diaryEnds", out var endText)
                && DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ? end : null;
            results.Add(BookingHorizon(days, diaryEnds, today));
        }
        return results;
    }

    /// <summary>The ageing table printed after the preflight by <c>--check-data</c>.</summary>
    public static string Render(IReadOnlyList<AgeingResult> results, DateOnly today, int warningDays)
    {
        var lines = new List<string>
        {
            $"Test data ageing (today is {Day(today)}; warning when a role stops satisfying its scenarios within {warningDays} days, checkData:ageingWarningDays):",
        };
        var width = results.Count == 0 ? 10 : results.Max(r => r.RoleId.Length);
        foreach (var r in results)
        {
            var left = r.DaysLeft(today);
            var when = r.Unread ? "unknown" : r.StopsOn is not { } day ? "does not age"
                : left <= 0 ? $"STOPPED {Day(day)}"
                : $"stops {Day(day)} (in {left} day{(left == 1 ? "" : "s")})";
            var flag = r.Warns(today, warningDays) ? "WARNING" : r.Unread ? "UNREAD" : "ok";
            lines.Add($"  {r.RoleId.PadRight(width)}  {flag,-7}  {when,-31}  {r.Detail}");
        }
        var warnings = results.Count(r => r.Warns(today, warningDays));
        lines.Add(warnings == 0
            ? $"No date-dependent role ages out within {warningDays} days."
            : $"{warnings} date-dependent role{(warnings == 1 ? "" : "s")} stop{(warnings == 1 ? "s" : "")} satisfying {(warnings == 1 ? "its" : "their")} scenarios within {warningDays} days: re-seed or re-date {(warnings == 1 ? "it" : "them")} before then. (Data re-seeded relative to each day, like the embedded reference provider's, does not age.)");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(UkTime.ToLocal(instant).DateTime);
}
