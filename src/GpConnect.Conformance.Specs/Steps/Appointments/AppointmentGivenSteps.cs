using Reqnroll;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>Given steps of the Appointment Management features: patients, slots found at run time, bookings, seeded appointments.</summary>
[Binding]
public sealed class AppointmentGivenSteps(
    AppointmentContext appointment, AppointmentActions actions,
    TestDataService data, ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    [Given(@"^a patient who can be booked$")]
    public void BookablePatient() => appointment.PatientId = data.Require(Roles.BookablePatient, "logicalId");

    [Given(@"^a patient with appointments booked elsewhere$")]
    public void PatientWithAppointments() => appointment.PatientId = data.Require(Roles.PatientWithAppointments, "logicalId");

    [Given(@"^a free slot found by searching for free slots$")]
    public async Task OneFreeSlot()
    {
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken);
        appointment.ChosenSlots = [slots.FirstOrDefault() ?? throw NoSlots("a free slot")];
    }

    [Given(@"^two free slots (.+) found by searching for free slots$")]
    public async Task TwoFreeSlots(string relation)
    {
        var pairing = SlotCombinations.Parse(relation);
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken, found => SlotCombinations.Find(found, pairing) is not null);
        var pair = SlotCombinations.Find(slots, pairing) ?? throw NoSlots($"two free slots {relation}");
        appointment.ChosenSlots = [pair.First, pair.Second];
    }

    [Given(@"^an appointment the consumer has booked$")]
    public async Task BookedAppointment()
    {
        appointment.PatientId ??= data.Require(Roles.BookablePatient, "logicalId");
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken);
        // Another consumer may take a slot between search and book (nightly runs in parallel): try the next few.
        foreach (var slot in slots.Take(5))
        {
            appointment.ChosenSlots = [slot];
            var response = await actions.BookAsync(AppointmentRequests.Booking([slot], appointment.PatientId, settings.Consumer, clock), scenario.CancellationToken);
            if (response.StatusCode == 201) return;
            if (response.StatusCode != 409) ResponseChecks.Status(response, 201).ThrowIfFailed();
        }
        if (slots.Count == 0) throw actions.NoFreeSlots("free slot");
        throw new InvalidOperationException("Could not book an appointment: every free slot tried was taken (409) before it could be booked.");
    }

    [Given(@"^the consumer has booked the slot$")]
    public async Task HasBooked()
    {
        appointment.PatientId ??= data.Require(Roles.BookablePatient, "logicalId");
        var response = await actions.BookAsync(AppointmentRequests.Booking(appointment.ChosenSlots, appointment.PatientId, settings.Consumer, clock), scenario.CancellationToken);
        ResponseChecks.Status(response, 201).ThrowIfFailed();
    }

    [Given(@"^an appointment booked by another organisation through GP Connect((?:, kept for cancelling)?)$")]
    public void BookedByAnotherOrganisation(string forCancelling) =>
        appointment.AppointmentId = data.Require(Roles.BookedByAnotherOrganisation, string.IsNullOrEmpty(forCancelling) ? "amendId" : "cancelId");

    [Given(@"^an appointment booked directly in the practice system((?:, kept for cancelling)?)$")]
    public void BookedOutsideGpConnect(string forCancelling) =>
        appointment.AppointmentId = data.Require(Roles.BookedOutsideGpConnect, string.IsNullOrEmpty(forCancelling) ? "amendId" : "cancelId");

    [Given(@"^an appointment id the practice does not hold$")]
    public void UnknownAppointment() => appointment.AppointmentId = "gpcc-no-such-appointment-0";

    [Given(@"^a patient the practice does not hold$")]
    public void UnknownPatient() => appointment.PatientId = "gpcc-no-such-patient-0";

    [Given(@"^the appointments asked for are those of a patient whose record is marked sensitive$")]
    public void SensitivePatient() => appointment.PatientId = data.Require("patients.sensitive", "logicalId");

    [Given(@"^a cancelled appointment$")]
    public void CancelledAppointment() => appointment.AppointmentId = data.Require(Roles.Cancelled, "appointmentId");

    [Given(@"^a Visit appointment$")]
    public void VisitAppointment() => appointment.AppointmentId = data.Require(Roles.Visit, "appointmentId");

    [Given(@"^the consumer has read the appointment$")]
    public async Task HasRead()
    {
        var response = await actions.ReadAsync(appointment.RequireId(), scenario.CancellationToken);
        ResponseChecks.Status(response, 200).ThrowIfFailed();
    }

    [Given(@"^the consumer has amended the appointment's description$")]
    public async Task HasAmended()
    {
        var response = await actions.AmendAsync(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), scenario.CancellationToken);
        ResponseChecks.Status(response, 200).ThrowIfFailed();
    }

    [Given(@"^the consumer has cancelled the appointment$")]
    public async Task HasCancelled()
    {
        var response = await actions.CancelAsync(AppointmentEdits.Cancelled(appointment.RequireRepresentation(), AppointmentActions.CancellationReason), scenario.CancellationToken);
        ResponseChecks.Status(response, 200).ThrowIfFailed();
    }

    private Exception NoSlots(string what) => actions.NoFreeSlots(what);
}
