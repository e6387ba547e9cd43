using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Execution;

public class HookTests
{
    [Fact]
    public async Task Before_hooks_run_lowest_order_first_and_after_hooks_lowest_order_last()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: Hooked
                Given the step "body" passes
            """, typeof(OrderedHooks), typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        journal.Entries.ShouldBe(["before:1", "before:2", "step:body", "after:static:Hooked", "after:2", "after:1"]);
    }

    [Fact]
    public async Task Tag_scoped_hooks_run_only_for_scenarios_carrying_the_tag()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(OrderedHooks), typeof(OutcomeSteps));
        var catalog = FeatureText.Catalog("""
            Feature: F
              @tagged
              Scenario: Tagged
                Given the step "tagged" passes
              Scenario: Plain
                Given the step "plain" passes
            """);

        foreach (var scenario in catalog.Scenarios)
            (await runner.RunScenarioAsync(scenario, TestContext.Current.CancellationToken)).Status.ShouldBe(ScenarioStatus.Passed);

        journal.Entries.Count(e => e == "before:tagged").ShouldBe(1);
        journal.Entries.ToList().IndexOf("before:tagged").ShouldBeLessThan(journal.Entries.ToList().IndexOf("step:tagged"));
        journal.Entries.Count(e => e == "before:1").ShouldBe(2);
    }

    [Fact]
    public async Task After_scenario_hooks_run_even_when_a_step_failed()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: Failing
                When a step fails with "boom"
            """, typeof(OrderedHooks), typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        journal.Entries.ShouldBe(["before:1", "before:2", "after:static:Failing", "after:2", "after:1"]);
    }

    [Fact]
    public async Task A_failing_before_hook_fails_the_scenario_skips_its_steps_and_still_runs_after_hooks()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given the step "never" passes
            """, typeof(FailingBeforeHook), typeof(OutcomeSteps), typeof(ResourceSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldBe("BeforeScenario hook FailingBeforeHook.Arrange failed: InvalidOperationException: test data could not be created");
        result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Skipped);
        journal.Entries.ShouldBe(["after hook", "resource disposed"]);
    }

    [Fact]
    public async Task A_before_hook_can_declare_the_scenario_not_applicable()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              @since-1.2.8
              Scenario: S
                Given the step "never" passes
            """, typeof(NotApplicableBeforeHook), typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.NotApplicable);
        result.Message.ShouldBe("The target implements 1.2.7; this scenario needs 1.2.8.");
        result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Skipped);
        journal.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_after_hook_fails_a_passing_scenario_and_is_added_to_a_failed_one()
    {
        var passing = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    Given the step \"x\" passes\n", typeof(FailingAfterHook), typeof(OutcomeSteps));
        var failing = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    When a step fails with \"boom\"\n", typeof(FailingAfterHook), typeof(OutcomeSteps));

        passing.Result.Status.ShouldBe(ScenarioStatus.Failed);
        passing.Result.Message.ShouldBe("AfterScenario hook FailingAfterHook.Teardown failed: InvalidOperationException: cleanup failed");
        passing.Result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Passed);
        failing.Result.Message.ShouldStartWith("Step 'When a step fails with \"boom\"' (line 3) failed");
        failing.Result.Message.ShouldEndWith("Also: AfterScenario hook FailingAfterHook.Teardown failed: InvalidOperationException: cleanup failed");
    }

    [Fact]
    public async Task Test_run_hooks_run_once_in_order_around_the_scenarios()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(RunHooks), typeof(OutcomeSteps));
        var scenario = FeatureText.Single("Feature: F\n  Scenario: S\n    Given the step \"x\" passes\n");
        var ct = TestContext.Current.CancellationToken;

        await runner.StartRunAsync(ct);
        await runner.RunScenarioAsync(scenario, ct);
        await runner.RunScenarioAsync(scenario, ct);
        await runner.FinishRunAsync(ct);
        await runner.FinishRunAsync(ct);

        journal.Entries.ShouldBe(["run:before:1", "run:before:2", "step:x", "step:x", "run:after"]);
    }

    [Fact]
    public async Task Disposing_a_started_runner_runs_the_after_test_run_hooks_it_has_not_run_yet()
    {
        var journal = new Journal();
        var runner = FeatureText.Runner(journal, typeof(RunHooks));
        await runner.StartRunAsync(TestContext.Current.CancellationToken);

        await runner.DisposeAsync();

        journal.Entries.ShouldBe(["run:before:1", "run:before:2", "run:after"]);
    }

    [Fact]
    public async Task Disposing_a_runner_that_never_started_runs_no_hooks()
    {
        var journal = new Journal();

        await FeatureText.Runner(journal, typeof(RunHooks)).DisposeAsync();

        journal.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_first_scenario_starts_the_run_when_the_caller_did_not()
    {
        var (result, journal) = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    Given the step \"x\" passes\n", typeof(RunHooks), typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed);
        journal.Entries.ShouldBe(["run:before:1", "run:before:2", "step:x", "run:after"]);
    }

    [Fact]
    public async Task A_failing_before_test_run_hook_fails_every_scenario_and_after_test_run_hooks_still_run()
    {
        var journal = new Journal();
        await using var runner = FeatureText.Runner(journal, typeof(FailingRunHooks), typeof(OutcomeSteps));
        var scenario = FeatureText.Single("Feature: F\n  Scenario: S\n    Given the step \"x\" passes\n");
        var ct = TestContext.Current.CancellationToken;

        var error = await Should.ThrowAsync<TestRunHookException>(() => runner.StartRunAsync(ct));
        var result = await runner.RunScenarioAsync(scenario, ct);
        await runner.FinishRunAsync(ct);

        error.Message.ShouldBe("[BeforeTestRun] hook FailingRunHooks.Start failed: InvalidOperationException: the provider is unreachable");
        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldNotBeNull().ShouldContain("The run could not start");
        result.Message.ShouldNotBeNull().ShouldContain("the provider is unreachable");
        result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Skipped);
        journal.Entries.ShouldBe(["run:after"]);
    }
}
