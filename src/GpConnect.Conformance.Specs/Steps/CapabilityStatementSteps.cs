using Reqnroll;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Steps of the Get the FHIR capability statement use case.</summary>
[Binding]
public sealed class CapabilityStatementSteps(ConsumerSession session, SpecVersionExpectations expectations, ConformanceScenario scenario)
{
    [When(@"^the consumer requests the FHIR capability statement$")]
    public Task RequestCapabilityStatement() =>
        session.SendAsync(new GpConnectRequest(Interactions.GetCapabilityStatement), scenario.CancellationToken);

    [Then(@"^the capability statement version should be the one expected for the target spec version$")]
    public void VersionAsExpected() => CapabilityStatementChecks.Version(session.LastResponse, expectations).ThrowIfFailed();
}
