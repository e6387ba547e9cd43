using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// The Foundations scenarios that depend on the target version: the clean reference provider passes every applicable
/// scenario when run as 1.2.3 and 1.2.4 too, and the release-note scenarios only those targets run (#637, the 1.2.4 note)
/// fail against the fault that undoes them.
/// </summary>
public sealed class FoundationsVersionedDetectionTests
{
    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.4")]
    public async Task The_clean_reference_provider_passes_every_applicable_scenario_as_an_earlier_release(string specVersion)
    {
        var run = await SuiteUnderTest.RunAsync(null, ("specVersion", specVersion));

        var notPassing = run.Scenarios
            .Where(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable))
            .Select(s => $"{s.Scenario.Id} {s.Status}: {SuiteUnderTest.FailureText(s)}")
            .ToList();
        notPassing.ShouldBeEmpty();
        run.Scenarios.Count(s => s.Status == ScenarioStatus.Passed).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Release_scenarios_of_earlier_targets_fail_against_the_fault_that_undoes_them()
    {
        var detections = FoundationsDetections.ForEarlierReleases.Where(d => SuiteUnderTest.Includes(d.Detection.FeatureFile)).ToList();
        if (detections.Count == 0) Assert.Skip("The features under test (GPCC_SUITE_TAGS) include no earlier-release Foundations ticket.");

        var problems = new List<string>();
        foreach (var (specVersion, expected) in detections)
        {
            var run = await SuiteUnderTest.RunAsync([expected.Fault], ("specVersion", specVersion));
            var result = run.Scenarios.SingleOrDefault(s => s.Scenario.FeatureFile == expected.FeatureFile && s.Scenario.Name == expected.Scenario);
            if (result is null) problems.Add($"{specVersion} {expected.Fault}: there is no scenario \"{expected.Scenario}\" in {expected.FeatureFile}");
            else if (result.Status != ScenarioStatus.Failed) problems.Add($"{specVersion} {expected.Fault}: \"{expected.Scenario}\" was {result.Status}, but it must fail");
            else if (!SuiteUnderTest.FailureText(result).Contains(expected.MessageContains, StringComparison.Ordinal))
                problems.Add($"{specVersion} {expected.Fault}: \"{expected.Scenario}\" failed for another reason (expected \"{expected.MessageContains}\"): {SuiteUnderTest.FailureText(result)}");
        }
        problems.ShouldBeEmpty();
    }
}
