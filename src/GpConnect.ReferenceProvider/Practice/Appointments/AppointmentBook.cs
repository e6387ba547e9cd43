using System.Globalization;

namespace GpConnect.ReferenceProvider.Practice.Appointments;

/// <summary>Why a booking or change was refused inside the book's lock.</summary>
internal enum BookingRefusal { None, SlotNotFree, NotFound, VersionConflict }

/// <summary>
/// The practice's appointment book. Booking checks and marks its slots busy under one lock, so two concurrent bookings of
/// the same slot can never both succeed; changes replace the appointment with a new version under the same lock.
/// </summary>
internal sealed class AppointmentBook(PracticeStore store, long firstVersion)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PracticeAppointment> _appointments = new(StringComparer.Ordinal);
    private long _version = firstVersion;
    private int _nextId = 1;

    /// <summary>The practice records whose slots this book makes busy.</summary>
    public PracticeStore Store => store;

    public PracticeAppointment? Find(string id) { lock (_gate) return _appointments.GetValueOrDefault(id); }

    /// <summary>The patient's appointments, ordered by start.</summary>
    public IReadOnlyList<PracticeAppointment> ForPatient(string patientId)
    {
        lock (_gate) return _appointments.Values.Where(a => a.PatientId == patientId).OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>How many booked (not cancelled) appointments starting after <paramref name="now"/> the organisation holds.</summary>
    public int BookedBy(string odsCode, DateTimeOffset now)
    {
        lock (_gate) return _appointments.Values.Count(a => a.BookedBy?.OdsCode == odsCode && a.Status == AppointmentStatuses.Booked && a.Start > now);
    }

    /// <summary>Every appointment in the book, ordered by start.</summary>
    public IReadOnlyList<PracticeAppointment> All()
    {
        lock (_gate) return _appointments.Values.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Books <paramref name="draft"/> (its id and version are assigned here) when every one of its slots is still free,
    /// marking them busy in the same critical section. <paramref name="allowDoubleBooking"/> is the fault switch that skips
    /// the free check; <paramref name="takeSlots"/> false (another fault) leaves the slots free.
    /// </summary>
    public (PracticeAppointment? Booked, BookingRefusal Refusal, string? SlotId) Book(PracticeAppointment draft, bool allowDoubleBooking = false, bool takeSlots = true)
    {
        lock (_gate)
        {
            foreach (var slotId in draft.SlotIds)
                if (store.FindSlot(slotId) is not { } slot || (slot.Status != "free" && !allowDoubleBooking)) return (null, BookingRefusal.SlotNotFree, slotId);
            if (takeSlots)
                foreach (var slotId in draft.SlotIds)
                    store.ReplaceSlot(store.FindSlot(slotId)! with { Status = "busy", VersionId = NextVersion() });
            var booked = draft with { Id = (_nextId++).ToString(CultureInfo.InvariantCulture), VersionId = NextVersion() };
            _appointments[booked.Id] = booked;
            return (booked, BookingRefusal.None, null);
        }
    }

    /// <summary>Adds a seeded appointment as it is (no slot checks), keeping ids unique.</summary>
    public PracticeAppointment Seed(PracticeAppointment appointment)
    {
        lock (_gate)
        {
            var seeded = appointment with { Id = (_nextId++).ToString(CultureInfo.InvariantCulture), VersionId = NextVersion() };
            if (seeded.Status == AppointmentStatuses.Booked)
                foreach (var slotId in seeded.SlotIds)
                    if (store.FindSlot(slotId) is { } slot) store.ReplaceSlot(slot with { Status = "busy" });
            _appointments[seeded.Id] = seeded;
            return seeded;
        }
    }

    /// <summary>
    /// Whether a cancellation makes the appointment's slots free again (the default, as most GP systems do). When false the
    /// slots stay busy: the other lawful behaviour, since the specification asks only for integrity, not that cancelled
    /// slots are offered again (APT-197).
    /// </summary>
    public bool ReleaseCancelledSlots { get; set; } = true;

    /// <summary>
    /// Replaces the appointment with <paramref name="change"/> applied, giving it a new version, when its current version is
    /// <paramref name="expectedVersion"/> (null: no version check). A cancellation frees its slots when
    /// <see cref="ReleaseCancelledSlots"/> is set and no other booked appointment holds them.
    /// </summary>
    public (PracticeAppointment? Updated, BookingRefusal Refusal) Update(string id, string? expectedVersion, Func<PracticeAppointment, PracticeAppointment> change)
    {
        lock (_gate)
        {
            if (!_appointments.TryGetValue(id, out var current)) return (null, BookingRefusal.NotFound);
            if (expectedVersion is not null && expectedVersion != current.VersionId) return (null, BookingRefusal.VersionConflict);
            var updated = change(current) with { Id = current.Id, VersionId = NextVersion() };
            _appointments[id] = updated;
            if (ReleaseCancelledSlots && current.Status != AppointmentStatuses.Cancelled && updated.Status == AppointmentStatuses.Cancelled)
                foreach (var slotId in updated.SlotIds)
                    if (store.FindSlot(slotId) is { Status: "busy" } slot
                        && !_appointments.Values.Any(a => a.Status == AppointmentStatuses.Booked && a.SlotIds.Contains(slotId)))
                        store.ReplaceSlot(slot with { Status = "free", VersionId = NextVersion() });
            return (updated, BookingRefusal.None);
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
