using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Runner.Results;
using static GpConnect.Conformance.Runner.Results.ScenarioStatus;

namespace GpConnect.Conformance.Reporting.Tests.Outcomes;

public class RunComparisonTests
{
    private static readonly RunResult Before = SampleRuns.WithStatuses(
        ("a.feature:1", Passed), ("a.feature:2", Failed), ("a.feature:3", Failed), ("a.feature:4", Passed), ("gone.feature:1", Failed), ("a.feature:5", Skipped));

    private static readonly RunResult After = SampleRuns.WithStatuses(
        ("a.feature:1", Failed), ("a.feature:2", Passed), ("a.feature:3", Failed), ("a.feature:4", Passed), ("new.feature:1", Failed), ("new.feature:2", Passed), ("a.feature:5", Passed));

    private static IEnumerable<string> Ids(IEnumerable<ComparedScenario> list) => list.Select(e => e.Id);

    [Fact]
    public void Classifies_newly_failing_newly_passing_still_failing_new_and_removed()
    {
        var c = RunComparison.Compare(Before, After);
        Ids(c.NewlyFailing).ShouldBe(["a.feature:1", "new.feature:1"]);
        Ids(c.NewlyPassing).ShouldBe(["a.feature:2"]);
        Ids(c.StillFailing).ShouldBe(["a.feature:3"]);
        Ids(c.New).ShouldBe(["new.feature:1", "new.feature:2"]);
        Ids(c.Removed).ShouldBe(["gone.feature:1"]);
        c.Entries.Single(e => e.Id == "a.feature:5").ShouldSatisfyAllConditions(
            e => e.Previous.ShouldBe(Skipped), e => e.Current.ShouldBe(Passed));
    }

    [Fact]
    public void Identical_runs_have_no_changes()
    {
        var c = RunComparison.Compare(After, After);
        c.NewlyFailing.ShouldBeEmpty();
        c.NewlyPassing.ShouldBeEmpty();
        c.New.ShouldBeEmpty();
        c.Removed.ShouldBeEmpty();
        c.StillFailing.Count.ShouldBe(3);
    }

    [Fact]
    public void Feature_load_errors_compare_by_file()
    {
        var before = Before with { FeatureErrors = [new FeatureLoadError("broken.feature", 1, 1, "bad")] };
        var after = After with { FeatureErrors = [new FeatureLoadError("broken.feature", 1, 1, "bad"), new FeatureLoadError("worse.feature", 2, 1, "bad")] };
        var c = RunComparison.Compare(before, after);
        Ids(c.StillFailing).ShouldContain("broken.feature");
        Ids(c.NewlyFailing).ShouldContain("worse.feature");
    }

    [Fact]
    public void Compares_with_a_results_file_and_with_the_previous_timestamped_folder()
    {
        using var temp = new TempFolder();
        var older = Path.Combine(temp.Path, "20261120-090000");
        var previous = Path.Combine(temp.Path, "20261121-090000");
        var current = Path.Combine(temp.Path, "20261121-170000");
        ResultsJson.Write(SampleRuns.WithStatuses(("a.feature:1", Failed)), Path.Combine(older, ResultsJson.FileName));
        ResultsJson.Write(Before, Path.Combine(previous, ResultsJson.FileName));
        Directory.CreateDirectory(Path.Combine(temp.Path, "20261121-120000")); // no results.json: ignored
        Directory.CreateDirectory(Path.Combine(temp.Path, "notes"));
        ResultsJson.Write(After, Path.Combine(current, ResultsJson.FileName));

        RunFolders.FindPrevious(temp.Path, current).ShouldBe(previous);
        var c = RunComparison.CompareWithPrevious(temp.Path, After, current)!;
        c.BaselineLabel.ShouldBe("20261121-090000");
        Ids(c.Removed).ShouldBe(["gone.feature:1"]);

        RunComparison.CompareWithFile(Path.Combine(older, ResultsJson.FileName), After).StillFailing.Count.ShouldBe(1);
        RunComparison.CompareWithPrevious(temp.Path, After, older).ShouldBeNull();
    }
}
