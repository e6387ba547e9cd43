using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>The spec's two classes of interaction for response-time limits.</summary>
public enum InteractionKind
{
    /// <summary>A retrieval without side effects (every GET: metadata, reads, searches).</summary>
    Query,
    /// <summary>A call with a side effect: register patient, book, amend, cancel.</summary>
    Command,
}

/// <summary>Response times of one interaction across a run (successful responses only).</summary>
/// <param name="Interaction">Short interaction id, e.g. "rest:search:slot-1".</param>
/// <param name="Kind">Query or command, which decides the limits.</param>
/// <param name="Samples">Every response time, ascending.</param>
public sealed record InteractionTiming(string Interaction, InteractionKind Kind, IReadOnlyList<TimeSpan> Samples)
{
    public int Count => Samples.Count;
    public TimeSpan Min => Samples[0];
    public TimeSpan Max => Samples[^1];
    /// <summary>The middle sample (the lower middle for an even count).</summary>
    public TimeSpan Median => Samples[(Samples.Count - 1) / 2];
    /// <summary>The spec's SHOULD limit for this kind.</summary>
    public TimeSpan ShouldLimit => ResponseTimes.ShouldLimit(Kind);
    /// <summary>The spec's SHALL limit for this kind.</summary>
    public TimeSpan ShallLimit => ResponseTimes.ShallLimit(Kind);
    /// <summary>Samples at or above the SHOULD limit.</summary>
    public int OverShould => Samples.Count(s => s >= ShouldLimit);
    /// <summary>Samples at or above the SHALL limit.</summary>
    public int OverShall => Samples.Count(s => s >= ShallLimit);
}

/// <summary>
/// Response times per interaction against the spec's limits: queries SHOULD answer within 1,000 ms and SHALL within
/// 3,000 ms; commands SHOULD within 100 ms and SHALL within 250 ms. The spec measures at the provider; the harness measures
/// the round trip, so these are indicative. Only exchanges answered 2xx count (rejections are deliberately provoked).
/// </summary>
public static class ResponseTimes
{
    /// <summary>The Spine interaction id prefix shared by every GP Connect interaction.</summary>
    public const string InteractionPrefix = "urn:nhs:names:services:gpconnect:fhir:";

    public static readonly TimeSpan QueryShould = TimeSpan.FromMilliseconds(1000);
    public static readonly TimeSpan QueryShall = TimeSpan.FromMilliseconds(3000);
    public static readonly TimeSpan CommandShould = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan CommandShall = TimeSpan.FromMilliseconds(250);

    public static TimeSpan ShouldLimit(InteractionKind kind) => kind == InteractionKind.Query ? QueryShould : CommandShould;
    public static TimeSpan ShallLimit(InteractionKind kind) => kind == InteractionKind.Query ? QueryShall : CommandShall;

    /// <summary>Per interaction (queries first, then by name), from every 2xx exchange that names its interaction.</summary>
    public static IReadOnlyList<InteractionTiming> Of(IEnumerable<ScenarioResult> scenarios) =>
        scenarios.SelectMany(s => s.Evidence.OfType<HttpExchangeEvidence>())
            .Where(x => x.StatusCode is >= 200 and < 300)
            .Select(x => (Exchange: x, Interaction: InteractionOf(x)))
            .Where(x => x.Interaction is not null)
            .GroupBy(x => x.Interaction!, StringComparer.Ordinal)
            .Select(g => new InteractionTiming(g.Key, KindOf(g.Key, g.First().Exchange.Method),
                g.Select(x => x.Exchange.Duration).Order().ToList()))
            .OrderBy(t => t.Kind).ThenBy(t => t.Interaction, StringComparer.Ordinal)
            .ToList();

    /// <summary>The exchange's Ssp-InteractionID, lower-case and without the common prefix; null when not sent.</summary>
    public static string? InteractionOf(HttpExchangeEvidence x)
    {
        var id = x.RequestHeaders.FirstOrDefault(h => h.Key.Equals("Ssp-InteractionID", StringComparison.OrdinalIgnoreCase)).Value?.Trim();
        if (string.IsNullOrEmpty(id)) return null;
        id = id.ToLowerInvariant();
        return id.StartsWith(InteractionPrefix, StringComparison.Ordinal) ? id[InteractionPrefix.Length..] : id;
    }

    /// <summary>Search and read interactions are queries; create, update, cancel and operations are commands; otherwise GET decides.</summary>
    public static InteractionKind KindOf(string interaction, string method)
    {
        if (interaction.Contains("rest:search:", StringComparison.Ordinal) || interaction.Contains("rest:read:", StringComparison.Ordinal))
            return InteractionKind.Query;
        if (interaction.Contains("rest:create:", StringComparison.Ordinal) || interaction.Contains("rest:update:", StringComparison.Ordinal)
            || interaction.Contains("rest:cancel:", StringComparison.Ordinal) || interaction.StartsWith("operation:", StringComparison.Ordinal))
            return InteractionKind.Command;
        return method.Equals("GET", StringComparison.OrdinalIgnoreCase) ? InteractionKind.Query : InteractionKind.Command;
    }
}
