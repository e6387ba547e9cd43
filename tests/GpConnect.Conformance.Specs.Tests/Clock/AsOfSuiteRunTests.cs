using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Clock;

/// <summary>
/// The whole suite against the clean embedded provider is green as of any date: the days either side of both UK clock
/// changes of 2027 and 29 February 2028. Nine runs (one per date, ~5–30 s each), as many at once as the machine has cores.
/// On the days just before a change the clock-change scenarios must actually run and pass, not stand aside as not applicable.
/// GPCC_SUITE_TAGS narrows them like the fault-detection runs.
/// </summary>
public sealed class AsOfSuiteRunTests
{
    public static readonly string[] Dates = ["2027-03-26", "2027-03-27", "2027-03-28", "2027-03-29", "2027-10-29", "2027-10-30", "2027-10-31", "2027-11-01", "2028-02-29"];

    /// <summary>Dates whose next clock change lies inside the embedded provider's booking horizon, with free slots either side.</summary>
    public static readonly string[] DatesBeforeAChange = ["2027-03-26", "2027-03-27", "2027-10-29", "2027-10-30"];

    private const string ClockChangeFeature = "features/appointments/clock-changes.feature";

    [Fact]
    public async Task The_clean_reference_provider_passes_every_scenario_as_of_dates_around_the_clock_changes_and_on_29_february()
    {
        var runs = new RunResult[Dates.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, Dates.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = TestContext.Current.CancellationToken },
            async (i, _) => runs[i] = await SuiteUnderTest.RunAsync(null, ("asOf", Dates[i])));

        var problems = new List<string>();
        for (var i = 0; i < Dates.Length; i++)
        {
            runs[i].FeatureErrors.ShouldBeEmpty();
            problems.AddRange(runs[i].Scenarios
                .Where(s => s.Status is not (ScenarioStatus.Passed or ScenarioStatus.NotApplicable))
                .Select(s => $"as of {Dates[i]}: {s.Scenario.Id} {s.Status}: {SuiteUnderTest.FailureText(s)}"));
            runs[i].Scenarios.Count(s => s.Status == ScenarioStatus.Passed).ShouldBeGreaterThan(0);
            runs[i].Metadata.ShouldContain(m => m.Key == "asOf" && m.Value.StartsWith(Dates[i], StringComparison.Ordinal));
            if (DatesBeforeAChange.Contains(Dates[i]) && SuiteUnderTest.Includes(ClockChangeFeature))
                problems.AddRange(runs[i].Scenarios
                    .Where(s => s.Scenario.FeatureFile == ClockChangeFeature && s.Status != ScenarioStatus.Passed)
                    .Select(s => $"as of {Dates[i]}, just before a clock change: {s.Scenario.Id} is {s.Status}, but it must run and pass: {SuiteUnderTest.FailureText(s)}"));
        }
        problems.ShouldBeEmpty();
    }
}
