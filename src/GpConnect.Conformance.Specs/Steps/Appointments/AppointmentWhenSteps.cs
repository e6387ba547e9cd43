using Reqnroll;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>When steps of the Appointment Management features: book, read, retrieve, amend, cancel.</summary>
[Binding]
public sealed class AppointmentWhenSteps(
    AppointmentContext appointment, AppointmentActions actions, TestDataService data, TimeProvider clock, ConformanceScenario scenario)
{
    [When(@"^the consumer books the slots?$")]
    public Task Book() => actions.BookAsync(Booking(), scenario.CancellationToken);

    [When(@"^the consumer books the same slot again$")]
    public Task BookAgain() => actions.BookAsync(Booking(), scenario.CancellationToken);

    [When(@"^the consumer books the slot with a cancellation reason in the request$")]
    public Task BookWithCancellationReason() =>
        actions.BookAsync(AppointmentEdits.WithCancellationReason(Booking(), AppointmentActions.CancellationReason), scenario.CancellationToken);

    [When(@"^the consumer books the slot with ""(\w+)"" in the request$")]
    public Task BookWithForbiddenElement(string element)
    {
        var booking = Booking();
        booking[element] = element == "requestedPeriod"
            ? new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["start"] = booking["start"]!.GetValue<string>() })
            : element is "indication" or "supportingInformation" or "incomingReferral"
                ? new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["reference"] = "Condition/1" })
                : new System.Text.Json.Nodes.JsonObject { ["text"] = "Not to be sent" };
        return actions.BookAsync(booking, scenario.CancellationToken);
    }

    [When(@"^the consumer books the slot with a (\d+)-character description and a (\d+)-character comment$")]
    public Task BookWithTextsOfLength(int descriptionLength, int commentLength)
    {
        var booking = Booking();
        booking["description"] = actions.Text(descriptionLength, "description");
        booking["comment"] = actions.Text(commentLength, "comment");
        return actions.BookAsync(booking, scenario.CancellationToken);
    }

    [When(@"^the consumer books the Visit slot$")]
    public Task BookVisitSlot()
    {
        var slot = data.Require(Roles.VisitSlot);
        appointment.PatientId ??= data.Require(Roles.BookablePatient, "logicalId");
        // The suite cannot search for a Visit slot (searches never return them), so it knows only its id: the booking says
        // tomorrow for its times, and the provider must refuse the slot whatever the times.
        var tomorrow = clock.GetUtcNow().AddDays(1);
        var visit = new FreeSlot(slot["slotId"], "", UkDateTimeText.Format(tomorrow), UkDateTimeText.Format(tomorrow.AddMinutes(30)),
            tomorrow, tomorrow.AddMinutes(30), "Visit", null, slot["locationId"], null);
        appointment.ChosenSlots = [visit];
        return actions.BookAsync(Booking(), scenario.CancellationToken);
    }

    [When(@"^the consumer reads the appointment$")]
    public Task Read() => actions.ReadAsync(appointment.RequireId(), scenario.CancellationToken);

    [When(@"^the consumer retrieves the patient's appointments for the next (\d+) days$")]
    public Task RetrieveAhead(int days)
    {
        var today = UkTime.Today(clock);
        return actions.RetrieveAsync(AppointmentRequests.Retrieve(Patient(), today, today.AddDays(days)), scenario.CancellationToken);
    }

    [When(@"^the consumer retrieves the patient's appointments from (\d+) days ago to tomorrow$")]
    public Task RetrieveFromPast(int daysAgo)
    {
        var today = UkTime.Today(clock);
        return actions.RetrieveAsync(AppointmentRequests.Retrieve(Patient(), today.AddDays(-daysAgo), today.AddDays(1)), scenario.CancellationToken);
    }

    [When(@"^the consumer retrieves the patient's appointments with start ""([^""]*)"" and start ""([^""]*)""$")]
    public Task RetrieveWithStarts(string first, string second) =>
        actions.RetrieveAsync(AppointmentRequests.RetrieveWithStarts(Patient(), Dated(first), Dated(second)), scenario.CancellationToken);

    [When(@"^the consumer retrieves the patient's appointments with only start ""([^""]*)""$")]
    public Task RetrieveWithOneStart(string only) =>
        actions.RetrieveAsync(AppointmentRequests.RetrieveWithStarts(Patient(), Dated(only)), scenario.CancellationToken);

    [When(@"^the consumer retrieves the patient's appointments without any start parameter$")]
    public Task RetrieveWithoutStart() =>
        actions.RetrieveAsync(AppointmentRequests.RetrieveWithStarts(Patient()), scenario.CancellationToken);

    [When(@"^the consumer amends the appointment's description and comment$")]
    public Task AmendBoth() =>
        actions.AmendAsync(AppointmentEdits.WithComment(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), actions.NewComment()),
            scenario.CancellationToken);

    [When(@"^the consumer cancels the appointment giving a (\d+)-character reason$")]
    public Task CancelWithLongReason(int length) =>
        actions.CancelAsync(AppointmentEdits.Cancelled(appointment.RequireRepresentation(), actions.SentReason = actions.Text(length, "cancellation reason")),
            scenario.CancellationToken);

    [When(@"^the consumer amends the appointment's comment$")]
    public Task AmendComment() =>
        actions.AmendAsync(AppointmentEdits.WithComment(appointment.RequireRepresentation(), actions.NewComment()), scenario.CancellationToken);

    [When(@"^the consumer amends the appointment to a (\d+)-character description and a (\d+)-character comment$")]
    public Task AmendWithTextsOfLength(int descriptionLength, int commentLength) =>
        actions.AmendAsync(AppointmentEdits.WithComment(
            AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.Text(descriptionLength, "description")),
            actions.Text(commentLength, "comment")), scenario.CancellationToken);

    [When(@"^the consumer amends the appointment's description$")]
    public Task AmendDescription() =>
        actions.AmendAsync(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), scenario.CancellationToken);

    [When(@"^the consumer amends the appointment's description with the version it read before the last change$")]
    public Task AmendStale() =>
        actions.AmendAsync(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), scenario.CancellationToken,
            appointment.PreviousETag ?? throw new InvalidOperationException("No earlier version: a Given step must change the appointment first."));

    [When(@"^the consumer amends the appointment changing its (start|end|status|priority|participant)$")]
    public Task AmendForbidden(string element) =>
        actions.AmendAsync(AppointmentEdits.WithForbiddenChange(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), element),
            scenario.CancellationToken);

    [When(@"^the consumer amends the appointment adding a cancellation reason$")]
    public Task AmendWithCancellationReason() =>
        actions.AmendAsync(AppointmentEdits.WithCancellationReason(appointment.RequireRepresentation(), AppointmentActions.CancellationReason), scenario.CancellationToken);

    [When(@"^the consumer cancels the appointment$")]
    public Task Cancel() =>
        actions.CancelAsync(AppointmentEdits.Cancelled(appointment.RequireRepresentation(), AppointmentActions.CancellationReason), scenario.CancellationToken);

    [When(@"^the consumer cancels the appointment with the version it read before the last change$")]
    public Task CancelStale() =>
        actions.CancelAsync(AppointmentEdits.Cancelled(appointment.RequireRepresentation(), AppointmentActions.CancellationReason), scenario.CancellationToken,
            appointment.PreviousETag ?? throw new InvalidOperationException("No earlier version: a Given step must change the appointment first."));

    [When(@"^the consumer cancels the appointment also changing its (description|comment|participant)$")]
    public Task CancelAndChange(string element)
    {
        var cancelled = AppointmentEdits.Cancelled(appointment.RequireRepresentation(), AppointmentActions.CancellationReason);
        var changed = element switch
        {
            "description" => AppointmentEdits.WithDescription(cancelled, actions.NewDescription()),
            "comment" => AppointmentEdits.WithComment(cancelled, actions.NewComment()),
            _ => AppointmentEdits.WithForbiddenChange(cancelled, element),
        };
        return actions.CancelAsync(changed, scenario.CancellationToken);
    }

    private JsonObject Booking() => actions.BookingOfChosenSlots();

    private string Dated(string text) => DateTokens.Resolve(text, UkTime.Today(clock));

    private string Patient() =>
        appointment.PatientId ?? throw new InvalidOperationException("No patient has been chosen: a Given step must name the patient first.");
}
