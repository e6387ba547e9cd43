using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Execution;

public class DryRunTests
{
    [Fact]
    public async Task A_bindable_scenario_is_skipped_as_a_dry_run_without_creating_or_calling_anything()
    {
        await using var runner = FeatureText.Runner(new Journal(), typeof(ExplodingSteps));

        var result = runner.DryRun(FeatureText.Single("Feature: F\n  Scenario: S\n    Given a step that must not run with 5\n    And a step that must not run with 6\n"));

        result.Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldBe("dry run: every step binds");
        result.Steps.ShouldAllBe(s => s.Status == StepStatus.Skipped && s.Message == "dry run");
    }

    [Fact]
    public async Task Every_undefined_ambiguous_or_unconvertible_step_is_reported()
    {
        await using var runner = FeatureText.Runner(new Journal(), typeof(OutcomeSteps), typeof(MoreOutcomeSteps), typeof(TypedSteps));
        var scenario = FeatureText.Single("""
            Feature: F
              Scenario: S
                Given the step "fine" passes
                And nobody wrote this step
                Then an ambiguous step
                Given an appointment of 15 minutes on someday costing 1.0 with status booked
                Then the step "also fine" passes
            """);

        var result = runner.DryRun(scenario);

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldStartWith("dry run: 3 step(s) cannot bind:");
        result.Steps.Select(s => s.Status).ShouldBe(
            [StepStatus.Skipped, StepStatus.Undefined, StepStatus.Ambiguous, StepStatus.Failed, StepStatus.Skipped]);
        result.Steps[1].Snippet.ShouldNotBeNull().ShouldContain("public void GivenNobodyWroteThisStep()");
        result.Steps[3].Message.ShouldNotBeNull().ShouldContain("'someday' is not a valid DateTime");
    }

    [Fact]
    public async Task A_step_matching_a_broken_binding_fails_with_the_binding_problem()
    {
        await using var runner = FeatureText.Runner(new Journal(), typeof(Discovery.BindingRegistryTests.BrokenSteps));

        var result = runner.DryRun(FeatureText.Single("Feature: F\n  Scenario: S\n    Given 1 and 2\n"));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.ShouldHaveSingleItem().Message.ShouldNotBeNull().ShouldContain("matches a broken binding: BrokenSteps.TooFewParameters: the regex captures 2 group(s)");
    }
}
