using System.Globalization;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Run;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>What the provider's data still supports: free slots per bookable schedule and registrable NHS numbers left.</summary>
public sealed record DataBudget(
    IReadOnlyDictionary<string, int> FreeSlotsBySchedule, int? RegistrableLeft, int? RegistrableSize,
    int? SlotsPerRun, int? RegistrationsPerRun, int HorizonDays)
{
    public int FreeSlots => FreeSlotsBySchedule.Values.Sum();

    /// <summary>
    /// Full runs the data supports: the registrable numbers left over what one run registers, and (when the provider keeps
    /// cancelled slots busy) the free slots over what one run books. Null when neither consumption is known.
    /// </summary>
    public int? RunsSupported(bool cancelledSlotsStayBusy)
    {
        var limits = new List<int>();
        if (RegistrableLeft is { } left && RegistrationsPerRun is > 0) limits.Add(left / RegistrationsPerRun.Value);
        if (cancelledSlotsStayBusy && SlotsPerRun is > 0) limits.Add(FreeSlots / SlotsPerRun.Value);
        return limits.Count == 0 ? null : limits.Min();
    }

    /// <summary>
    /// Counts the free slots (every bookable schedule, the whole booking horizon, as the configured consumer) and the
    /// registrable numbers left; what one run consumes is what the last complete run recorded in the bookings ledger
    /// (<paramref name="ledgerFile"/>), and for registrations the per-run figure the ledger's run reported.
    /// </summary>
    public static async Task<DataBudget> MeasureAsync(GpConnectClient client, ConformanceSettings settings, string serviceRoot, string? ledgerFile,
        TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var horizon = BookableSlots.HorizonDays(settings);
        var bySchedule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (start, end) in BookableSlots.Windows(UkTime.Today(clock), horizon))
        {
            var search = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
            search.Start = start;
            search.End = end;
            var response = new ProviderResponse(await client.SendAsync(search.ToRequest(), cancellationToken).ConfigureAwait(false));
            if (response.StatusCode != 200) continue;
            foreach (var slot in FreeSlot.FromSearch(response).Where(s => s.DeliveryChannel != "Visit" && s.StartInstant > clock.GetUtcNow()))
                bySchedule[slot.ScheduleId] = bySchedule.GetValueOrDefault(slot.ScheduleId) + 1;
        }

        int? left = null, size = null;
        if (settings.TryGetTestData("register.onPds", "nhsNumbers", out var list))
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["nhsNumbers"] = list };
            (size, left) = await TestDataRoles.RegistrableLeftAsync(new RoleProbe(client, settings, values, cancellationToken)).ConfigureAwait(false);
        }

        int? slotsPerRun = null;
        if (ledgerFile is not null)
        {
            var entries = BookingLedger.Read(ledgerFile, []).Where(e => e.Event == BookingLedger.Booked && string.Equals(e.ServiceRoot, serviceRoot, StringComparison.OrdinalIgnoreCase)).ToList();
            var lastRun = entries.Where(e => e.Run is not null && !e.Run.StartsWith("cleanup", StringComparison.Ordinal)).LastOrDefault()?.Run;
            if (lastRun is not null) slotsPerRun = entries.Where(e => e.Run == lastRun).Sum(e => Math.Max(1, e.Slots?.Count ?? 1));
        }
        return new DataBudget(bySchedule, left, size, slotsPerRun, RegistrationsPerRunOfSuite, horizon);
    }

    /// <summary>Registrations a complete run of the suite makes from the register.onPds pool (measured against the reference provider).</summary>
    public const int RegistrationsPerRunOfSuite = 13;

    public string Render(ConformanceSettings settings)
    {
        var lines = new List<string> { $"Data budget (booking horizon {HorizonDays} days from tomorrow, testData:appointments:bookingHorizon:days):" };
        lines.Add($"  free slots offered to {settings.Consumer.OdsCode}: {FreeSlots} ({string.Join(", ", FreeSlotsBySchedule.Select(kv => $"Schedule/{kv.Key}: {kv.Value}"))})");
        lines.Add(SlotsPerRun is { } perRun
            ? $"  slots a run books (the last run in the bookings ledger): {perRun}; they come back when the provider frees cancelled slots, otherwise {(perRun == 0 ? "-" : (FreeSlots / perRun).ToString(CultureInfo.InvariantCulture))} runs' worth are left"
            : "  slots a run books: not known yet (no complete run in the bookings ledger)");
        if (RegistrableLeft is { } left)
            lines.Add($"  registrable NHS numbers left (testData:register:onPds:nhsNumbers): {left} of {RegistrableSize}; a run registers {RegistrationsPerRun}: {(RegistrationsPerRun is > 0 ? left / RegistrationsPerRun.Value : 0)} runs");
        return string.Join(Environment.NewLine, lines);
    }
}
