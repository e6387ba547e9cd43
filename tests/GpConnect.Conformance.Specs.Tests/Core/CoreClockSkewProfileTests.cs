using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

/// <summary>
/// #640: the clock-skew scenarios follow the configured expectation set. Run with the released-text profile
/// (jwt:clockSkewLeewaySeconds=0, jwt:validateIat=false, which the embedded provider also applies) they still pass, because
/// "expired 60 s ago" is then expected to be rejected and "issued 180 s ahead" to be accepted; a provider keeping the
/// seed-time 120 s leeway fails exactly those two points under the released-text expectations.
/// </summary>
public sealed class CoreClockSkewProfileTests
{
    private static FeatureCatalog ClockSkewFeature() =>
        FeatureCatalog.Load(Path.Combine(RepositoryLayout.RequireRoot(), "features")).Filter(TagExpression.Parse("@ticket-640"));

    [Fact]
    public async Task The_released_text_profile_passes_against_a_provider_applying_it()
    {
        var settings = SuiteUnderTest.Settings(null, ("jwt:clockSkewLeewaySeconds", "0"), ("jwt:validateIat", "false"));

        var run = await ConformanceRun.ExecuteAsync(settings, ClockSkewFeature(), cancellationToken: TestContext.Current.CancellationToken);

        run.Scenarios.Count.ShouldBe(6);
        run.Scenarios.Where(s => s.Status != ScenarioStatus.Passed).Select(s => $"{s.Scenario.Name}: {SuiteUnderTest.FailureText(s)}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Released_text_expectations_against_a_seed_time_provider_fail_exactly_the_points_that_flip()
    {
        // The embedded provider takes its leeway from the run's settings: start it with the seed rule, then judge it as a
        // remote target with the released-text expectations.
        await using var seedProvider = await ConformanceSession.StartAsync(SuiteUnderTest.Settings(), TestContext.Current.CancellationToken);
        await using var judged = await ConformanceSession.StartAsync(SuiteUnderTest.Settings(null,
            ("jwt:clockSkewLeewaySeconds", "0"), ("jwt:validateIat", "false"),
            ("provider:target", "remote"), ("provider:fhirBaseUrl", seedProvider.Target.ServiceRoot.ToString().TrimEnd('/'))),
            TestContext.Current.CancellationToken);

        var failed = new List<string>();
        foreach (var scenario in ClockSkewFeature().Scenarios)
        {
            var result = await judged.RunAsync(scenario, TestContext.Current.CancellationToken);
            if (result.Status == ScenarioStatus.Failed) failed.Add(scenario.Info.Name);
        }

        failed.ShouldBe([
            "A token that expired 60 seconds ago is judged by the configured leeway",
            "A token issued 180 seconds in the future is judged by the configured leeway and iat rule",
            "A token issued 300 seconds in the future, beyond what NHS assurance accepts, is judged by the configured leeway and iat rule",
            "A slot search with a token that expired 60 seconds ago is judged by the configured leeway",
        ], ignoreOrder: true);
    }
}
