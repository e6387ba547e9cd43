using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// The appointment a scenario is working on (per scenario): its id, the representation last read or returned, that
/// representation's version and ETag, the version before the last change, and the slots chosen for a booking.
/// </summary>
public sealed class AppointmentContext
{
    /// <summary>Free slots found by the scenario's last search.</summary>
    public IReadOnlyList<FreeSlot> FoundSlots { get; set; } = [];

    /// <summary>The first window search of the last free-slot hunt that was not answered 200 (null when all were).</summary>
    public ProviderResponse? FailedSlotSearch { get; set; }

    /// <summary>Slots the next booking is for.</summary>
    public IReadOnlyList<FreeSlot> ChosenSlots { get; set; } = [];

    /// <summary>The patient the scenario books or retrieves for.</summary>
    public string? PatientId { get; set; }

    public string? AppointmentId { get; set; }

    /// <summary>The Appointment as last read from (or returned by) the provider.</summary>
    public JsonObject? Representation { get; set; }

    /// <summary>The ETag that came with <see cref="Representation"/>, e.g. W/"3".</summary>
    public string? ETag { get; set; }

    /// <summary>The ETag before the last successful change (for stale If-Match scenarios).</summary>
    public string? PreviousETag { get; set; }

    /// <summary>The representation before the last successful change, for "everything else unchanged" checks.</summary>
    public JsonObject? PreviousRepresentation { get; set; }

    /// <summary>The version id before the last change, for "a new version" checks.</summary>
    public string? PreviousVersionId { get; set; }

    /// <summary>The representation, or a clear failure when no step has read or booked one yet.</summary>
    public JsonObject RequireRepresentation() =>
        Representation ?? throw new InvalidOperationException(
            "No appointment has been read or booked in this scenario yet: a Given step must read or book one before it can be changed.");

    public string RequireId() =>
        AppointmentId ?? throw new InvalidOperationException("No appointment has been chosen in this scenario yet.");
}
