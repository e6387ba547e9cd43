using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>core.md §1.6: request bodies sent with Transfer-Encoding: chunked are processed like any other (CORE-025).</summary>
[Binding]
public sealed class ChunkedBodySteps(
    ConsumerSession session, AppointmentContext appointment, AppointmentActions actions, TestDataService data,
    ConformanceSettings settings, TimeProvider clock, ScenarioContext scenario)
{
    [When(@"the consumer books the slot with the request body sent chunked")]
    public Task BookChunked()
    {
        if (appointment.ChosenSlots.Count == 0) throw new InvalidOperationException("No slot has been chosen: a Given step must find free slots first.");
        appointment.PatientId ??= data.Require(Roles.BookablePatient, "logicalId");
        session.ChangeNextRequest("body sent with Transfer-Encoding: chunked", r => r.SendChunked = true);
        return actions.BookAsync(AppointmentRequests.Booking(appointment.ChosenSlots, appointment.PatientId, settings.Consumer, clock), scenario.CancellationToken);
    }
}
