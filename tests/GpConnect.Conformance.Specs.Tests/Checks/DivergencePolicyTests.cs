using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

/// <summary>The divergence policy (docs/expectations.md) and the warning plumbing of checks.</summary>
public sealed class DivergencePolicyTests
{
    private static DivergencePolicy Policy(params (string Key, string Value)[] settings) => new(SuiteUnderTest.Settings(null, settings));

    private static Check Passing() => new();
    private static Check Failing(string why) => new Check().Fail("r", null, null, null, why);

    [Fact]
    public void The_spec_answer_passes_the_assurance_answer_warns_and_anything_else_fails()
    {
        var policy = Policy();
        var d = Divergence.RegisterPatientRequestErrors;
        policy.Judge(d, Passing(), () => throw new InvalidOperationException("not asked")).Passed.ShouldBeTrue();

        var warned = policy.Judge(d, Failing("Expected HTTP 422"), Passing);
        warned.Passed.ShouldBeTrue();
        warned.Warnings.ShouldHaveSingleItem().Message.ShouldContain("expectations:divergences:registerPatientRequestErrors=strict to fail it");

        var failed = policy.Judge(d, Failing("Expected HTTP 422"), () => Failing("Expected HTTP 400"));
        failed.Passed.ShouldBeFalse();
        failed.Failures.Select(f => f.Message).ShouldContain("Expected HTTP 422");
    }

    [Fact]
    public void Strict_makes_the_assurance_answer_fail_for_that_divergence_only_and_all_makes_every_one_strict()
    {
        var policy = Policy(("expectations:divergences:jwtIssuedAhead", "strict"));
        policy.Judge(Divergence.JwtIssuedAhead, Failing("x"), Passing).Failures.ShouldHaveSingleItem().Message.ShouldContain("jwtIssuedAhead=strict makes this a failure");
        policy.Judge(Divergence.JwtClaimResourceType, Failing("x"), Passing).Passed.ShouldBeTrue();

        var all = Policy(("expectations:divergences:all", "strict"));
        Divergence.All.ShouldAllBe(d => all.IsStrict(d));
    }

    [Fact]
    public void A_bad_switch_value_or_name_is_a_configuration_error_naming_the_key()
    {
        Should.Throw<ConfigurationException>(() => Policy(("expectations:divergences:jwtIssuedAhead", "lenient")))
            .Message.ShouldContain("expectations:divergences:jwtIssuedAhead must be \"warn\" or \"strict\"");
        Should.Throw<ConfigurationException>(() => Policy(("expectations:divergences:noSuchThing", "strict")))
            .Message.ShouldContain("expectations:divergences:noSuchThing is not a configuration key"); // the schema names it before the policy does
    }

    [Fact]
    public void A_check_with_warnings_cannot_be_thrown_away_and_settling_records_them_on_the_scenario()
    {
        var check = new Check().Warn("should", null, null, null, "a SHOULD-level finding");
        Should.Throw<InvalidOperationException>(() => check.ThrowIfFailed()).Message.ShouldContain("Settle");

        var context = new ConformanceScenario(new ScenarioInfo { Id = "f:1", FeatureFile = "f", FeatureName = "F", Name = "s", Line = 1, Tags = [] }, CancellationToken.None);
        var findings = new ScenarioFindings(context);
        check.Settle(findings);
        context.Warnings.ShouldHaveSingleItem().Rule.ShouldBe("should");

        Should.Throw<ConformanceCheckException>(() => new Check().Fail("r", null, null, null, "broken").Warn("w", null, null, null, "x").Settle(findings));
        context.Warnings.Count.ShouldBe(2);
    }

    [Fact]
    public void A_token_issued_ahead_within_200_seconds_is_the_jwt_divergence_and_beyond_it_is_not()
    {
        var accepted = CannedResponses.Json(200, "{\"resourceType\":\"CapabilityStatement\"}");
        DivergenceChecks.IssuedAhead(accepted, new ClockSkewPoint(TimingClaim.IssuedAhead, 180), 120, true, Policy())
            .Warnings.ShouldHaveSingleItem().Rule.ShouldBe("divergence.jwtIssuedAhead");
        var beyond = DivergenceChecks.IssuedAhead(accepted, new ClockSkewPoint(TimingClaim.IssuedAhead, 300), 120, true, Policy());
        beyond.Passed.ShouldBeFalse();
        beyond.Warnings.ShouldBeEmpty();
    }
}
