using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

/// <summary>
/// Safety against a real provider: write scenarios are skipped, with the reason, unless provider:allowWrites is true, and
/// every appointment a scenario books is cancelled in teardown (the evidence says so), even when the scenario failed.
/// </summary>
public sealed class AppointmentWriteSafetyTests
{
    private static bool Writes(ScenarioResult result) => result.Scenario.Tags.Contains("@writes");

    [Fact]
    public async Task With_allowWrites_false_every_write_scenario_is_skipped_naming_the_setting()
    {
        // Only the scenarios this is about: every write, and the appointment reads that must still pass.
        var run = await SuiteUnderTest.RunAsync(SuiteUnderTest.Catalog.Filter(TagExpression.Parse("@writes or @appointments")), null, ("provider:allowWrites", "false"));

        var writes = run.Scenarios.Where(Writes).ToList();
        if (writes.Count == 0) Assert.Skip("No @writes scenario is among the features under test (GPCC_SUITE_TAGS).");
        foreach (var scenario in writes)
        {
            scenario.Status.ShouldBe(ScenarioStatus.Skipped, scenario.Scenario.DisplayName);
            scenario.Message.ShouldNotBeNull().ShouldContain("provider:allowWrites");
        }
        run.Scenarios.Where(s => !Writes(s) && s.Scenario.Tags.Contains("@appointments"))
            .ShouldAllBe(s => s.Status == ScenarioStatus.Passed || s.Status == ScenarioStatus.NotApplicable);
    }

    [Fact]
    public async Task Every_booking_is_cancelled_in_teardown_even_when_the_scenario_fails()
    {
        // Under this fault amendments are accepted but not stored, so scenarios that book fail; their bookings must still go.
        var run = await SuiteUnderTest.RunAsync(SuiteUnderTest.Catalog.Filter(TagExpression.Parse("@writes")), ["amend-not-persisted"]);

        var teardowns = run.Scenarios
            .SelectMany(s => s.Evidence.OfType<TextEvidence>().Where(e => e.Title.StartsWith("Teardown", StringComparison.Ordinal)).Select(e => (s, e)))
            .ToList();
        if (teardowns.Count == 0) Assert.Skip("No scenario under test books an appointment (GPCC_SUITE_TAGS).");
        teardowns.ShouldAllBe(t => !t.e.Text.Contains("NOT CLEANED UP"));
        teardowns.ShouldContain(t => t.s.Status == ScenarioStatus.Failed, "a failed scenario's booking must be cleaned up too");
        teardowns.ShouldAllBe(t => t.e.Text.Contains("cancelled"));
    }
}
