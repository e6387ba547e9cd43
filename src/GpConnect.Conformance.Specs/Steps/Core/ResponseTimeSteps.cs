using Reqnroll;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Core;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>Steps of the response-time feature (spec: Non-functional requirements): several requests of one kind, judged by the fastest answer.</summary>
[Binding]
public sealed class ResponseTimeSteps(
    ConsumerSession session, ResponseTimeContext timing, SpecVersionExpectations expectations, ConformanceSettings settings,
    TimeProvider clock, AppointmentActions actions, TestDataService data, ConformanceScenario scenario, ScenarioFindings findings)
{
    [When(@"^the consumer sends the ""([^""]+)"" request (\d+) times$")]
    public async Task SendRepeatedly(string useCase, int times)
    {
        for (var i = 0; i < times; i++)
            timing.Responses.Add(await session.SendAsync(RepresentativeRequests.For(useCase, settings, clock), scenario.CancellationToken));
    }

    [When(@"^the consumer books (\d+) free slots one after another$")]
    public async Task BookSeveral(int count)
    {
        var patient = data.Require(Roles.BookablePatient, "logicalId");
        var slots = await actions.FindFreeSlotsAsync(scenario.CancellationToken, found => found.Count >= count);
        if (slots.Count < count)
            throw actions.NoFreeSlots($"{count} free slots ({slots.Count} found)");
        foreach (var slot in slots.Take(count))
            timing.Responses.Add(await actions.BookAsync(AppointmentRequests.Booking([slot], patient, settings.Consumer, clock), scenario.CancellationToken));
    }

    [Then(@"^the fastest answer should come within the query time limit$")]
    public void WithinQueryLimit() =>
        ResponseTimeChecks.Fastest(timing.Responses, expectations.QueryResponseLimit, expectations.QueryResponseTarget, "query",
            "expectations:queryResponseLimitMs", "expectations:queryResponseTargetMs").Settle(findings);

    [Then(@"^the fastest answer should come within the command time limit$")]
    public void WithinCommandLimit() =>
        ResponseTimeChecks.Fastest(timing.Responses, expectations.CommandResponseLimit, expectations.CommandResponseTarget, "command",
            "expectations:commandResponseLimitMs", "expectations:commandResponseTargetMs").Settle(findings);
}

/// <summary>The answers a response-time scenario collected (per scenario).</summary>
public sealed class ResponseTimeContext
{
    public List<ProviderResponse> Responses { get; } = [];
}
