using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Model;

public class VerdictAndTimingTests
{
    [Fact]
    public void Verdict_is_failed_when_a_scenario_failed_or_a_feature_did_not_load()
    {
        var full = RunVerdict.Of(SampleRuns.Full());
        full.Outcome.ShouldBe(VerdictOutcome.Failed);
        full.Label.ShouldBe("failed");
        (full.Passed, full.Failed, full.Skipped, full.NotApplicable, full.Waived, full.FeatureErrors, full.Warnings).ShouldBe((2, 2, 1, 1, 1, 1, 0));

        var loadErrorOnly = SampleRuns.WithStatuses(("a", ScenarioStatus.Passed)) with { FeatureErrors = [new FeatureLoadError("x.feature", 1, 1, "bad")] };
        RunVerdict.Of(loadErrorOnly).Outcome.ShouldBe(VerdictOutcome.Failed);
    }

    [Fact]
    public void Verdict_is_passed_with_warnings_when_passed_scenarios_carry_warnings()
    {
        var run = SampleRuns.WithStatuses(("a", ScenarioStatus.Passed), ("b", ScenarioStatus.Passed), ("c", ScenarioStatus.Skipped));
        RunVerdict.Of(run).Label.ShouldBe("passed");
        var warned = RunVerdict.Of(SampleRuns.WithStatuses(("a", ScenarioStatus.Passed), ("b", ScenarioStatus.Warning), ("c", ScenarioStatus.Skipped)));
        warned.Label.ShouldBe("passed with warnings");
        warned.Token.ShouldBe("warnings");
        (warned.Passed, warned.Warnings).ShouldBe((1, 1), "a warning is counted once, not also as a plain pass");
        var full = SampleRuns.Full();
        RunVerdict.Of(full with { Scenarios = [.. full.Scenarios, full.Scenarios[0] with { Status = ScenarioStatus.Warning }] })
            .Outcome.ShouldBe(VerdictOutcome.Failed, "failures outrank warnings");
    }

    [Fact]
    public void Response_times_are_grouped_per_interaction_from_successful_exchanges_against_the_spec_limits()
    {
        var timings = ResponseTimes.Of(SampleRuns.ManyFailures().Scenarios);
        timings.Select(t => (t.Interaction, t.Kind)).ShouldBe([
            ("rest:read:metadata-1", InteractionKind.Query), ("rest:search:slot-1", InteractionKind.Query),
            ("operation:gpc.registerpatient-1", InteractionKind.Command), ("rest:cancel:appointment-1", InteractionKind.Command), ("rest:create:appointment-1", InteractionKind.Command)]);

        var slots = timings.Single(t => t.Interaction == "rest:search:slot-1");
        slots.Count.ShouldBe(7); // six passes and the failed search (200); the 422 booking is left out
        slots.Max.ShouldBe(TimeSpan.FromMilliseconds(1450));
        slots.OverShould.ShouldBe(3); // 1,100, 1,300 and 1,450 ms
        slots.OverShall.ShouldBe(0);
        slots.ShouldLimit.ShouldBe(TimeSpan.FromMilliseconds(1000));
        slots.ShallLimit.ShouldBe(TimeSpan.FromMilliseconds(3000));

        var booking = timings.Single(t => t.Interaction == "rest:create:appointment-1");
        booking.Count.ShouldBe(6);
        (booking.ShouldLimit, booking.ShallLimit).ShouldBe((TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)));
        booking.Samples.ShouldBe(booking.Samples.Order().ToList());
        booking.Median.ShouldBe(TimeSpan.FromMilliseconds(60 + 11 * 7));
        booking.OverShall.ShouldBe(0);
        booking.OverShould.ShouldBe(5);
    }

    [Theory]
    [InlineData("rest:search:slot-1", "GET", InteractionKind.Query)]
    [InlineData("rest:read:metadata-1", "GET", InteractionKind.Query)]
    [InlineData("rest:create:appointment-1", "POST", InteractionKind.Command)]
    [InlineData("rest:update:appointment-1", "PUT", InteractionKind.Command)]
    [InlineData("rest:cancel:appointment-1", "PUT", InteractionKind.Command)]
    [InlineData("operation:gpc.registerpatient-1", "POST", InteractionKind.Command)]
    [InlineData("something-else", "GET", InteractionKind.Query)]
    [InlineData("something-else", "DELETE", InteractionKind.Command)]
    public void Interaction_kind_follows_the_spec(string interaction, string method, InteractionKind kind) =>
        ResponseTimes.KindOf(interaction, method).ShouldBe(kind);
}
