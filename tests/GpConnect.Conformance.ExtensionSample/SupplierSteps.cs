using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain;
using Reqnroll;

namespace GpConnect.Conformance.ExtensionSample;

/// <summary>A supplier's step definitions: a real Reqnroll [Binding] class using the suite's run services and context objects.</summary>
[Binding]
public sealed class SupplierSteps(ConformanceSettings settings, ConsumerSession session, ConformanceScenario scenario)
{
    [Given(@"^the supplier's own step notes the ODS code$")]
    public void NoteOdsCode() => scenario.AddEvidence(new TextEvidence("supplier note", settings.Provider.OdsCode));

    [Then(@"^the supplier's own check finds the last response has status (\d+)$")]
    public void LastStatus(int status)
    {
        if (session.LastResponse.StatusCode != status)
            throw new ConformanceCheckException(new CheckFailure("SUPPLIER-1", null, status.ToString(), session.LastResponse.StatusCode.ToString(), "The supplier's check failed."));
    }
}
