using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Xunit;

namespace GpConnect.Conformance.Runner.Tests.XunitAdapter;

public class ScenarioAssertTests
{
    private static readonly ScenarioInfo Info = new()
    {
        Id = "features/x.feature:3",
        FeatureFile = "features/x.feature",
        FeatureName = "X",
        Name = "S",
        Line = 3,
        Tags = [],
    };

    private static ScenarioResult Result(ScenarioStatus status, string? message = null, params StepResult[] steps) =>
        new() { Scenario = Info, Status = status, Message = message, Steps = steps };

    [Fact]
    public void A_passed_scenario_passes()
    {
        Should.NotThrow(() => ScenarioAssert.Outcome(Result(ScenarioStatus.Passed)));
    }

    [Fact]
    public void A_failed_scenario_fails_with_its_message_rules_steps_and_snippet()
    {
        var result = Result(ScenarioStatus.Failed, "Step 'Then y' (line 5) failed: wrong status",
            new StepResult("Given", "x", 4, StepStatus.Passed, TimeSpan.Zero),
            new StepResult("Then", "y", 5, StepStatus.Undefined, TimeSpan.Zero, "Undefined step", "[Then(@\"^y$\")]"),
            new StepResult("And", "z", 6, StepStatus.Skipped, TimeSpan.Zero)) with
        {
            Failures = [new CheckFailure("FND-1", "Bundle.entry", "1", "0", "No entry.")],
        };

        var error = Should.Throw<ScenarioFailedException>(() => ScenarioAssert.Outcome(result));

        error.Message.ShouldBe("""
            features/x.feature:3: Step 'Then y' (line 5) failed: wrong status
              - [FND-1] at Bundle.entry expected 1, got 0: No entry.
              Passed    Given x (line 4)
              Undefined Then y (line 5) — Undefined step
              Skipped   And z (line 6)

            Snippet for the undefined step:
            [Then(@"^y$")]
            """.ReplaceLineEndings());
        error.GetType().GetInterfaces().ShouldContain(i => i.Name == "IAssertionException");
    }

    [Theory]
    [InlineData(ScenarioStatus.Skipped, "No deceased patient configured.", "No deceased patient configured.")]
    [InlineData(ScenarioStatus.NotApplicable, "Needs 1.2.8.", "Not applicable: Needs 1.2.8.")]
    [InlineData(ScenarioStatus.Waived, "Waiver W-1 until 2027-01-01.", "Waived: Waiver W-1 until 2027-01-01.")]
    public void Skipped_not_applicable_and_waived_scenarios_skip_the_test_with_the_reason(ScenarioStatus status, string message, string reason)
    {
        var error = Should.Throw<ScenarioSkipException>(() => ScenarioAssert.Outcome(Result(status, message)));

        error.Reason.ShouldBe(reason);
        error.Message.ShouldBe("$XunitDynamicSkip$" + reason);
    }
}
