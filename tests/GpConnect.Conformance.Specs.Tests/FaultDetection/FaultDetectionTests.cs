using System.Text;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.ReferenceProvider;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// The suite's checks are worth what they catch. These tests run the real feature files against the reference provider
/// with each fault switched on in turn and assert that the scenarios written for that rule fail, for that reason; that the
/// clean provider passes everything; and that no scenario passes against every fault (a check nothing can fail).
/// <para>
/// By default each fault runs only against the scenarios its detection rows name plus a fixed sample of the others
/// (<see cref="DetectionPlan"/>), and "no scenario survives every fault" is checked from the rows: every scenario the
/// clean provider passes must be named by some row, and each row is proven by the fault runs. Set
/// <see cref="ModeVariable"/>=full to run every fault against every scenario (the full cross-product, as CI does), which
/// also checks the sample's promise everywhere: a fault never makes the harness itself throw.
/// </para>
/// </summary>
public sealed class FaultDetectionTests(ITestOutputHelper output)
{
    /// <summary>The switch: "full" runs every fault against the whole suite.</summary>
    public const string ModeVariable = "GPCC_FAULT_DETECTION";

    private static bool FullCrossProduct =>
        string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "full", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.4")]
    [InlineData("1.2.7")]
    public async Task The_clean_reference_provider_run_as_each_version_passes_every_scenario_that_applies_to_it(string specVersion)
    {
        var run = await SuiteUnderTest.CleanRunAsync(specVersion);

        run.FeatureErrors.ShouldBeEmpty();
        var notPassing = run.Scenarios
            .Where(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable))
            .Select(s => $"{s.Scenario.Id} {s.Status}: {SuiteUnderTest.FailureText(s)}")
            .ToList();
        notPassing.ShouldBeEmpty();
        run.Scenarios.Count(s => s.Status == ScenarioStatus.Passed).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Every_scenario_the_clean_provider_passes_is_named_by_a_detection_row_so_some_fault_must_fail_it()
    {
        var clean = await SuiteUnderTest.CleanRunAsync();
        var named = DetectionExpectations.All.Select(d => (d.FeatureFile, d.Scenario)).ToHashSet();

        clean.Scenarios
            .Where(s => s.Status == ScenarioStatus.Passed && !named.Contains((s.Scenario.FeatureFile, s.Scenario.Name)))
            .Select(s => $"no detection row names \"{s.Scenario.DisplayName}\" ({s.Scenario.Id}): add the provider fault that makes it fail; a check nothing can fail is a defect")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_fault_fails_the_scenarios_listed_for_it_for_their_reason_and_never_makes_the_harness_throw()
    {
        var full = FullCrossProduct;
        var problems = new List<string>();
        var caught = new HashSet<string>();
        var table = new StringBuilder().AppendLine(full
            ? "Fault detection table, full cross-product (fault → scenarios that fail):"
            : $"Fault detection table (fault → scenarios that fail among those named for it and a sample of {DetectionPlan.SampleSize} others; {ModeVariable}=full runs them all):");

        var expectations = DetectionExpectations.All.Where(d => SuiteUnderTest.Includes(d.FeatureFile)).ToList();
        var groups = expectations.GroupBy(d => (d.Fault, d.RunLabel)).ToList();

        // One run per fault (each with its own provider instance), twice as many at once as the machine has cores: a run
        // spends part of its time waiting (TLS handshakes, faults that hold answers back), which the others fill. Each
        // run is kept without its evidence, which the checks below do not read (the harness-exception marker aside), so
        // the cross-product's results stay small.
        var runs = new RunResult[groups.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, groups.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = TestContext.Current.CancellationToken },
            async (i, _) =>
            {
                var catalog = full ? SuiteUnderTest.Catalog : DetectionPlan.For(SuiteUnderTest.Catalog, groups[i].ToList());
                runs[i] = WithoutEvidence(await SuiteUnderTest.RunAsync(catalog, [groups[i].Key.Fault], groups[i].First().Overrides()));
            });

        for (var i = 0; i < groups.Count; i++)
        {
            var ((fault, runLabel), group, run) = (groups[i].Key, groups[i], runs[i]);
            var label = runLabel is null ? fault : $"{fault} ({runLabel})";
            var failed = run.Scenarios.Where(s => s.Status == ScenarioStatus.Failed).ToList();
            var warned = run.Scenarios.Where(s => s.Status == ScenarioStatus.Warning).ToList();
            caught.UnionWith(failed.Select(f => f.Scenario.Id));
            caught.UnionWith(warned.Select(f => f.Scenario.Id));
            table.AppendLine(runLabel is null ? $"  {fault}" : $"  {fault} (run with {runLabel})");
            foreach (var f in failed) table.AppendLine($"      ✗ {f.Scenario.DisplayName}  ({f.Scenario.Id})");
            foreach (var w in warned) table.AppendLine($"      ! {w.Scenario.DisplayName}  ({w.Scenario.Id})");
            if (failed.Count == 0 && warned.Count == 0) table.AppendLine("      (nothing failed or warned)");

            // A fault is a provider misbehaving: the harness must report it as a finding, never throw on it.
            foreach (var f in failed.Where(ThrewInTheHarness))
                problems.Add($"{label}: \"{f.Scenario.DisplayName}\" ({f.Scenario.Id}) failed with an exception in the harness, not a finding: {SuiteUnderTest.FailureText(f)}");

            foreach (var expected in group)
            {
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

        if (full)
        {
            // The cross-product shows it directly: every scenario the clean provider passes fails against some fault.
            var clean = await SuiteUnderTest.CleanRunAsync();
            problems.AddRange(clean.Scenarios
                .Where(s => s.Status == ScenarioStatus.Passed && !caught.Contains(s.Scenario.Id))
                .Select(s => $"no provider fault makes \"{s.Scenario.DisplayName}\" ({s.Scenario.Id}) fail: a check nothing can fail is a defect"));
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_faults_run_holds_every_scenario_named_for_it_and_the_same_sample_of_the_others_every_time()
    {
        var catalog = SuiteUnderTest.Catalog;
        var rows = DetectionExpectations.All.Where(d => d.Fault == DetectionExpectations.All[0].Fault && d.RunLabel == DetectionExpectations.All[0].RunLabel).ToList();
        if (!rows.All(r => SuiteUnderTest.Includes(r.FeatureFile))) Assert.Skip("The first detection's feature is not among the features under test (GPCC_SUITE_TAGS).");

        var plan = DetectionPlan.For(catalog, rows);
        var again = DetectionPlan.For(catalog, rows);

        var named = catalog.Scenarios.Where(s => rows.Any(r => DetectionPlan.Names(r, s))).ToList();
        named.ShouldNotBeEmpty();
        plan.Scenarios.ShouldBeSubsetOf(catalog.Scenarios);
        named.ShouldBeSubsetOf(plan.Scenarios);
        plan.Scenarios.Count.ShouldBe(named.Count + Math.Min(DetectionPlan.SampleSize, catalog.Scenarios.Count - named.Count));
        again.Scenarios.Select(s => s.Info.Id).ShouldBe(plan.Scenarios.Select(s => s.Info.Id));
        plan.Scenarios.Select(s => catalog.Scenarios.ToList().IndexOf(s)).ShouldBeInOrder(SortDirection.Ascending);

        var otherFault = DetectionExpectations.All.First(d => d.Fault != rows[0].Fault && SuiteUnderTest.Includes(d.FeatureFile));
        var otherSample = DetectionPlan.For(catalog, [otherFault]).Scenarios.Where(s => !DetectionPlan.Names(otherFault, s));
        otherSample.Select(s => s.Info.Id).ShouldNotBe(plan.Scenarios.Where(s => !named.Contains(s)).Select(s => s.Info.Id), "each fault gets its own sample");
        DetectionPlan.StableHash("slot-utc-times|features/x.feature:3").ShouldBe(DetectionPlan.StableHash("slot-utc-times|features/x.feature:3"));
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

    /// <summary>A step or hook threw something other than a conformance finding (the runner keeps the exception as evidence).</summary>
    private static bool ThrewInTheHarness(ScenarioResult result) =>
        result.Evidence.OfType<TextEvidence>().Any(IsHarnessException);

    private static bool IsHarnessException(TextEvidence evidence) => evidence.Title.StartsWith("Exception in", StringComparison.Ordinal);

    /// <summary>The run with each scenario's evidence dropped but for harness exceptions, and its steps dropped.</summary>
    private static RunResult WithoutEvidence(RunResult run) => run with
    {
        Scenarios = run.Scenarios.Select(s => s with { Steps = [], Evidence = s.Evidence.OfType<TextEvidence>().Where(IsHarnessException).ToList() }).ToList(),
    };
}
