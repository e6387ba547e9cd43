using Reqnroll;
using GpConnect.Conformance.Runner;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Steps shared by release-note ticket features.</summary>
[Binding]
public sealed class TicketSteps
{
    /// <summary>
    /// For tickets that change nothing a provider does (cosmetic, consumer-only): the scenario states the ticket and
    /// is reported "not applicable" with the reason, never "passed". Such features are also tagged @not-provider-testable.
    /// </summary>
    [Given(@"^this ticket changes nothing a provider does: (.+)$")]
    public void NotProviderTestable(string reason) =>
        throw new ScenarioNotApplicableException($"Not provider-testable: {reason}");
}
