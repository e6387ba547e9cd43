namespace GpConnect.ReferenceProvider.Practice.Appointments;

/// <summary>The organisation that booked an appointment (the contained Organization of a GP Connect booking).</summary>
internal sealed record BookingOrganisation(string OdsCode, string Name, string Telephone, string? OrganisationType);

/// <summary>Appointment statuses the reference provider holds.</summary>
internal static class AppointmentStatuses
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}

/// <summary>
/// An appointment in the practice's appointment book. <see cref="BookedBy"/> is null for appointments booked directly in
/// the practice system (outside GP Connect, #663). Visit appointments (#826) take the placeholder location and keep the
/// kind of visit in <see cref="Comment"/>.
/// </summary>
internal sealed record PracticeAppointment(
    string Id,
    string VersionId,
    string PatientId,
    IReadOnlyList<string> SlotIds,
    string ScheduleId,
    string LocationId,
    string? PractitionerId,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset Created,
    string Status,
    string Description,
    string? Comment,
    BookingOrganisation? BookedBy,
    string? CancellationReason,
    string DeliveryChannel,
    string SlotType,
    string? ScheduleType,
    JobRole Role);
