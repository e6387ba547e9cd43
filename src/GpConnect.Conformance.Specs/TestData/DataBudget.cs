using System.Globalization;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Run;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// What the provider's data still supports: free slots per bookable schedule across the booking horizon, registrable NHS
/// numbers left, and what one run uses up as the scenarios that would run declare it (<see cref="DataConsumption"/>).
/// </summary>
public sealed record DataBudget(
    IReadOnlyDictionary<string, int> FreeSlotsBySchedule, int? RegistrableLeft, int? RegistrableSize,
    DataConsumption PerRun, int HorizonDays, bool? ReleasesCancelledSlots, int? LeftPracticeLeft = null, int? LeftPracticeSize = null)
{
    public int FreeSlots => FreeSlotsBySchedule.Values.Sum();

    /// <summary>Slots one run books (declared).</summary>
    public int SlotsPerRun => PerRun.FreeSlots;

    /// <summary>Registrations one run makes from the register.onPds pool (declared).</summary>
    public int RegistrationsPerRun => PerRun.RegistrablePatients;

    /// <summary>
    /// Full runs the data supports: the registrable numbers left over what one run registers, and the free slots over what
    /// one run books unless the provider was seen to free cancelled slots again (the spec does not require it, so until the
    /// ledger shows a cancelled booking's slot offered free again, booked slots count as gone). Null when nothing is consumed.
    /// </summary>
    public int? RunsSupported
    {
        get
        {
            var limits = new List<int>();
            if (RegistrableLeft is { } left && RegistrationsPerRun > 0) limits.Add(left / RegistrationsPerRun);
            if (LeftPracticeLeft is { } gone && PerRun.LeftPracticePatients > 0) limits.Add(gone / PerRun.LeftPracticePatients);
            if (ReleasesCancelledSlots != true && SlotsPerRun > 0) limits.Add(FreeSlots / SlotsPerRun);
            return limits.Count == 0 ? null : limits.Min();
        }
    }

    /// <summary>
    /// Counts the free slots (every bookable schedule, the whole booking horizon, as the configured consumer) and the
    /// registrable numbers left; <paramref name="perRun"/> is what the scenarios that would run declare they use up. Whether
    /// the provider frees cancelled slots is read from the bookings ledger (<paramref name="ledgerFile"/>): a slot of a
    /// cancelled booking that is offered free again shows it does.
    /// </summary>
    public static async Task<DataBudget> MeasureAsync(GpConnectClient client, ConformanceSettings settings, string serviceRoot, string? ledgerFile,
        TimeProvider clock, DataConsumption perRun, CancellationToken cancellationToken = default)
    {
        var horizon = BookableSlots.HorizonDays(settings);
        var bySchedule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var freeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, end) in BookableSlots.Windows(UkTime.Today(clock), horizon))
        {
            var search = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
            search.Start = start;
            search.End = end;
            var response = new ProviderResponse(await client.SendAsync(search.ToRequest(), cancellationToken).ConfigureAwait(false));
            if (response.StatusCode != 200) continue;
            foreach (var slot in FreeSlot.FromSearch(response).Where(s => s.DeliveryChannel != "Visit" && s.StartInstant > clock.GetUtcNow()))
            {
                if (!freeIds.Add(slot.Id)) continue;
                bySchedule[slot.ScheduleId] = bySchedule.GetValueOrDefault(slot.ScheduleId) + 1;
            }
        }

        int? left = null, size = null;
        if (settings.TryGetTestData("register.onPds", "nhsNumbers", out var list))
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["nhsNumbers"] = list };
            (size, left) = await TestDataRoles.RegistrableLeftAsync(new RoleProbe(client, settings, values, cancellationToken)).ConfigureAwait(false);
        }

        int? leftPracticeLeft = null, leftPracticeSize = null;
        if (settings.TryGetTestData("register.leftPractice", "nhsNumbers", out var leftList))
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["nhsNumbers"] = leftList };
            (leftPracticeSize, leftPracticeLeft) = await TestDataRoles.RegistrableLeftAsync(new RoleProbe(client, settings, values, cancellationToken), "register.leftPractice").ConfigureAwait(false);
        }

        bool? releases = null;
        if (ledgerFile is not null)
        {
            var entries = BookingLedger.Read(ledgerFile, []).Where(e => string.Equals(e.ServiceRoot, serviceRoot, StringComparison.OrdinalIgnoreCase)).ToList();
            var cancelled = entries.Where(e => e.Event == BookingLedger.Cancelled).Select(e => e.AppointmentId).ToHashSet(StringComparer.Ordinal);
            var cancelledSlots = entries.Where(e => e.Event == BookingLedger.Booked && cancelled.Contains(e.AppointmentId)).SelectMany(e => e.Slots ?? [])
                .Select(id => id.StartsWith("Slot/", StringComparison.Ordinal) ? id["Slot/".Length..] : id).ToList();
            if (cancelledSlots.Count > 0) releases = cancelledSlots.Any(freeIds.Contains) ? true : null;
        }
        return new DataBudget(bySchedule, left, size, perRun, horizon, releases, leftPracticeLeft, leftPracticeSize);
    }

    public string Render(ConformanceSettings settings)
    {
        var lines = new List<string> { $"Data budget (booking horizon {HorizonDays} days from tomorrow, testData:appointments:bookingHorizon:days):" };
        lines.Add($"  a run uses up, as the scenarios that would run declare (@consumes-… tags): {PerRun}");
        lines.Add($"  free slots offered to {settings.Consumer.OdsCode}: {FreeSlots} ({string.Join(", ", FreeSlotsBySchedule.Select(kv => $"Schedule/{kv.Key}: {kv.Value}"))})");
        lines.Add(SlotsPerRun == 0
            ? "  slots a run books: none"
            : ReleasesCancelledSlots == true
                ? $"  slots a run books: {SlotsPerRun}; the provider frees cancelled slots again (a slot of a cancelled booking in the bookings ledger is offered free), so they come back"
                : $"  slots a run books: {SlotsPerRun}; not seen to come back when cancelled (the spec does not require it), so {(FreeSlots / SlotsPerRun).ToString(CultureInfo.InvariantCulture)} runs' worth are left");
        if (RegistrableLeft is { } left)
            lines.Add($"  registrable NHS numbers left (testData:register:onPds:nhsNumbers): {left} of {RegistrableSize}; a run registers {RegistrationsPerRun}: {(RegistrationsPerRun > 0 ? (left / RegistrationsPerRun).ToString(CultureInfo.InvariantCulture) + " runs" : "no limit")}");
        if (LeftPracticeLeft is { } gone)
            lines.Add($"  patients who left the practice, not re-registered yet (testData:register:leftPractice:nhsNumbers): {gone} of {LeftPracticeSize}; a run re-registers {PerRun.LeftPracticePatients}: " +
                (PerRun.LeftPracticePatients > 0 ? (gone / PerRun.LeftPracticePatients).ToString(CultureInfo.InvariantCulture) + " runs" : "no limit"));
        return string.Join(Environment.NewLine, lines);
    }
}
