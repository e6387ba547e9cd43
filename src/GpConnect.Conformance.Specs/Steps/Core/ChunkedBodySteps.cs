using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>spec: FHIR API guidance: HTTP headers and bodies: request bodies sent with Transfer-Encoding: chunked are processed like any other (CORE-025).</summary>
[Binding]
public sealed class ChunkedBodySteps(ConsumerSession session, AppointmentActions actions, ConformanceScenario scenario)
{
    [When(@"^the consumer books the slot with the request body sent chunked$")]
    public Task BookChunked()
    {
        session.ChangeNextRequest("body sent with Transfer-Encoding: chunked", r => r.SendChunked = true);
        return actions.BookAsync(actions.BookingOfChosenSlots(), scenario.CancellationToken);
    }
}
