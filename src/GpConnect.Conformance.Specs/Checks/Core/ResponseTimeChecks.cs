using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>
/// core.md §9 (CORE-129, CORE-130): the provider answers queries within 3000 ms and commands within 250 ms. The harness
/// measures round trips, so it judges the fastest of several answers to the same kind of request: one slow answer on a
/// busy network is not the provider's processing time, but every answer being slow is.
/// </summary>
public static class ResponseTimeChecks
{
    public static Check Fastest(IReadOnlyList<ProviderResponse> responses, TimeSpan limit, string kind, string configKey)
    {
        var check = new Check();
        if (responses.Count == 0)
            return check.Fail("response-time", null, $"{kind} answers", "none", $"No {kind} was sent, so there is no time to judge.");
        var unanswered = responses.Where(r => !r.HasResponse).ToList();
        if (unanswered.Count > 0)
            return check.Fail("response-time", null, $"{kind} answers", "no response",
                $"The provider did not answer {unanswered.Count} of {responses.Count} {kind} requests: {unanswered[0].Exchange.TransportError}");
        var fastest = responses.Min(r => r.Exchange.Duration);
        if (fastest > limit)
            check.Fail("response-time", null, $"≤ {limit.TotalMilliseconds:0} ms", $"{fastest.TotalMilliseconds:0} ms",
                $"The fastest of {responses.Count} {kind} answers took {fastest.TotalMilliseconds:0} ms; GP Connect allows at most " +
                $"{limit.TotalMilliseconds:0} ms ({configKey}). All took: {string.Join(", ", responses.Select(r => $"{r.Exchange.Duration.TotalMilliseconds:0} ms"))}.");
        return check;
    }
}
