using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>How an interaction's response times compare with the specification's limits.</summary>
public enum LoadVerdict
{
    /// <summary>Every response within the SHOULD limit, and no error.</summary>
    Pass,
    /// <summary>Every response within the SHALL limit, but some slower than the SHOULD limit.</summary>
    ShouldMissed,
    /// <summary>Some response slower than the SHALL limit, or some request failed.</summary>
    Fail,
    /// <summary>No request completed in the time.</summary>
    NoData,
}

/// <summary>One interaction's figures over the run. Latencies are in milliseconds; percentiles by nearest rank.</summary>
public sealed record InteractionLoad(
    string Interaction, string Kind, int Requests, int Errors, double RequestsPerSecond,
    double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs,
    double ShouldMs, double ShallMs, int OverShould, int OverShall,
    [property: JsonConverter(typeof(JsonStringEnumConverter<LoadVerdict>))] LoadVerdict Verdict,
    IReadOnlyList<string> ErrorExamples);

/// <summary>
/// A whole load run: what was asked, what happened per interaction, and every sample (for the chart). The SHALL and
/// SHOULD limits apply to each response, so one response over a limit is enough to miss it; a failed request (a transport
/// error or an unexpected status) fails the interaction as well, because its time says nothing about a good answer.
/// </summary>
public sealed record LoadRun
{
    public required string Target { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required double DurationSeconds { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required int Consumers { get; init; }
    public required double RequestsPerSecondCap { get; init; }
    public required int CancelledAtDeadline { get; init; }
    public required IReadOnlyList<InteractionLoad> Interactions { get; init; }
    public required IReadOnlyList<LoadSample> Samples { get; init; }

    /// <summary>With <c>--writes</c>: bookings made, cancellations confirmed and bookings left outstanding (null without writes).</summary>
    public LoadBookings? Bookings { get; init; }

    /// <summary>What stopped the run early (e.g. "SIGTERM"); null when it ran its course.</summary>
    public string? Interrupted { get; init; }

    public int Requests => Interactions.Sum(i => i.Requests);

    /// <summary>Some interaction failed its verdict, or a booking was left on the provider.</summary>
    public bool Failed => Interactions.Any(i => i.Verdict is LoadVerdict.Fail or LoadVerdict.NoData) || Bookings?.Outstanding > 0;

    public static LoadRun Summarise(LoadPlan plan, DateTimeOffset started, TimeSpan elapsed, IReadOnlyList<LoadSample> samples, int cancelledAtDeadline, string target = "")
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        var interactions = plan.Interactions.Select(interaction =>
        {
            var mine = samples.Where(s => s.Interaction == interaction.Name).ToList();
            var ok = mine.Where(s => s.Error is null).Select(s => s.LatencyMs).Order().ToArray();
            var all = mine.Select(s => s.LatencyMs).Order().ToArray();
            var errors = mine.Count(s => s.Error is not null);
            var limits = interaction.Limits;
            var overShall = all.Count(ms => ms >= limits.ShallMs);
            var overShould = all.Count(ms => ms >= limits.ShouldMs);
            var verdict = mine.Count == 0 ? LoadVerdict.NoData
                : errors > 0 || overShall > 0 ? LoadVerdict.Fail
                : overShould > 0 ? LoadVerdict.ShouldMissed
                : LoadVerdict.Pass;
            return new InteractionLoad(interaction.Name, interaction.Kind.ToString().ToLowerInvariant(), mine.Count, errors, Math.Round(mine.Count / seconds, 2),
                Percentile(ok, 50), Percentile(ok, 95), Percentile(ok, 99), all.Length == 0 ? null : Math.Round(all[^1], 2),
                limits.ShouldMs, limits.ShallMs, overShould, overShall, verdict,
                mine.Where(s => s.Error is not null).Select(s => s.Error!).Distinct().Take(3).ToList());
        }).ToList();
        return new LoadRun
        {
            Target = target,
            Started = started,
            DurationSeconds = plan.Duration.TotalSeconds,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
            Consumers = plan.Consumers,
            RequestsPerSecondCap = plan.RequestsPerSecond,
            CancelledAtDeadline = cancelledAtDeadline,
            Interactions = interactions,
            Samples = samples,
        };
    }

    /// <summary>The nearest-rank percentile of sorted values (null when there are none).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 2);
    }

    public static string VerdictText(LoadVerdict verdict) => verdict switch
    {
        LoadVerdict.Pass => "meets SHALL and SHOULD",
        LoadVerdict.ShouldMissed => "meets SHALL, misses SHOULD",
        LoadVerdict.Fail => "FAILS",
        _ => "no data",
    };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>load.json: the run's settings, each interaction's figures and every sample.</summary>
    public string ToJson() => JsonSerializer.Serialize(this with { Samples = Samples.Select(s => s with { AtMs = Math.Round(s.AtMs, 2), LatencyMs = Math.Round(s.LatencyMs, 3) }).ToList() }, Json);

    public static LoadRun FromJson(string json) => JsonSerializer.Deserialize<LoadRun>(json, Json) ?? throw new JsonException("load.json is empty.");
}
