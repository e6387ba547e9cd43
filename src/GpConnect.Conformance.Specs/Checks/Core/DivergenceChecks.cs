using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>
/// The answers on which the spec pages and NHS assurance disagree (docs/expectations.md), judged by the run's
/// <see cref="DivergencePolicy"/>: the spec pages' answer passes, NHS assurance's answer warns (fails when strict),
/// anything else fails.
/// </summary>
public static class DivergenceChecks
{
    /// <summary>An error the spec pages give one Spine code for and NHS assurance another (each with its mapped HTTP status).</summary>
    public static Check ErrorCode(ProviderResponse response, DivergencePolicy policy, Divergence divergence,
        string specCode, string assuranceCode, ProfileValidator? validator = null) =>
        policy.Judge(divergence, ResponseChecks.OperationOutcome(response, specCode, validator),
            () => ResponseChecks.OperationOutcome(response, assuranceCode, validator));

    /// <summary>
    /// A JWT timing point judged by the configured #640 rule; a token issued ahead that the rule rejects but that is
    /// within the 200 s NHS assurance accepts may be accepted with a warning (divergence jwtIssuedAhead).
    /// </summary>
    /// <exception cref="InvalidOperationException">The point is too close to the configured boundary to judge.</exception>
    public static Check IssuedAhead(ProviderResponse response, ClockSkewPoint point, int leewaySeconds, bool validateIat, DivergencePolicy policy)
    {
        var mustAccept = point.MustAccept(leewaySeconds, validateIat);
        var spec = mustAccept ? ResponseChecks.Status(response, 200) : ResponseChecks.OperationOutcome(response, "BAD_REQUEST");
        var divergent = !mustAccept && point.Claim == TimingClaim.IssuedAhead && point.Seconds <= Divergence.AssuranceIssuedAheadSeconds;
        var check = divergent
            ? policy.Judge(Divergence.JwtIssuedAhead, spec, () => ResponseChecks.Status(response, 200))
            : spec;
        if (!check.Passed)
            check.Fail("jwt.clock-skew", "JWT iat", mustAccept ? "accepted" : "rejected with 400 BAD_REQUEST", response.Describe(),
                $"A token {point.Describe()} must be {(mustAccept ? "accepted" : "rejected")} under {point.Basis(leewaySeconds, validateIat)}" +
                (divergent ? $"; NHS assurance accepts up to {Divergence.AssuranceIssuedAheadSeconds} s ahead ({Divergence.JwtIssuedAhead.ConfigKey}={policy.Mode(Divergence.JwtIssuedAhead)})." : "."));
        return check;
    }

    /// <summary>A bad client certificate: the handshake refused (spec), or HTTP <paramref name="assuranceStatus"/> after it (NHS assurance).</summary>
    public static Check CertificateRefused(ProviderResponse response, string why, int assuranceStatus, DivergencePolicy policy) =>
        policy.Judge(Divergence.ClientCertificateHttpError, TransportChecks.Refused(response, why),
            () => ResponseChecks.Status(response, assuranceStatus));
}
