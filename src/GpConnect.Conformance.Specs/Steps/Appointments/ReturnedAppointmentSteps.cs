using System.Text.Json.Nodes;
using Reqnroll;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>The reads of the participants an appointment names, kept for the Then step.</summary>
public sealed class ParticipantReads
{
    public List<(string Reference, ProviderResponse Response)> Reads { get; } = [];
}

/// <summary>Steps on what a returned appointment and a free-slot search must hold (<see cref="ReturnedAppointmentChecks"/>).</summary>
[Binding]
public sealed class ReturnedAppointmentSteps(ConsumerSession session, AppointmentContext appointment, ParticipantReads participants, ConformanceScenario scenario)
{
    private static readonly Dictionary<string, Interaction> ReadOf = new(StringComparer.Ordinal)
    {
        ["Patient"] = Interactions.ReadPatient,
        ["Practitioner"] = Interactions.ReadPractitioner,
        ["Location"] = Interactions.ReadLocation,
    };

    [Then(@"^every slot in the bundle should have the status free$")]
    public void EverySlotFree() => ReturnedAppointmentChecks.EverySlotFree(session.LastResponse).ThrowIfFailed();

    [Then(@"^the appointment should carry every element the spec pages require of a returned appointment$")]
    public void PageMandatory()
    {
        ResponseChecks.ResourceType(session.LastResponse, "Appointment").ThrowIfFailed();
        ReturnedAppointmentChecks.PageMandatoryElements(session.LastResponse.Resource!).ThrowIfFailed();
    }

    [When(@"^the consumer reads each patient, practitioner and location the appointment names$")]
    public async Task ReadParticipants()
    {
        // A read that returned no appointment fails here, with that response as the evidence.
        if (appointment.Representation is null) ResponseChecks.ResourceType(session.LastResponse, "Appointment").ThrowIfFailed();
        var references = (appointment.RequireRepresentation()["participant"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => p["actor"]?["reference"]?.GetValue<string>())
            .OfType<string>()
            .Where(r => r.Split('/') is [var type, { Length: > 0 }] && ReadOf.ContainsKey(type))
            .Distinct()
            .ToList();
        foreach (var reference in references)
        {
            var parts = reference.Split('/');
            var response = await session.SendAsync(GpConnectRequest.For(ReadOf[parts[0]], parts[1]), scenario.CancellationToken);
            participants.Reads.Add((reference, response));
        }
    }

    [Then(@"^every participant read should give the resource its reference names$")]
    public void ParticipantsResolve() => ReturnedAppointmentChecks.ParticipantsResolve(participants.Reads).ThrowIfFailed();
}
