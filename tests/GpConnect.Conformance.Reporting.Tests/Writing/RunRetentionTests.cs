using GpConnect.Conformance.Reporting.Writing;

namespace GpConnect.Conformance.Reporting.Tests.Writing;

/// <summary>Audit finding 17: the reports folder grew without bound; retention keeps the last N runs and/or those newer than D days.</summary>
public sealed class RunRetentionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gpcc-keep-").FullName;
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Run(int daysAgo, string suffix = "")
    {
        var path = Path.Combine(_root, RunFolders.NameFor(Now.AddDays(-daysAgo)) + suffix);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "results.json"), "{}");
        return path;
    }

    private IEnumerable<string> Left() => Directory.GetDirectories(_root).Select(Path.GetFileName).Order()!;

    [Fact]
    public void Keep_runs_keeps_the_newest_n_and_never_the_compared_run()
    {
        var baseline = Run(10);
        Run(5); Run(3); var latest = Run(0); Run(0, "-2");
        Directory.CreateDirectory(Path.Combine(_root, "not-a-run"));

        var (deleted, problems) = RunRetention.Prune(_root, keepRuns: 2, keepDays: 0, Now, [latest, Path.Combine(baseline, "results.json")]);

        problems.ShouldBeEmpty();
        deleted.Count.ShouldBe(2);
        Left().ShouldBe([Path.GetFileName(baseline), RunFolders.NameFor(Now), RunFolders.NameFor(Now) + "-2", "not-a-run"], ignoreOrder: true);
    }

    [Fact]
    public void Keep_days_deletes_runs_older_than_d_days()
    {
        Run(40); Run(8); var recent = Run(6); var today = Run(0);

        RunRetention.Prune(_root, keepRuns: 0, keepDays: 7, Now, [today]);

        Left().ShouldBe([Path.GetFileName(recent), Path.GetFileName(today)], ignoreOrder: true);
    }

    [Fact]
    public void No_rule_keeps_everything()
    {
        Run(400); Run(0);
        RunRetention.Prune(_root, 0, 0, Now, []).Deleted.ShouldBeEmpty();
        Left().Count().ShouldBe(2);
    }
}
