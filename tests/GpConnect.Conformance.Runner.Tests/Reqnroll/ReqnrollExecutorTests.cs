using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;
using Reqnroll;

namespace GpConnect.Conformance.Runner.Tests.Reqnroll;

/// <summary>
/// The glue between the project and the real Reqnroll runtime: outcomes from the project's exceptions, step logs,
/// evidence, cancellation, undefined/ambiguous steps, dry run, feature hooks and the formatters' files.
/// </summary>
public sealed class ReqnrollExecutorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steps_run_in_pickle_order_background_first_and_a_passing_scenario_passes()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Background:
                Given glue step "background" passes
              Scenario: S
                When glue step "one" passes
                Then glue step "two" passes
                And glue step "three" passes
            """);

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        journal.Entries.ShouldBe(["before-scenario", "step:background", "step:one", "step:two", "step:three", "after-scenario"]);
        result.Steps.Select(s => (s.Keyword, s.Line, s.Status)).ShouldBe(
            [("Given", 3, StepStatus.Passed), ("When", 5, StepStatus.Passed), ("Then", 6, StepStatus.Passed), ("And", 7, StepStatus.Passed)]);
        result.Scenario.Id.ShouldBe("features/test.feature:4");
    }

    [Fact]
    public async Task A_failed_check_fails_the_scenario_with_its_rules_and_skips_the_rest()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given glue step "one" passes
                When glue check "RULE-1" fails
                Then glue step "never" passes
            """);

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldBe("Step 'When glue check \"RULE-1\" fails' (line 4) failed: broken RULE-1");
        result.Failures.ShouldHaveSingleItem().Rule.ShouldBe("RULE-1");
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped]);
        journal.Entries.ShouldNotContain("step:never");
        journal.Entries.ShouldContain("after-scenario");
    }

    [Fact]
    public async Task Any_other_exception_fails_the_scenario_and_is_kept_as_evidence()
    {
        var (result, _) = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    When glue step throws \"connection refused\"\n");

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldBe("Step 'When glue step throws \"connection refused\"' (line 3) failed: InvalidOperationException: connection refused");
        result.Evidence.OfType<TextEvidence>().ShouldHaveSingleItem().Text.ShouldContain(nameof(GlueSteps.Throws));
    }

    [Theory]
    [InlineData("glue scenario is not applicable", ScenarioStatus.NotApplicable)]
    [InlineData("glue scenario is skipped", ScenarioStatus.Skipped)]
    public async Task The_projects_own_exceptions_map_to_not_applicable_and_skipped_with_the_reason(string step, ScenarioStatus expected)
    {
        var (result, journal) = await FeatureText.RunSingle($"Feature: F\n  Scenario: S\n    Given {step}\n    Then glue step \"never\" passes\n");

        result.Status.ShouldBe(expected);
        result.Message.ShouldBe("because of the target");
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Skipped, StepStatus.Skipped]);
        journal.Entries.ShouldNotContain("step:never");
        journal.Entries.ShouldContain("after-scenario");
    }

    [Fact]
    public async Task A_tag_scoped_before_scenario_hook_can_make_a_scenario_not_applicable()
    {
        var (result, journal) = await FeatureText.RunSingle("Feature: F\n  @glue-not-applicable\n  Scenario: S\n    Given glue step \"never\" passes\n");

        result.Status.ShouldBe(ScenarioStatus.NotApplicable);
        result.Message.ShouldBe("tagged not applicable");
        journal.Entries.ShouldNotContain("step:never");
    }

    [Fact]
    public async Task Evidence_added_by_steps_reaches_the_result()
    {
        var (result, _) = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    Given glue evidence \"exchange\" is kept\n");

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        result.Evidence.OfType<TextEvidence>().ShouldHaveSingleItem().Title.ShouldBe("exchange");
    }

    [Fact]
    public async Task An_undefined_step_fails_the_scenario_with_a_ready_to_paste_anchored_reqnroll_snippet()
    {
        var (result, _) = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    Given glue step \"one\" passes\n    When nobody wrote this step with 42\n");

        result.Status.ShouldBe(ScenarioStatus.Failed);
        var step = result.Steps[1];
        step.Status.ShouldBe(StepStatus.Undefined);
        step.Snippet.ShouldNotBeNull();
        step.Snippet.ShouldContain("[When(@\"^nobody wrote this step with (.*)$\")]");
        step.Snippet.ShouldContain("PendingStepException");
        result.Message!.ShouldContain("nobody wrote this step");
    }

    [Fact]
    public async Task An_ambiguous_step_names_both_bindings()
    {
        var (result, _) = await FeatureText.RunSingle("Feature: F\n  Scenario: S\n    Given glue step matched twice\n");

        result.Status.ShouldBe(ScenarioStatus.Failed);
        var step = result.Steps.ShouldHaveSingleItem();
        step.Status.ShouldBe(StepStatus.Ambiguous);
        step.Message.ShouldContain(nameof(GlueSteps.TwiceA));
        step.Message.ShouldContain(nameof(GlueSteps.TwiceB));
    }

    [Fact]
    public async Task A_dry_run_binds_every_step_without_invoking_any_binding()
    {
        var journal = new Journal();
        await using var runner = new ScenarioRunner(new ScenarioRunnerOptions
        {
            BindingAssembly = typeof(FeatureText).Assembly,
            RegisterRunServices = c => c.RegisterInstanceAs(journal),
            DryRun = true,
        });
        var bound = await runner.RunScenarioAsync(FeatureText.Single("Feature: F\n  Scenario: S\n    Given glue step throws \"x\"\n    Then glue step \"y\" passes\n"), Ct);
        var unbound = await runner.RunScenarioAsync(FeatureText.Single("Feature: G\n  Scenario: S\n    Given no binding for this\n    Then glue step matched twice\n"), Ct);
        await runner.FinishRunAsync();

        bound.Status.ShouldBe(ScenarioStatus.Skipped);
        bound.Message.ShouldBe("dry run: every step binds");
        journal.Entries.ShouldBeEmpty();
        unbound.Status.ShouldBe(ScenarioStatus.Failed);
        unbound.Steps.Select(s => s.Status).ShouldBe([StepStatus.Undefined, StepStatus.Ambiguous]);
    }

    [Fact]
    public async Task Cancellation_reaches_the_steps_and_ends_the_scenario_as_skipped_after_its_after_hooks()
    {
        var journal = new Journal();
        using var cancellation = new CancellationTokenSource();
        await using var runner = FeatureText.Runner(journal);
        GlueSteps.CancelOnWait = cancellation;
        var result = await runner.RunScenarioAsync(FeatureText.Single("Feature: F\n  Scenario: S\n    When glue step waits for the provider\n    Then glue step \"never\" passes\n"), cancellation.Token);
        var next = await runner.RunScenarioAsync(FeatureText.Single("Feature: F\n  Scenario: T\n    Given glue step \"x\" passes\n"), cancellation.Token);

        result.Status.ShouldBe(ScenarioStatus.Skipped);
        result.Message.ShouldBe("The run was cancelled during Step 'When glue step waits for the provider' (line 3).");
        journal.Entries.ShouldContain("after-scenario");
        next.Status.ShouldBe(ScenarioStatus.Skipped);
        next.Message.ShouldBe("The run was cancelled before this scenario started.");
    }

    [Fact]
    public async Task Feature_hooks_run_once_per_feature_when_its_scenarios_run_together()
    {
        var journal = new Journal();
        var catalog = FeatureText.Catalog("@glue-feature\nFeature: F\n  Scenario: A\n    Given glue step \"a\" passes\n  Scenario: B\n    Given glue step \"b\" passes\n");
        var other = FeatureText.Catalog("Feature: G\n  Scenario: C\n    Given glue step \"c\" passes\n", "features/other.feature");
        await using (var runner = FeatureText.Runner(journal))
        {
            foreach (var scenario in catalog.Scenarios.Concat(other.Scenarios)) (await runner.RunScenarioAsync(scenario, Ct)).Status.ShouldBe(ScenarioStatus.Passed);
            await runner.FinishRunAsync();
        }

        journal.Entries.Count(e => e == "before-feature:F").ShouldBe(1);
        journal.Entries.Count(e => e == "after-feature:F").ShouldBe(1);
        journal.Entries.ToList().IndexOf("after-feature:F").ShouldBeLessThan(journal.Entries.ToList().IndexOf("step:c"));
    }

    [Fact]
    public async Task The_formatters_write_cucumber_messages_and_the_html_report_where_the_run_says()
    {
        var folder = Directory.CreateTempSubdirectory("gpcc-formatters-").FullName;
        try
        {
            var outputs = CucumberOutputs.In(folder);
            await using (var runner = new ScenarioRunner(new ScenarioRunnerOptions
            {
                BindingAssembly = typeof(FeatureText).Assembly,
                RegisterRunServices = c => c.RegisterInstanceAs(new Journal()),
                Formatters = outputs,
            }))
            {
                (await runner.RunScenarioAsync(FeatureText.Single("Feature: F\n  Scenario: S\n    Given glue step \"x\" passes\n"), Ct)).Status.ShouldBe(ScenarioStatus.Passed);
                await runner.FinishRunAsync();
            }

            var messages = await File.ReadAllTextAsync(outputs.MessagesFile, Ct);
            messages.ShouldContain("\"testRunFinished\"");
            messages.ShouldContain("\"pickle\"");
            messages.ShouldContain("PASSED");
            new FileInfo(outputs.HtmlFile).Length.ShouldBeGreaterThan(10_000);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[Binding]
public sealed class GlueSteps(Journal journal, ConformanceScenario scenario)
{
    internal static CancellationTokenSource? CancelOnWait;

    [BeforeScenario]
    public void Before() => journal.Add("before-scenario");

    [AfterScenario]
    public void After() => journal.Add("after-scenario");

    [BeforeScenario("@glue-not-applicable")]
    public static void NotApplicable() => throw new ScenarioNotApplicableException("tagged not applicable");

    [BeforeFeature("@glue-feature")]
    public static void BeforeFeature(FeatureContext feature, Journal journal) => journal.Add($"before-feature:{feature.FeatureInfo.Title}");

    [AfterFeature("@glue-feature")]
    public static void AfterFeature(FeatureContext feature, Journal journal) => journal.Add($"after-feature:{feature.FeatureInfo.Title}");

    [StepDefinition(@"^glue step ""([^""]*)"" passes$")]
    public void Passes(string name) => journal.Add($"step:{name}");

    [When(@"^glue check ""([^""]*)"" fails$")]
    public void CheckFails(string rule) => throw new ConformanceCheckException(new CheckFailure(rule, null, null, null, $"broken {rule}"));

    [StepDefinition(@"^glue step throws ""([^""]*)""$")]
    public void Throws(string message) => throw new InvalidOperationException(message);

    [Given(@"^glue scenario is not applicable$")]
    public void IsNotApplicable() => throw new ScenarioNotApplicableException("because of the target");

    [Given(@"^glue scenario is skipped$")]
    public void IsSkipped() => throw new ScenarioSkippedException("because of the target");

    [Given(@"^glue evidence ""([^""]*)"" is kept$")]
    public void Evidence(string title) => scenario.AddEvidence(new TextEvidence(title, "body"));

    [StepDefinition(@"^glue step matched twice$")]
    public void TwiceA() { }

    [StepDefinition(@"^glue step matched (twice)$")]
    public void TwiceB(string word) => _ = word;

    [When(@"^glue step waits for the provider$")]
    public async Task Waits()
    {
        CancelOnWait?.Cancel();
        await Task.Delay(TimeSpan.FromSeconds(30), scenario.CancellationToken);
    }
}

