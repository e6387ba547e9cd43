using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Clock;

/// <summary>
/// When the clock-change scenarios apply against the clean embedded provider: as of a date whose next UK clock change is
/// beyond the booking horizon they are not applicable and name an as-of date that brings them in; a few days before a
/// change they run and pass, in spring and in autumn.
/// </summary>
public sealed class ClockChangeScenarioTests
{
    private const string Feature = "features/appointments/clock-changes.feature";

    [Fact]
    public async Task Far_from_a_clock_change_they_are_not_applicable_and_say_which_date_to_run_as_of()
    {
        if (!SuiteUnderTest.Includes(Feature)) Assert.Skip("The clock-change feature is not among the features under test (GPCC_SUITE_TAGS).");
        var run = await SuiteUnderTest.RunAsync(SuiteUnderTest.Catalog.Filter(TagExpression.Parse("@clock-changes")), null, ("asOf", "2027-01-15"));

        run.Scenarios.Count.ShouldBe(4);
        foreach (var scenario in run.Scenarios)
        {
            scenario.Status.ShouldBe(ScenarioStatus.NotApplicable, scenario.Scenario.Name);
            scenario.Message.ShouldNotBeNull();
            scenario.Message.ShouldContain("Sunday 28 March 2027, when the clocks go forward (+00:00 to +01:00), is 72 days from today");
            scenario.Message.ShouldContain("--as-of 2027-03-23");
        }
    }

    [Theory]
    [InlineData("2027-03-22")]
    [InlineData("2027-10-25")]
    public async Task A_few_days_before_a_clock_change_they_run_and_pass(string asOf)
    {
        if (!SuiteUnderTest.Includes(Feature)) Assert.Skip("The clock-change feature is not among the features under test (GPCC_SUITE_TAGS).");
        var run = await SuiteUnderTest.RunAsync(SuiteUnderTest.Catalog.Filter(TagExpression.Parse("@clock-changes")), null, ("asOf", asOf));

        run.Scenarios.Count.ShouldBe(4);
        run.Scenarios.Where(s => s.Status != ScenarioStatus.Passed)
            .Select(s => $"{s.Scenario.Name}: {s.Status} {SuiteUnderTest.FailureText(s)}").ShouldBeEmpty();
    }
}
