using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Outcomes;

public class WaiverSetTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private const string File = """
        {
          // comments are allowed
          "waivers": [
            { "scenario": "features/appointments/search_for_free_slots.feature:20", "reason": "Supplier fix in 4.2", "owner": "Jo Bloggs", "expires": "2026-12-31" },
            { "tag": "ticket-912", "reason": "Known gap", "owner": "Sam", "expires": "2026-11-21" },
            { "scenario": "features/appointments/search_for_free_slots.feature:30", "reason": "Old", "owner": "Ann", "expires": "2026-11-20" },
          ]
        }
        """;

    [Fact]
    public void Current_waiver_turns_a_failure_into_waived_with_reason_and_owner_for_every_outline_row()
    {
        var set = WaiverSet.Parse(File);
        var outcome = set.Apply(SampleRuns.Full(), Today);
        var row = outcome.Run.Scenarios[1];
        row.Status.ShouldBe(ScenarioStatus.Waived);
        row.Message.ShouldBe("Waived: Supplier fix in 4.2 (owner Jo Bloggs, expires 2026-12-31). Original failure: Slot/7 has no serviceType " + SampleRuns.HostileText);
        outcome.Applied.Select(a => a.ScenarioId).ShouldBe(["features/appointments/search_for_free_slots.feature:20:1"]);
        outcome.Run.Scenarios[2].Status.ShouldBe(ScenarioStatus.Passed); // other row passed: left alone
    }

    [Fact]
    public void Expired_waiver_has_no_effect_and_is_listed()
    {
        var outcome = WaiverSet.Parse(File).Apply(SampleRuns.Full(), Today);
        outcome.Run.Scenarios[3].Status.ShouldBe(ScenarioStatus.Failed); // line 30, waiver expired yesterday
        outcome.Expired.Select(w => w.Reason).ShouldBe(["Old"]);
        outcome.Run.HasFailures.ShouldBeTrue();
    }

    [Fact]
    public void Waiver_is_current_through_its_expiry_date()
    {
        var w = new Waiver(null, "@ticket-912", "r", "o", Today);
        w.IsCurrent(Today).ShouldBeTrue();
        w.IsCurrent(Today.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Tag_waiver_matches_failed_scenarios_with_the_tag_only()
    {
        var run = SampleRuns.Full();
        var ticketFailure = run.Scenarios[6] with { Status = ScenarioStatus.Failed, Message = "boom" };
        run = run with { Scenarios = [.. run.Scenarios.Take(6), ticketFailure] };
        var outcome = WaiverSet.Parse(File).Apply(run, Today);
        outcome.Run.Scenarios[6].Status.ShouldBe(ScenarioStatus.Waived);
        outcome.Run.Scenarios[6].Message!.ShouldContain("Known gap (owner Sam");
        outcome.Run.Scenarios[4].Status.ShouldBe(ScenarioStatus.Skipped); // skipped stays skipped
    }

    [Fact]
    public void Bad_entries_name_the_file_and_entry()
    {
        Should.Throw<WaiverFileException>(() => WaiverSet.Parse("""{"waivers":[{"tag":"@x","reason":"r","owner":"o","expires":"31/12/2026"}]}""", "w.json"))
            .Message.ShouldBe("w.json: waivers[0]: \"expires\" must be a date yyyy-MM-dd, got \"31/12/2026\".");
        Should.Throw<WaiverFileException>(() => WaiverSet.Parse("""{"waivers":[{"tag":"@x","scenario":"a:1","reason":"r","owner":"o","expires":"2026-12-31"}]}""", "w.json"))
            .Message.ShouldContain("waivers[0]: give exactly one of");
        Should.Throw<WaiverFileException>(() => WaiverSet.Parse("""{"waivers":[{"tag":"@x","reason":"r","expires":"2026-12-31"}]}""", "w.json"))
            .Message.ShouldBe("w.json: waivers[0]: \"owner\" is required.");
        Should.Throw<WaiverFileException>(() => WaiverSet.Parse("[]", "w.json")).Message.ShouldContain("\"waivers\" array");
        Should.Throw<WaiverFileException>(() => WaiverSet.Load("/no/such/waivers.json")).Message.ShouldContain("not found");
    }

    [Fact]
    public void A_waiver_naming_a_scenario_or_tag_that_does_not_exist_is_reported_with_the_nearest_one()
    {
        // Audit finding 14: such waivers were silently accepted.
        var scenarios = SampleRuns.Full().Scenarios.Select(s => s.Scenario).ToList();
        var set = WaiverSet.Parse("""
            { "waivers": [
              { "scenario": "features/appointments/search_for_free_slots.feature:21", "reason": "r", "owner": "o", "expires": "2999-01-01" },
              { "tag": "@ticket-9120", "reason": "r", "owner": "o", "expires": "2999-01-01" },
              { "tag": "@ticket-912", "reason": "r", "owner": "o", "expires": "2999-01-01" },
              { "scenario": "features/appointments/search_for_free_slots.feature:20", "reason": "r", "owner": "o", "expires": "2999-01-01" }
            ] }
            """, "w.json");

        var problems = set.Unmatched(scenarios, "w.json");

        problems.Count.ShouldBe(2, string.Join("\n", problems));
        problems[0].ShouldStartWith("w.json: waivers[0] names scenario features/appointments/search_for_free_slots.feature:21, which matches no scenario");
        problems[0].ShouldContain("did you mean features/appointments/search_for_free_slots.feature:20");
        problems[1].ShouldContain("waivers[1] names tag @ticket-9120");
        problems[1].ShouldContain("did you mean @ticket-912?");
    }
}
