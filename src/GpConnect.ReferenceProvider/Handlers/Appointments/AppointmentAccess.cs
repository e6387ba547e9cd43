using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Appointments;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// Which appointments Read, Retrieve, Amend and Cancel may see: every appointment whatever its booking route or booking
/// organisation (#663). The one place the <see cref="ProviderRule.ServesAppointmentsBookedElsewhere"/> rule lives.
/// </summary>
internal sealed class AppointmentAccess(AppointmentBook book, ActiveFaults faults, TimeProvider clock)
{
    public AppointmentBook Book => book;

    /// <summary>True when the appointment is visible to GP Connect consumers.</summary>
    public bool IsVisible(PracticeAppointment appointment) =>
        !IsBookedElsewhere(appointment) || !faults.Waives(ProviderRule.ServesAppointmentsBookedElsewhere);

    /// <summary>The appointment with this id, or 404 NO_RECORD_FOUND.</summary>
    public PracticeAppointment Find(string id) =>
        book.Find(id) is { } appointment && IsVisible(appointment)
            ? appointment
            : throw new ProviderException(faults.Waives(ProviderRule.UnknownAppointmentIsNoRecordFound) ? SpineError.BadRequest : SpineError.NoRecordFound,
                $"No Appointment with id '{id}'.");

    /// <summary>
    /// True when the appointment starts before today (UK date) and the rule that past appointments cannot be read, amended
    /// or cancelled applies (spec: Appointment Management: past and cancelled appointments). The one place the <see cref="ProviderRule.PastAppointmentsRefused"/> rule lives.
    /// </summary>
    public bool IsRefusedAsPast(PracticeAppointment appointment) =>
        UkDateTime.DateOf(appointment.Start) < UkDateTime.DateOf(clock.GetUtcNow()) && !faults.Waives(ProviderRule.PastAppointmentsRefused);

    /// <summary>Booked through GP Connect by the consumer (not by another organisation, not in the practice system).</summary>
    public bool IsConsumerBooking(PracticeAppointment appointment) => !IsBookedElsewhere(appointment);

    /// <summary>Booked directly in the practice system, or through GP Connect by another organisation than the harness's.</summary>
    private static bool IsBookedElsewhere(PracticeAppointment appointment) =>
        appointment.BookedBy is null || appointment.BookedBy.OdsCode == PracticeSeeder.OtherConsumerOds;
}
