using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;
using static GpConnect.Conformance.Runner.Results.ScenarioStatus;

namespace GpConnect.Conformance.Reporting.Tests.Outcomes;

public class ExitCodePolicyTests
{
    [Fact]
    public void Zero_only_when_nothing_failed()
    {
        ExitCodePolicy.Evaluate(SampleRuns.WithStatuses(("a:1", Passed), ("a:2", Skipped), ("a:3", NotApplicable), ("a:4", Waived))).ShouldBe(0);
        ExitCodePolicy.Evaluate(SampleRuns.WithStatuses(("a:1", Passed), ("a:2", Failed))).ShouldBe(1);
    }

    [Fact]
    public void Feature_load_errors_count_as_failures()
    {
        var run = SampleRuns.WithStatuses(("a:1", Passed)) with { FeatureErrors = [new FeatureLoadError("x.feature", 1, 1, "bad")] };
        ExitCodePolicy.Evaluate(run).ShouldBe(1);
    }

    [Fact]
    public void Fail_on_new_depends_only_on_newly_failing_scenarios()
    {
        var before = SampleRuns.WithStatuses(("a:1", Failed), ("a:2", Passed));
        var stillFailing = SampleRuns.WithStatuses(("a:1", Failed), ("a:2", Passed));
        var newlyFailing = SampleRuns.WithStatuses(("a:1", Passed), ("a:2", Failed));

        ExitCodePolicy.Evaluate(stillFailing, FailOn.New, RunComparison.Compare(before, stillFailing)).ShouldBe(0);
        ExitCodePolicy.Evaluate(stillFailing, FailOn.Any, RunComparison.Compare(before, stillFailing)).ShouldBe(1);
        ExitCodePolicy.Evaluate(newlyFailing, FailOn.New, RunComparison.Compare(before, newlyFailing)).ShouldBe(1);
    }

    [Fact]
    public void Fail_on_new_without_a_baseline_treats_every_failure_as_new()
    {
        ExitCodePolicy.Evaluate(SampleRuns.WithStatuses(("a:1", Failed)), FailOn.New).ShouldBe(1);
        ExitCodePolicy.Evaluate(SampleRuns.WithStatuses(("a:1", Passed)), FailOn.New).ShouldBe(0);
    }

    [Theory]
    [InlineData("new", FailOn.New)]
    [InlineData("ANY", FailOn.Any)]
    [InlineData("sometimes", null)]
    public void Parses_fail_on(string text, FailOn? expected) => ExitCodePolicy.ParseFailOn(text).ShouldBe(expected);
}
