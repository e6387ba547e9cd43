using Reqnroll;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>Steps that change the consumer's bearer token (spec: Cross-organisation audit and provenance (JWT)) and judge JWT timing against the configured clock-skew rule (#640).</summary>
[Binding]
public sealed class JwtSteps(ConsumerSession session, TimingScenario timing, SpecVersionExpectations expectations)
{
    [Given(@"^the JWT has no ""(\w+)"" claim$")]
    public void RemoveClaim(string claim) =>
        session.ChangeNextRequest($"JWT without {claim}", r => r.AlterToken(d => d.RemoveClaim(claim)));

    [Given(@"^the JWT ""(\w+)"" claim is null$")]
    public void NullClaim(string claim) =>
        session.ChangeNextRequest($"JWT {claim}: null", r => r.AlterToken(d => d.SetClaim(claim, (JsonNode?)null)));

    [Given(@"^the request's authorization has (.+)$")]
    public void Defect(string name)
    {
        var defect = JwtDefects.Named(name);
        session.ChangeNextRequest(defect.Name, r => defect.Apply(r, session.Client));
    }

    [Given(@"^the JWT expired (\d+) seconds ago$")]
    public void ExpiredAgo(int seconds)
    {
        timing.Point = new ClockSkewPoint(TimingClaim.ExpiredAgo, seconds);
        session.ChangeNextRequest($"JWT exp = now − {seconds} s", r => r.AlterToken(d => d.SetExpiryRelativeToNow(TimeSpan.FromSeconds(-seconds))));
    }

    [Given(@"^the JWT was issued (\d+) seconds in the future$")]
    public void IssuedAhead(int seconds)
    {
        timing.Point = new ClockSkewPoint(TimingClaim.IssuedAhead, seconds);
        session.ChangeNextRequest($"JWT iat = now + {seconds} s", r => r.AlterToken(d => d.SetIssuedAtRelativeToNow(TimeSpan.FromSeconds(seconds))));
    }

    [Then(@"^the provider should accept or reject the token as the configured clock-skew rule requires$")]
    public void JudgedByClockSkewRule()
    {
        bool mustAccept;
        try
        {
            mustAccept = timing.Point.MustAccept(expectations.ClockSkewLeewaySeconds, expectations.ValidateIat);
        }
        catch (InvalidOperationException tooClose)
        {
            throw new ScenarioNotApplicableException(tooClose.Message);
        }
        var response = session.LastResponse;
        var check = mustAccept ? ResponseChecks.Status(response, 200) : ResponseChecks.OperationOutcome(response, "BAD_REQUEST");
        if (check.Passed) return;
        var basis = timing.Point.Basis(expectations.ClockSkewLeewaySeconds, expectations.ValidateIat);
        var offset = response.Exchange.ProviderClockOffset is { } o ? $"provider clock minus harness clock ≈ {o.TotalSeconds:+0;-0;0} s" : "provider clock offset unknown (no Date header)";
        check.Fail("jwt.clock-skew", "JWT exp/iat", mustAccept ? "accepted" : "rejected with 400 BAD_REQUEST", response.Describe(),
            $"A token {timing.Point.Describe()} must be {(mustAccept ? "accepted" : "rejected")} under {basis}; {offset}.");
        check.ThrowIfFailed();
    }
}
