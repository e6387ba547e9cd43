using Reqnroll;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Then steps for the exact error of a refused booking, amendment or cancellation (<see cref="RefusalChecks"/>): the code
/// the spec names, a code the sources tolerate (a warning), or, where the spec names none, the code GP Connect's error
/// guidance gives (another GP Connect refusal is a warning).
/// </summary>
[Binding]
public sealed class RefusalSteps(
    ConsumerSession session, ProfileValidator validator, ScenarioFindings findings, AppointmentContext appointment, AppointmentActions actions,
    ConformanceScenario scenario)
{
    [When(@"^the consumer amends the appointment's description (" + ReferenceDefects.Phrases + ")$")]
    public Task AmendWithDefect(string defect) =>
        actions.AmendAsync(ReferenceDefects.Apply(AppointmentEdits.WithDescription(appointment.RequireRepresentation(), actions.NewDescription()), defect),
            scenario.CancellationToken);

    [When(@"^the consumer cancels the appointment (" + ReferenceDefects.Phrases + ")$")]
    public Task CancelWithDefect(string defect) =>
        actions.CancelAsync(ReferenceDefects.Apply(AppointmentEdits.Cancelled(appointment.RequireRepresentation(), AppointmentActions.CancellationReason), defect),
            scenario.CancellationToken);

    [Then(@"^the provider should refuse it with ""([A-Z_]+)"", the code GP Connect's error guidance gives where the spec names none$")]
    public void GuidanceCode(string code) => RefusalChecks.RefusedWith(session.LastResponse, code, [], validator).Settle(findings);

    [Then(@"^the response should be an OperationOutcome with Spine error code ""([A-Z_]+)"", or ""([A-Z_]+)"" with a warning$")]
    public void ToleratedWithWarning(string code, string tolerated) =>
        RefusalChecks.RefusedWith(session.LastResponse, code, [tolerated], validator).Settle(findings);
}
