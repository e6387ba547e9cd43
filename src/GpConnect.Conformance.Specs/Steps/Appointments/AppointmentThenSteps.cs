using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>Then steps of the Appointment Management features.</summary>
[Binding]
public sealed class AppointmentThenSteps(
    ConsumerSession session, AppointmentContext appointment, AppointmentActions actions, SpecVersionExpectations expectations, Client.Configuration.ConformanceSettings settings)
{
    [Then(@"^the provider should refuse the request with an OperationOutcome$")]
    public void Refused() => AppointmentChecks.Refused(session.LastResponse).ThrowIfFailed();

    [Then(@"^the response should be an Appointment with status ""(\w+)""$")]
    public void AppointmentWithStatus(string status) => AppointmentChecks.IsAppointment(session.LastResponse, status).ThrowIfFailed();

    [Then(@"^the response should not be a cancelled appointment$")]
    public void NotCancelled() => AppointmentChecks.NotCancelled(session.LastResponse).ThrowIfFailed();

    [Then(@"^the appointment should carry the booked slot's type as its only slot type$")]
    public void BookedSlotType() =>
        AppointmentChecks.SlotType(Resource(), expectations.ServiceTypeMax, appointment.ChosenSlots.FirstOrDefault()?.SlotType).ThrowIfFailed();

    [Then(@"^the appointment should carry one slot type$")]
    public void OneSlotType() => AppointmentChecks.SlotType(Resource(), expectations.ServiceTypeMax).ThrowIfFailed();

    [Then(@"^every appointment in the bundle should carry one slot type$")]
    public void EverySlotType()
    {
        var check = BundleChecks.Contains(session.LastResponse, "Appointment");
        foreach (var entry in session.LastResponse.BundleEntries("Appointment")) check.Add(AppointmentChecks.SlotType(entry, expectations.ServiceTypeMax).Failures);
        check.ThrowIfFailed();
    }

    [Then(@"^the appointment should reference the booked slots$")]
    public void BothSlots() => AppointmentChecks.Slots(Resource(), appointment.ChosenSlots.Select(s => s.Id).ToList()).ThrowIfFailed();

    [Then(@"^the appointment should span the booked slots$")]
    public void SpansSlots()
    {
        var ordered = appointment.ChosenSlots.OrderBy(s => s.StartInstant).ToList();
        var check = AppointmentChecks.Value(Resource(), "start", ordered[0].Start);
        check.Add(AppointmentChecks.Value(Resource(), "end", ordered[^1].End).Failures).ThrowIfFailed();
    }

    [Then(@"^the appointment's description should be the amended text$")]
    public void AmendedDescription() =>
        AppointmentChecks.Value(Resource(), "description", actions.SentDescription ?? throw new InvalidOperationException("No amend was sent.")).ThrowIfFailed();

    [Then(@"^the response should name the new version in its Location and ETag headers$")]
    public void CreatedHeaders() => AppointmentChecks.CreatedHeaders(session.LastResponse).ThrowIfFailed();

    [Then(@"^the appointment should name the consumer as booking organisation, as it was sent$")]
    public void BookingOrganisation() =>
        AppointmentChecks.BookingOrganisation(Resource(), settings.Consumer.OdsCode, AppointmentRequests.ConsumerName(settings.Consumer), AppointmentRequests.ConsumerTelephone)
            .ThrowIfFailed();

    [Then(@"^the appointment's comment should be the amended text$")]
    public void AmendedComment() =>
        AppointmentChecks.Value(Resource(), "comment", actions.SentComment ?? throw new InvalidOperationException("No comment was sent.")).ThrowIfFailed();

    [Then(@"^the appointment's description and comment should be stored as sent$")]
    public void TextsAsSent()
    {
        var check = AppointmentChecks.Value(Resource(), "description", actions.SentDescription ?? "");
        check.Add(AppointmentChecks.Value(Resource(), "comment", actions.SentComment ?? "").Failures).ThrowIfFailed();
    }

    [Then(@"^the booked slots should not be among the free slots$")]
    public void BookedSlotsNotOffered() =>
        AppointmentChecks.NotOffered(session.LastResponse, appointment.ChosenSlots.Select(s => s.Id).ToList()).ThrowIfFailed();

    [Then(@"^the appointment should have a new version$")]
    public void NewVersion() => AppointmentChecks.NewVersion(Resource(), appointment.PreviousVersionId).ThrowIfFailed();

    [Then(@"^the appointment should carry the cancellation reason that was sent$")]
    public void CancellationReason() =>
        AppointmentChecks.CancellationReason(Resource(), actions.SentReason ?? AppointmentActions.CancellationReason).ThrowIfFailed();

    [Then(@"^the appointment's delivery channel should be ""([\w-]+)""$")]
    public void DeliveryChannel(string code) => AppointmentChecks.DeliveryChannel(Resource(), code).ThrowIfFailed();

    [Then(@"^the patient's appointments should include that appointment$")]
    public void IncludesAppointment() =>
        AppointmentChecks.BundleHasAppointment(session.LastResponse, appointment.RequireId(), "the appointment the scenario is about").ThrowIfFailed();

    [Then(@"^the read appointment should have the requested id$")]
    public void RequestedId() => AppointmentChecks.Value(Resource(), "id", appointment.RequireId()).ThrowIfFailed();

    private Fhir.ElementNode Resource()
    {
        ResponseChecks.ResourceType(session.LastResponse, "Appointment").ThrowIfFailed();
        return session.LastResponse.Resource!;
    }
}
