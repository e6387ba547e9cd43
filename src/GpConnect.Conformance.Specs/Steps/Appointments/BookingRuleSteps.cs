using Reqnroll;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Steps for the booking rules of the Book an appointment page: one defect at a time, references the practice does not hold,
/// an unreadable body, a past slot, optional and echoed elements, Prefer, and booking for a patient just registered.
/// </summary>
[Binding]
public sealed class BookingRuleSteps(
    ConsumerSession session, AppointmentContext appointment, AppointmentActions actions, BookedAppointments booked, TestDataService data,
    ConformanceSettings settings, TimeProvider clock, ProfileValidator validator, ConformanceScenario scenario, ScenarioFindings findings)
{
    /// <summary>Ids no practice holds, so a reference to them must be refused.</summary>
    public const string UnknownSlotId = "gpcc-no-such-slot-0";

    [Given(@"^a free slot in the past found by searching for free slots$")]
    public async Task PastFreeSlot()
    {
        var today = UkTime.Today(clock);
        var search = new SlotSearch { Start = today.AddDays(-1), End = today, BookingOdsCode = settings.Consumer.OdsCode };
        var response = await session.SendAsync(search.ToRequest(), scenario.CancellationToken);
        var past = response.StatusCode == 200 ? FreeSlot.FromSearch(response).Where(s => s.StartInstant < clock.GetUtcNow() && s.DeliveryChannel != "Visit").ToList() : [];
        appointment.ChosenSlots = [past.FirstOrDefault() ?? throw new ScenarioSkippedException(
            $"A search for free slots from yesterday to today found no free slot that has already started ({response.Describe()}); the scenario needs one (spec: the Appointment Management test-data roles, TD-19).")];
    }

    [When(@"^the consumer books the slot (" + BookingDefects.Phrases + ")$")]
    public Task BookWithDefect(string defect) => actions.BookAsync(BookingDefects.Apply(Booking(), defect), scenario.CancellationToken);

    [When(@"^the consumer books a slot the practice does not hold$")]
    public Task BookUnknownSlot()
    {
        var booking = Booking();
        booking["slot"] = new JsonArray(new JsonObject { ["reference"] = $"Slot/{UnknownSlotId}" });
        return actions.BookAsync(booking, scenario.CancellationToken);
    }

    [When(@"^the consumer books the slot for a patient the practice does not hold$")]
    public Task BookForUnknownPatient()
    {
        appointment.PatientId = "gpcc-no-such-patient-0";
        return actions.BookAsync(Booking(), scenario.CancellationToken);
    }

    [When(@"^the consumer books the slot with a body that is not valid JSON$")]
    public Task BookUnreadable()
    {
        var text = Booking().ToJsonString();
        return session.SendAsync(new GpConnectRequest(Interactions.BookAppointment).WithBody(text[..(text.Length / 2)]), scenario.CancellationToken);
    }

    /// <summary>Books with an XML body (APT-117); a created appointment is recorded for teardown from the XML it returns.</summary>
    [When(@"^the consumer books the slot sending the appointment as XML$")]
    public async Task BookAsXml()
    {
        var resource = Fhir.FhirParser.Parse(Booking().ToJsonString(), Fhir.FhirFormat.Json).Root
            ?? throw new InvalidOperationException("The booking could not be turned into a FHIR element tree.");
        var request = new GpConnectRequest(Interactions.BookAppointment).WithBody(Fhir.Writing.FhirXmlWriter.Write(resource, indent: false), FhirMediaTypes.Xml);
        request.Accept = FhirMediaTypes.Xml;
        var response = await session.SendAsync(request, scenario.CancellationToken);
        if (response.StatusCode == 201 && response.Resource?.ResourceType == "Appointment" && response.Resource.SelectValue("id") is { } id) actions.RecordBooking(id, Booking());
    }

    [When(@"^the consumer books the slot sending a slot type and a schedule type of its own$")]
    public Task BookWithOwnTypes()
    {
        var booking = Booking();
        booking["serviceCategory"] = new JsonObject { ["text"] = "Schedule type chosen by the consumer" };
        booking["serviceType"] = new JsonArray(new JsonObject { ["text"] = "Slot type chosen by the consumer" });
        return actions.BookAsync(booking, scenario.CancellationToken);
    }

    [When(@"^the consumer books a free slot for the patient just registered$")]
    public async Task BookForRegisteredPatient()
    {
        var registered = session.LastResponse.BundleEntries("Patient").FirstOrDefault()?.SelectValue("id")
            ?? throw new InvalidOperationException($"The registration did not return a Patient with an id ({session.LastResponse.Describe()}), so there is no patient to book for.");
        appointment.PatientId = registered;
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken);
        appointment.ChosenSlots = [slots.FirstOrDefault() ?? throw actions.NoFreeSlots("free slot")];
        await actions.BookAsync(Booking(), scenario.CancellationToken);
    }

    [Then(@"^the response should be an OperationOutcome with Spine error code ""(\w+)"" or ""(\w+)""$")]
    public void OneOfCodes(string preferred, string tolerated) =>
        AppointmentLifecycleChecks.OperationOutcomeWithOneOf(session.LastResponse, validator, preferred, tolerated).ThrowIfFailed();

    [Then(@"^the response status should be (\d+) with no body$")]
    public void NoBody(int status) => AppointmentLifecycleChecks.NoBody(session.LastResponse, status).Settle(findings);

    [Then(@"^the appointment should carry the schedule type, delivery channel and practitioner role of the booked slot$")]
    public void ScheduleDetails() =>
        AppointmentLifecycleChecks.ScheduleDetails(Resource(), appointment.ChosenSlots.FirstOrDefault()
            ?? throw new InvalidOperationException("No slot was booked in this scenario.")).ThrowIfFailed();

    [Then(@"^the appointment should carry neither ""(\w+)"" nor ""(\w+)""$")]
    public void Neither(string first, string second) => AppointmentLifecycleChecks.Without(Resource(), first, second).ThrowIfFailed();

    /// <summary>Fills the slot limit of the organisation the test data names (APT-120): as many bookings as the limit, as that organisation.</summary>
    [Given(@"^an organisation with a slot limit has booked as many appointments as its limit allows$")]
    public async Task FillSlotLimit()
    {
        var role = data.Require(Roles.SlotLimit);
        if (!int.TryParse(role["limit"], out var limit) || limit < 1)
            throw new InvalidOperationException($"testData:appointments:slotLimit:limit must be a whole number of at least 1, not \"{role["limit"]}\".");
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken, found => found.Count > limit);
        if (slots.Count <= limit)
            throw actions.NoFreeSlots($"{limit + 1} free slots (to book up to and beyond the slot limit; {slots.Count} found)");
        for (var i = 0; i < limit; i++)
        {
            appointment.ChosenSlots = [slots[i]];
            var response = await actions.BookAsync(AsOrganisation(Booking(), role["odsCode"]), scenario.CancellationToken);
            Checks.ResponseChecks.Status(response, 201).ThrowIfFailed();
        }
        appointment.ChosenSlots = [slots[limit]];
    }

    [When(@"^that organisation books one more slot$")]
    public Task BookBeyondLimit() => actions.BookAsync(AsOrganisation(Booking(), data.Require(Roles.SlotLimit, "odsCode")), scenario.CancellationToken);

    /// <summary>The booking with <paramref name="odsCode"/> as the booking organisation's ODS code.</summary>
    private static JsonObject AsOrganisation(JsonObject booking, string odsCode)
    {
        booking["contained"]![0]!["identifier"]![0]!["value"] = odsCode;
        return booking;
    }

    private JsonObject Booking() => actions.BookingOfChosenSlots();

    private Fhir.ElementNode Resource()
    {
        Checks.ResponseChecks.ResourceType(session.LastResponse, "Appointment").ThrowIfFailed();
        return session.LastResponse.Resource!;
    }
}
