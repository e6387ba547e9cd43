using System.Text;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.ReferenceProvider;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// The suite's checks are worth what they catch. These tests run the real feature files against the reference provider
/// with each fault switched on in turn and assert that the scenario written for that rule fails, for that reason; that
/// the clean provider passes everything; and that no scenario passes against every fault (a check nothing can fail).
/// </summary>
public sealed class FaultDetectionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.4")]
    [InlineData("1.2.7")]
    public async Task The_clean_reference_provider_run_as_each_version_passes_every_scenario_that_applies_to_it(string specVersion)
    {
        var run = await SuiteUnderTest.RunAsync(null, ("specVersion", specVersion));

        run.FeatureErrors.ShouldBeEmpty();
        var notPassing = run.Scenarios
            .Where(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable))
            .Select(s => $"{s.Scenario.Id} {s.Status}: {SuiteUnderTest.FailureText(s)}")
            .ToList();
        notPassing.ShouldBeEmpty();
        run.Scenarios.Count(s => s.Status == ScenarioStatus.Passed).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Each_fault_fails_the_scenario_for_its_rule_and_every_scenario_is_failed_by_some_fault()
    {
        var clean = await SuiteUnderTest.RunAsync();
        var problems = new List<string>();
        var caught = new HashSet<string>();
        var table = new StringBuilder().AppendLine("Fault detection table (fault → scenarios that fail):");

        var expectations = DetectionExpectations.All.Where(d => SuiteUnderTest.Includes(d.FeatureFile)).ToList();
        var groups = expectations.GroupBy(d => (d.Fault, d.RunLabel)).ToList();

        // One run per fault (each with its own provider instance), as many at once as the machine has cores.
        var runs = new RunResult[groups.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, groups.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = TestContext.Current.CancellationToken },
            async (i, _) => runs[i] = await SuiteUnderTest.RunAsync([groups[i].Key.Fault], groups[i].First().Overrides()));

        for (var i = 0; i < groups.Count; i++)
        {
            var ((fault, runLabel), group, run) = (groups[i].Key, groups[i], runs[i]);
            var failed = run.Scenarios.Where(s => s.Status == ScenarioStatus.Failed).ToList();
            var warned = run.Scenarios.Where(s => s.Status == ScenarioStatus.Warning).ToList();
            caught.UnionWith(failed.Select(f => f.Scenario.Id));
            caught.UnionWith(warned.Select(f => f.Scenario.Id));
            table.AppendLine(runLabel is null ? $"  {fault}" : $"  {fault} (run with {runLabel})");
            foreach (var f in failed) table.AppendLine($"      ✗ {f.Scenario.DisplayName}  ({f.Scenario.Id})");
            foreach (var w in warned) table.AppendLine($"      ! {w.Scenario.DisplayName}  ({w.Scenario.Id})");
            if (failed.Count == 0 && warned.Count == 0) table.AppendLine("      (nothing failed or warned)");

            foreach (var expected in group)
            {
                var label = runLabel is null ? fault : $"{fault} ({runLabel})";
                // A Scenario Outline's name stands for all its Examples rows: each row must fail, for the reason given.
                var results = run.Scenarios.Where(s => s.Scenario.FeatureFile == expected.FeatureFile && s.Scenario.Name == expected.Scenario).ToList();
                if (results.Count == 0)
                    problems.Add($"{label}: there is no scenario \"{expected.Scenario}\" in {expected.FeatureFile}");
                foreach (var result in results)
                {
                    var name = result.Scenario.DisplayName;
                    if (expected.Warns)
                    {
                        if (result.Status != ScenarioStatus.Warning)
                            problems.Add($"{label}: \"{name}\" was {result.Status}, but it must pass with a warning against this fault: {SuiteUnderTest.FailureText(result)}");
                        else if (!SuiteUnderTest.WarningText(result).Contains(expected.MessageContains, StringComparison.Ordinal))
                            problems.Add($"{label}: \"{name}\" warned for another reason (expected \"{expected.MessageContains}\"): {SuiteUnderTest.WarningText(result)}");
                        continue;
                    }
                    if (result.Status != ScenarioStatus.Failed)
                        problems.Add($"{label}: \"{name}\" was {result.Status}, but it must fail against this fault");
                    else if (!SuiteUnderTest.FailureText(result).Contains(expected.MessageContains, StringComparison.Ordinal))
                        problems.Add($"{label}: \"{name}\" failed for another reason (expected \"{expected.MessageContains}\"): {SuiteUnderTest.FailureText(result)}");
                }
            }
        }
        output.WriteLine(table.ToString());

        var neverCaught = clean.Scenarios
            .Where(s => s.Status == ScenarioStatus.Passed && !caught.Contains(s.Scenario.Id))
            .Select(s => $"no provider fault makes \"{s.Scenario.DisplayName}\" ({s.Scenario.Id}) fail: a check nothing can fail is a defect")
            .ToList();
        problems.AddRange(neverCaught);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_reference_provider_fault_is_checked_by_a_scenario_or_listed_with_the_issue_that_will_check_it()
    {
        var checkedFaults = DetectionExpectations.All.Select(d => d.Fault).ToHashSet();
        var providerFaults = ProviderFaults.All.Select(f => f.Name).ToHashSet();

        providerFaults.Where(f => !checkedFaults.Contains(f) && !DetectionExpectations.NotYetChecked.ContainsKey(f))
            .ShouldBeEmpty("These provider faults are neither detected by a scenario nor listed as not yet checked");
        checkedFaults.Concat(DetectionExpectations.NotYetChecked.Keys).Where(f => !providerFaults.Contains(f))
            .ShouldBeEmpty("These fault names are not faults of the reference provider");
        DetectionExpectations.NotYetChecked.Keys.Where(checkedFaults.Contains)
            .ShouldBeEmpty("These faults are detected now: remove them from NotYetChecked");
    }
}
