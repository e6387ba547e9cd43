using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Execution;

public class ContextInjectionTests
{
    private const string TwoScenarios = """
        Feature: Sharing
          Scenario: First
            Given the patient 9690937278
            Then the shared patient is 9690937278
          Scenario: Second
            Then the shared patient is 9690937278
        """;

    [Fact]
    public async Task Binding_classes_of_one_scenario_share_context_objects_and_scenarios_are_isolated()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(ArrangeSteps), typeof(AssertSteps));
        var catalog = FeatureText.Catalog(TwoScenarios);
        var ct = TestContext.Current.CancellationToken;

        var first = await runner.RunScenarioAsync(catalog.Scenarios[0], ct);
        var second = await runner.RunScenarioAsync(catalog.Scenarios[1], ct);

        first.Status.ShouldBe(ScenarioStatus.Passed, first.Message);
        second.Status.ShouldBe(ScenarioStatus.Failed);
        second.Message.ShouldNotBeNull().ShouldContain("expected 9690937278 but the shared state holds nothing");
        var objects = journal.Objects;
        objects.Count.ShouldBe(5); // first: state (arrange), state + context (assert); second: state + context
        objects[0].ShouldBeSameAs(objects[1]);
        objects[3].ShouldNotBeSameAs(objects[0]);
    }

    [Fact]
    public async Task The_scenario_context_is_injected_and_is_new_for_each_scenario()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(ArrangeSteps), typeof(AssertSteps));
        var catalog = FeatureText.Catalog(TwoScenarios.Replace("    Then the shared patient is 9690937278\n  Scenario: Second", "    Then the shared patient is 9690937278\n  Scenario: Second\n    Given the patient 9690937278"));
        var ct = TestContext.Current.CancellationToken;

        await runner.RunScenarioAsync(catalog.Scenarios[0], ct);
        await runner.RunScenarioAsync(catalog.Scenarios[1], ct);

        var contexts = journal.Objects.OfType<ScenarioContext>().ToList();
        contexts.Count.ShouldBe(2);
        contexts[0].ScenarioInfo.Name.ShouldBe("First");
        contexts[1].ScenarioInfo.Name.ShouldBe("Second");
    }

    [Fact]
    public async Task Run_level_services_are_shared_across_scenarios()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(OutcomeSteps));
        var scenario = FeatureText.Single("Feature: F\n  Scenario: S\n    Given the step \"x\" passes\n");
        var ct = TestContext.Current.CancellationToken;

        await runner.RunScenarioAsync(scenario, ct);
        await runner.RunScenarioAsync(scenario, ct);

        journal.Entries.ShouldBe(["step:x", "step:x"]);
        runner.Services.GetService(typeof(Journal)).ShouldBeSameAs(journal);
    }

    [Fact]
    public async Task Disposable_context_objects_are_disposed_after_the_after_hooks()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given a disposable resource is used
            """, typeof(ResourceSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        journal.Objects.ShouldHaveSingleItem().ShouldBeOfType<DisposableResource>();
        journal.Entries.ShouldBe(["after hook", "resource disposed"]);
    }

    [Fact]
    public async Task Scenarios_can_run_concurrently_without_sharing_context_objects()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(ArrangeSteps), typeof(AssertSteps));
        var catalog = FeatureText.Catalog(string.Join("\n", ["Feature: Parallel", ..Enumerable.Range(1, 20).Select(i =>
            $"  Scenario: S{i}\n    Given the patient {i}\n    Then the shared patient is {i}")]));
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(catalog.Scenarios.Select(s => Task.Run(() => runner.RunScenarioAsync(s, ct), ct)));

        results.ShouldAllBe(r => r.Status == ScenarioStatus.Passed);
        journal.Objects.OfType<PatientState>().Distinct().Count().ShouldBe(20);
    }
}
