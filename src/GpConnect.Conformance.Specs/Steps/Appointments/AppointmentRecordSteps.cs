using Reqnroll;
using System.Globalization;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Steps about the appointments a practice holds (the Appointment Management pages): the range bounds of Retrieve,
/// patients with dissent or no appointments, past appointments, business identifiers, Visit placeholders and what a
/// cancellation must leave alone.
/// </summary>
[Binding]
public sealed class AppointmentRecordSteps(
    ConsumerSession session, AppointmentContext appointment, AppointmentActions actions, TestDataService data, TimeProvider clock, ConformanceScenario scenario)
{
    [Given(@"^the appointments asked for are those of a patient who has dissented from sharing their record$")]
    public void DissentingPatient() => appointment.PatientId = data.Require("patients.dissent", "logicalId");

    [Given(@"^a patient without appointments in the coming two weeks$")]
    public void PatientWithoutAppointments() => appointment.PatientId = data.Require(Roles.PatientWithoutAppointments, "logicalId");

    [Given(@"^an appointment of the patient earlier today, whose time has passed$")]
    public void EarlierToday() => appointment.AppointmentId = data.Require(Roles.EarlierToday, "appointmentId");

    [Given(@"^an appointment for which the practice holds business identifiers$")]
    public void WithIdentifiers() => appointment.AppointmentId = data.Require(Roles.WithBusinessIdentifiers, "appointmentId");

    [Given(@"^an appointment that started before today$")]
    public void PastAppointment() => appointment.AppointmentId = data.Require(Roles.Past, "appointmentId");

    /// <summary>
    /// The consumer's copy of the past appointment: the provider's representation when it serves one (which it must not,
    /// APT-150), else one composed from what the test data records, so the change that follows has a body to send.
    /// </summary>
    [Given(@"^the consumer holds that appointment as the practice recorded it$")]
    public async Task HoldsPastAppointment()
    {
        var response = await actions.ReadAsync(appointment.RequireId(), scenario.CancellationToken);
        if (response.StatusCode == 200 && appointment.Representation is not null) return;
        appointment.Representation = new JsonObject
        {
            ["resourceType"] = "Appointment",
            ["id"] = appointment.RequireId(),
            ["meta"] = new JsonObject { ["profile"] = new JsonArray(AppointmentRequests.Profile) },
            ["status"] = "booked",
            ["description"] = data.Require(Roles.Past, "description"),
        };
        appointment.ETag = null;
    }

    [When(@"^the consumer retrieves the patient's appointments for the next (\d+) days with the extra parameter ""([^""=]+)=([^""]*)""$")]
    public Task RetrieveWithExtra(int days, string name, string value)
    {
        var today = UkTime.Today(clock);
        return actions.RetrieveAsync(AppointmentRequests.Retrieve(Patient(), today, today.AddDays(days)).AddQuery(name, value), scenario.CancellationToken);
    }

    [When(@"^the consumer retrieves the patient's appointments from today to (the day of|the day before) that appointment$")]
    public Task RetrieveUpTo(string which)
    {
        var day = AppointmentDay();
        var to = which == "the day of" ? day : day.AddDays(-1);
        var today = UkTime.Today(clock);
        if (to < today)
            throw new ScenarioSkippedException($"The appointment is on {day:yyyy-MM-dd}, too soon for a range ending {which} it that does not start in the past; configure one at least two days ahead.");
        return actions.RetrieveAsync(AppointmentRequests.Retrieve(Patient(), today, to), scenario.CancellationToken);
    }

    [When(@"^the consumer reads the Location the appointment names$")]
    public Task ReadLocation() =>
        session.SendAsync(GpConnectRequest.For(Interactions.ReadLocation, NamedLocation()), scenario.CancellationToken);

    [When(@"^the consumer cancels the appointment (" + CancellationDefects.Phrases + ")$")]
    public Task CancelWithDefect(string defect) =>
        actions.CancelAsync(CancellationDefects.Apply(appointment.RequireRepresentation(), defect, AppointmentActions.CancellationReason), scenario.CancellationToken);

    [Then(@"^the patient's appointments should not include that appointment$")]
    public void ExcludesAppointment() =>
        AppointmentLifecycleChecks.BundleLacksAppointment(session.LastResponse, appointment.RequireId(), "it starts after the upper bound of the range").ThrowIfFailed();

    [Then(@"^the response should be an empty searchset$")]
    public void EmptySearchset() => AppointmentLifecycleChecks.EmptySearchset(session.LastResponse).ThrowIfFailed();

    [Then(@"^the appointment's identifiers should each carry only a system and a value$")]
    public void Identifiers()
    {
        ResponseChecks.ResourceType(session.LastResponse, "Appointment").ThrowIfFailed();
        AppointmentLifecycleChecks.BusinessIdentifiers(session.LastResponse.Resource!).ThrowIfFailed();
    }

    [Then(@"^everything but the status and the cancellation reason should be as it was before the cancellation$")]
    public void UnchangedButStatus() =>
        AppointmentLifecycleChecks.UnchangedButStatusAndReason(
            appointment.PreviousRepresentation ?? throw new InvalidOperationException("No appointment was changed in this scenario."),
            appointment.RequireRepresentation()).ThrowIfFailed();

    [Then(@"^the Location read should not be one of the practice's surgeries$")]
    public void NotASurgery()
    {
        ResponseChecks.ResourceType(session.LastResponse, "Location").ThrowIfFailed();
        var surgeries = new[] { "locations.mainSurgery", "locations.branchSurgery" }
            .Where(data.IsConfigured).Select(role => data.Require(role, "logicalId")).ToList();
        if (surgeries.Count == 0)
            throw new ScenarioSkippedException("Neither locations.mainSurgery nor locations.branchSurgery is configured, so the practice's surgeries are unknown.");
        AppointmentLifecycleChecks.NotASurgery(session.LastResponse.Resource!.SelectValue("id") ?? "", surgeries).ThrowIfFailed();
    }

    [Then(@"^the appointment's comment should name the kind of visit$")]
    public void CommentNamesVisit()
    {
        var read = appointment.RequireRepresentation();
        var node = Fhir.FhirParser.Parse(read.ToJsonString(), Fhir.FhirFormat.Json).Root
            ?? throw new InvalidOperationException("The appointment read could not be parsed.");
        AppointmentLifecycleChecks.CommentMentions(node, data.Require(Roles.VisitType, "text")).ThrowIfFailed();
    }

    private DateOnly AppointmentDay()
    {
        var start = appointment.RequireRepresentation()["start"]?.GetValue<string>();
        return start is { Length: >= 10 } && DateOnly.TryParseExact(start[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"The appointment read has no usable start ({start ?? "absent"}).");
    }

    /// <summary>
    /// The Location the appointment read names. What the provider answered decides this, so a missing appointment or
    /// Location participant is a finding, not a harness error.
    /// </summary>
    private string NamedLocation()
    {
        var representation = appointment.Representation ?? throw new ConformanceCheckException(new CheckFailure("appointment.location", "Appointment", "an appointment read",
            $"HTTP {session.LastResponse.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response"}",
            $"The appointment could not be read, so there is no Location it names to read (last response: HTTP {session.LastResponse.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})."));
        var references = (representation["participant"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => p["actor"]?["reference"]?.GetValue<string>()).ToList();
        return references.Select(r => FreeSlot.Reference(r, "Location")).FirstOrDefault(id => id is not null)
            ?? throw new ConformanceCheckException(new CheckFailure("appointment.location", "Appointment.participant", "a Location participant",
                string.Join(", ", references), $"The appointment names no Location participant (participants: {string.Join(", ", references)})."));
    }

    private string Patient() =>
        appointment.PatientId ?? throw new InvalidOperationException("No patient has been chosen: a Given step must name the patient first.");
}
