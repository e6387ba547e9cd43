using Reqnroll;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>
/// Then steps for the places where the spec pages and NHS assurance disagree (docs/expectations.md). Each names its
/// divergence, whose switch expectations:divergences:&lt;name&gt; (warn or strict) decides NHS assurance's answer.
/// </summary>
[Binding]
public sealed class DivergenceSteps(
    ConsumerSession session, SpecVersionExpectations expectations, ScenarioFindings findings, ProfileValidator validator,
    TimingScenario timing, TlsScenario tls)
{
    [Then(@"^the provider should refuse it with ""([A-Z_]+)"" as the spec pages say, or with ""([A-Z_]+)"" as NHS assurance expects \(divergence (\w+)\)$")]
    public void ErrorCode(string specCode, string assuranceCode, string divergence) =>
        DivergenceChecks.ErrorCode(session.LastResponse, expectations.Divergences, Divergence.Named(divergence), specCode, assuranceCode, validator)
            .Settle(findings);

    [Then(@"^the provider should judge the token by the configured clock-skew rule, or accept it as NHS assurance does up to 200 seconds ahead \(divergence jwtIssuedAhead\)$")]
    public void IssuedAhead()
    {
        try
        {
            timing.Point.MustAccept(expectations.ClockSkewLeewaySeconds, expectations.ValidateIat);
        }
        catch (InvalidOperationException tooClose)
        {
            throw new ScenarioNotApplicableException(tooClose.Message);
        }
        DivergenceChecks.IssuedAhead(session.LastResponse, timing.Point, expectations.ClockSkewLeewaySeconds, expectations.ValidateIat, expectations.Divergences)
            .Settle(findings);
    }

    [Then(@"^the provider should refuse the handshake (.+), or answer HTTP (495|496) as NHS assurance accepts \(divergence clientCertificateHttpError\)$")]
    public void CertificateRefused(string why, int status) =>
        DivergenceChecks.CertificateRefused(tls.LastResponse, why, status, expectations.Divergences).Settle(findings);
}
