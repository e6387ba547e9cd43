using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// Read an appointment (spec: Read an appointment): any appointment that starts today or later, whatever its status, booking
/// route or delivery channel (Visit included, #826), with <c>ETag: W/"versionId"</c>; past appointments and unknown ids → 404.
/// </summary>
internal sealed class ReadAppointmentHandler(AppointmentAccess access, AppointmentMapper mapper, Faults.ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.ReadAppointment;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var appointment = access.Find(request.Path.Id!);
        if (access.IsRefusedAsPast(appointment))
            throw new ProviderException(SpineError.NoRecordFound, $"Appointment/{appointment.Id} is in the past; only current and future appointments can be read.");
        var resource = mapper.Appointment(appointment);
        if (faults.Waives(Faults.ProviderRule.ReadGivesEachInstantItsOffset))
        {
            var bookedIn = Faults.FaultCatalogue.OffsetWritten(resource["created"]?.GetValue<string>());
            Faults.FaultCatalogue.KeepWallTimeWithOffset(resource, bookedIn);
        }
        return ProviderResponse.Read(resource);
    }
}
