using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GpConnect.Conformance.Runner.Tests.Execution;

public class CancellationTests
{
    private static (ScenarioRunner Runner, Journal Journal, RunCancellation Cancellation) CreateRunner()
    {
        var journal = new Journal();
        var cancellation = new RunCancellation();
        var runner = new ScenarioRunner(BindingRegistry.FromTypes(typeof(CancellingSteps)),
            services => services.AddSingleton(journal).AddSingleton(cancellation));
        return (runner, journal, cancellation);
    }

    [Fact]
    public async Task Cancelling_between_steps_skips_the_rest_and_still_tears_down()
    {
        var (runner, journal, cancellation) = CreateRunner();
        await using var _ = runner;
        var scenario = FeatureText.Single("""
            Feature: F
              Scenario: S
                Given the run is stopped
                Then nothing else runs
            """);

        var result = await runner.RunScenarioAsync(scenario, cancellation.Source.Token);

        result.Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldBe("The run was cancelled before step 'Then nothing else runs' (line 4).");
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Passed, StepStatus.Skipped]);
        journal.Entries.ShouldBe(["teardown"]);
    }

    [Fact]
    public async Task Cancelling_while_a_step_waits_ends_the_step_instead_of_hanging()
    {
        var (runner, journal, cancellation) = CreateRunner();
        await using var _ = runner;
        var scenario = FeatureText.Single("""
            Feature: F
              Scenario: S
                When the run is stopped while a step waits for the provider
                Then nothing else runs
            """);

        var result = await runner.RunScenarioAsync(scenario, cancellation.Source.Token);

        result.Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldStartWith("The run was cancelled during Step 'When the run is stopped while a step waits for the provider'");
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Skipped, StepStatus.Skipped]);
        journal.Entries.ShouldBe(["teardown"]);
    }

    [Fact]
    public async Task A_scenario_started_after_cancellation_does_not_run()
    {
        var (runner, journal, cancellation) = CreateRunner();
        await using var _ = runner;
        await cancellation.Source.CancelAsync();

        var result = await runner.RunScenarioAsync(FeatureText.Single("Feature: F\n  Scenario: S\n    Then nothing else runs\n"), cancellation.Source.Token);

        result.Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldBe("The run was cancelled before this scenario started.");
        journal.Entries.ShouldBeEmpty();
    }
}
