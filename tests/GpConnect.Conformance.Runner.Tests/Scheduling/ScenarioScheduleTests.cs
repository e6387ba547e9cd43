using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Scheduling;
using Shouldly;

namespace GpConnect.Conformance.Runner.Tests.Scheduling;

public sealed class ScenarioScheduleTests
{
    private static ScenarioInfo Scenario(string feature, int line, params string[] tags) => new()
    {
        Id = $"{feature}:{line}", FeatureFile = feature, FeatureName = feature, Name = $"s{line}", Line = line, Tags = tags,
    };

    // a.feature: 4 reads, a write, 3 reads; b.feature: 3 reads, then a write-tagged feature with 2 scenarios.
    private static readonly IReadOnlyList<ScenarioInfo> Catalogue =
    [
        Scenario("a", 1), Scenario("a", 2), Scenario("a", 3), Scenario("a", 4), Scenario("a", 5, "@writes"),
        Scenario("a", 6), Scenario("a", 7), Scenario("a", 8),
        Scenario("b", 1), Scenario("b", 2), Scenario("b", 3),
        Scenario("c", 1, "@WRITES", "@appointments"), Scenario("c", 2, "@writes"),
    ];

    [Fact]
    public void Batches_are_reads_of_one_feature_or_one_write_alone()
    {
        var batches = ScenarioSchedule.Batches(Catalogue, s => s);
        batches.Select(b => string.Join(",", b.Select(s => s.Id))).ShouldBe(
            ["a:1,a:2,a:3,a:4", "a:5", "a:6,a:7,a:8", "b:1,b:2,b:3", "c:1", "c:2"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Writes_run_alone_features_never_overlap_and_the_observer_hears_in_catalogue_order(int degree)
    {
        var running = new List<ScenarioInfo>();
        var gate = new Lock();
        var maxAtOnce = 0;
        var problems = new List<string>();
        var heard = new List<string>();
        var random = new Random(17);
        var delays = Catalogue.ToDictionary(s => s.Id, _ => random.Next(1, 15));

        async Task<ScenarioResult> Run(ScenarioInfo s, CancellationToken _)
        {
            lock (gate)
            {
                if (running.Any(r => ScenarioSchedule.RunsAlone(r)) || (ScenarioSchedule.RunsAlone(s) && running.Count > 0))
                    problems.Add($"{s.Id} overlapped a write: running {string.Join(",", running.Select(r => r.Id))}");
                if (running.Any(r => r.FeatureFile != s.FeatureFile)) problems.Add($"{s.Id} overlapped another feature");
                running.Add(s);
                maxAtOnce = Math.Max(maxAtOnce, running.Count);
            }
            await Task.Delay(delays[s.Id], TestContext.Current.CancellationToken);
            lock (gate) running.Remove(s);
            return new ScenarioResult { Scenario = s, Status = ScenarioStatus.Passed, Steps = [], Started = DateTimeOffset.UtcNow, Duration = TimeSpan.Zero };
        }

        var results = await ScenarioSchedule.RunAsync(Catalogue, degree, s => s, Run,
            s => { lock (heard) heard.Add("start " + s.Id); }, r => { lock (heard) heard.Add("end " + r.Scenario.Id); });

        problems.ShouldBeEmpty();
        maxAtOnce.ShouldBeLessThanOrEqualTo(degree);
        if (degree > 1) maxAtOnce.ShouldBeGreaterThan(1, "reads of one feature ran together");
        results.Select(r => r.Scenario.Id).ShouldBe(Catalogue.Select(s => s.Id));
        heard.ShouldBe(Catalogue.SelectMany(s => new[] { "start " + s.Id, "end " + s.Id }));
    }

    [Fact]
    public async Task Cancellation_starts_nothing_more_and_returns_the_leading_results()
    {
        using var stop = new CancellationTokenSource();
        var started = 0;
        async Task<ScenarioResult> Run(ScenarioInfo s, CancellationToken token)
        {
            if (Interlocked.Increment(ref started) == 3) await stop.CancelAsync();
            await Task.Delay(5, CancellationToken.None);
            return new ScenarioResult { Scenario = s, Status = ScenarioStatus.Passed, Steps = [], Started = DateTimeOffset.UtcNow, Duration = TimeSpan.Zero };
        }

        var results = await ScenarioSchedule.RunAsync(Catalogue, 2, s => s, Run, cancellationToken: stop.Token);

        results.Count.ShouldBeInRange(3, 4);
        results.Select(r => r.Scenario.Id).ShouldBe(Catalogue.Take(results.Count).Select(s => s.Id));
    }
}
