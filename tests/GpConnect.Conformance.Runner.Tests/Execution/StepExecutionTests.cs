using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Execution;

public class StepExecutionTests
{
    [Fact]
    public async Task Steps_run_in_order_and_a_passing_scenario_passes()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Background:
                Given the step "background" passes
              Scenario: S
                When the step "one" passes
                Then the step "two" passes
                And the step "three" passes
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed);
        result.Message.ShouldBeNull();
        journal.Entries.ShouldBe(["step:background", "step:one", "step:two", "step:three"]);
        result.Steps.Select(s => (s.Keyword, s.Text, s.Line, s.Status)).ShouldBe(
        [
            ("Given", "the step \"background\" passes", 3, StepStatus.Passed),
            ("When", "the step \"one\" passes", 5, StepStatus.Passed),
            ("Then", "the step \"two\" passes", 6, StepStatus.Passed),
            ("And", "the step \"three\" passes", 7, StepStatus.Passed),
        ]);
        result.Scenario.Id.ShouldBe("features/test.feature:4");
        result.Duration.ShouldBeGreaterThanOrEqualTo(result.Steps.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration));
        result.Started.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_failing_step_fails_the_scenario_and_skips_the_rest_with_the_exception_as_evidence()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given the step "one" passes
                When a step fails with "connection refused"
                Then the step "never" passes
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldBe("Step 'When a step fails with \"connection refused\"' (line 4) failed: InvalidOperationException: connection refused");
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped]);
        result.Steps[1].Message.ShouldBe("connection refused");
        journal.Entries.ShouldNotContain("step:never");
        var evidence = result.Evidence.OfType<TextEvidence>().ShouldHaveSingleItem();
        evidence.Text.ShouldContain(nameof(OutcomeSteps.Fails));
    }

    [Fact]
    public async Task A_failed_check_carries_its_broken_rules_into_the_result()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Then the patient identifier check fails
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldNotBeNull().ShouldContain("Patient.identifier is missing.");
        var failure = result.Failures.ShouldHaveSingleItem();
        (failure.Rule, failure.Path, failure.Expected, failure.Actual).ShouldBe(("FND-12", "Patient.identifier", "1..*", "0"));
        result.Evidence.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Given this scenario is skipped", ScenarioStatus.Skipped, "No patient with the 'deceased' role is configured.")]
    [InlineData("Given this scenario does not apply", ScenarioStatus.NotApplicable, "Ticket 912 is not provider-testable.")]
    public async Task Skip_and_not_applicable_exceptions_end_the_scenario_with_their_reason(string step, ScenarioStatus status, string reason)
    {
        var (result, journal) = await FeatureText.RunSingle($"""
            Feature: F
              Scenario: S
                {step}
                Then the step "after" passes
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(status);
        result.Message.ShouldBe(reason);
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Skipped, StepStatus.Skipped]);
        result.Steps[0].Message.ShouldBe(reason);
        journal.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pending_step_fails_the_scenario()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Then the step is pending
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Pending);
        result.Message.ShouldNotBeNull().ShouldContain("is pending");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_a_snippet_and_skips_the_rest()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given the step "one" passes
                When the consumer books 2 slots for "9690937278"
                  | start | end |
                  | 09:00 | 09:15 |
                Then the step "two" passes
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Passed, StepStatus.Undefined, StepStatus.Skipped]);
        var undefined = result.Steps[1];
        undefined.Message.ShouldBe("Undefined step 'When the consumer books 2 slots for \"9690937278\"' (line 4): no [When] binding matches it. Add a step definition such as the snippet.");
        undefined.Snippet.ShouldBe("""
            [When(@"^the consumer books (-?\d+) slots for ""([^""]*)""$")]
            public void WhenTheConsumerBooksSlotsFor(int p0, string p1, Table table)
            {
                throw new PendingStepException();
            }
            """);
        result.Message.ShouldBe(undefined.Message);
    }

    [Fact]
    public async Task An_undefined_step_mentions_a_binding_of_another_kind_that_matches_its_text()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given a step fails with "x"
            """, typeof(OutcomeSteps));

        result.Steps.ShouldHaveSingleItem().Status.ShouldBe(StepStatus.Undefined);
        result.Message.ShouldNotBeNull().ShouldContain("Bindings of another kind match the text (OutcomeSteps.Fails [When])");
    }

    [Fact]
    public async Task An_ambiguous_step_names_every_matching_binding()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Then an ambiguous step
            """, typeof(OutcomeSteps), typeof(MoreOutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        var step = result.Steps.ShouldHaveSingleItem();
        step.Status.ShouldBe(StepStatus.Ambiguous);
        step.Message.ShouldStartWith("Ambiguous step 'Then an ambiguous step' (line 3): 2 bindings match it:");
        step.Message.ShouldNotBeNull().ShouldContain("OutcomeSteps.AmbiguousOne [Then(@\"^an? (?:\\w+ )?ambiguous step$\")]");
        step.Message.ShouldNotBeNull().ShouldContain("MoreOutcomeSteps.AmbiguousTwo [Then(@\"^an ambiguous step$\")]");
    }

    [Fact]
    public async Task Captured_text_is_converted_to_typed_parameters()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given an appointment of 15 minutes on 2024-03-01 costing 12.50 with status entered in error
                And a limit of 5
                And a limit
                And the identifier 8c3b2a4e-3f8e-4c4a-9a43-0f3e6d2a1b7c is true
            """, typeof(TypedSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        journal.Objects.ShouldBe(
        [
            (15, new DateTime(2024, 3, 1), 12.50m, TypedSteps.Status.EnteredInError),
            5,
            "no limit",
            (Guid.Parse("8c3b2a4e-3f8e-4c4a-9a43-0f3e6d2a1b7c"), true),
        ]);
    }

    [Fact]
    public async Task A_conversion_failure_fails_the_step_naming_the_parameter_and_value()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given an appointment of 15 minutes on 2024-03-01 costing 12.50 with status maybe
            """, typeof(TypedSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        var step = result.Steps.ShouldHaveSingleItem();
        step.Status.ShouldBe(StepStatus.Failed);
        step.Message.ShouldNotBeNull().ShouldContain("cannot call TypedSteps.Appointment: argument 4 ('status') could not be converted: 'maybe' is not a valid Status (expected one of: Booked, Cancelled, EnteredInError)");
        journal.Objects.ShouldBeEmpty();
    }

    [Fact]
    public async Task Tables_and_doc_strings_are_passed_as_the_last_argument()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given the identifiers
                  | system | value |
                  | nhs    | 969   |
                When the body is
                  ```
                  {"resourceType": "Patient"}
                  ```
            """, typeof(TypedSteps));

        result.Status.ShouldBe(ScenarioStatus.Passed, result.Message);
        var table = journal.Objects[0].ShouldBeOfType<Table>();
        table.Rows.ShouldHaveSingleItem()["value"].ShouldBe("969");
        journal.Objects[1].ShouldBe("{\"resourceType\": \"Patient\"}");
    }

    [Fact]
    public async Task A_table_step_without_a_table_parameter_fails_clearly()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given a limit of 3
                  | unexpected |
            """, typeof(TypedSteps));

        result.Steps.ShouldHaveSingleItem().Message.ShouldNotBeNull().ShouldContain("the step has a data table but TypedSteps.Limit has no last Table parameter to receive it");
    }

    [Fact]
    public async Task A_step_expecting_a_table_without_one_fails_clearly()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given the identifiers
            """, typeof(TypedSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.ShouldHaveSingleItem().Message.ShouldNotBeNull().ShouldContain("TypedSteps.Identifiers expects a data table as its last parameter but the step has none");
    }

    [Fact]
    public async Task Async_steps_are_awaited_and_their_failures_reported()
    {
        var (result, journal) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Then a Task step completes
                And a ValueTask step completes
                And a ValueTask of int step fails
            """, typeof(TypedSteps));

        journal.Entries.ShouldBe(["task", "valuetask"]);
        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Steps.Select(s => s.Status).ShouldBe([StepStatus.Passed, StepStatus.Passed, StepStatus.Failed]);
        result.Steps[2].Message.ShouldBe("async failure after an await");
    }

    [Fact]
    public async Task Evidence_added_through_the_scenario_context_goes_into_the_result_even_when_it_fails()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given evidence "request sent" is kept
                When a step fails with "boom"
            """, typeof(OutcomeSteps));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Evidence.OfType<TextEvidence>().First().ShouldBe(new TextEvidence("note", "request sent"));
    }

    [Fact]
    public async Task A_binding_whose_dependencies_cannot_be_resolved_fails_the_step_naming_the_class()
    {
        var (result, _) = await FeatureText.RunSingle("""
            Feature: F
              Scenario: S
                Given a binding that cannot be created
            """, typeof(NeedsUnregisteredService));

        result.Status.ShouldBe(ScenarioStatus.Failed);
        result.Message.ShouldNotBeNull().ShouldContain("Could not create the binding class NeedsUnregisteredService for this scenario");
        result.Message.ShouldNotBeNull().ShouldContain("IFormatProvider");
    }
}
