using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>
/// spec: Non-functional requirements (CORE-129, CORE-130): the provider SHALL answer queries within 3000 ms and commands within 250 ms, and
/// SHOULD answer them within 1000 ms and 100 ms. The harness measures round trips, so it judges the fastest of several
/// answers to the same kind of request: one slow answer on a busy network is not the provider's processing time, but
/// every answer being slow is. Slower than the SHALL limit fails; between the SHOULD target and the limit is a warning.
/// </summary>
public static class ResponseTimeChecks
{
    public static Check Fastest(IReadOnlyList<ProviderResponse> responses, TimeSpan limit, string kind, string configKey) =>
        Fastest(responses, limit, null, kind, configKey, null);

    /// <summary>As <see cref="Fastest(IReadOnlyList{ProviderResponse}, TimeSpan, string, string)"/>, warning when the fastest answer is over <paramref name="target"/>.</summary>
    public static Check Fastest(IReadOnlyList<ProviderResponse> responses, TimeSpan limit, TimeSpan? target, string kind, string configKey, string? targetConfigKey)
    {
        var check = new Check();
        if (responses.Count == 0)
            return check.Fail("response-time", null, $"{kind} answers", "none", $"No {kind} was sent, so there is no time to judge.");
        var unanswered = responses.Where(r => !r.HasResponse).ToList();
        if (unanswered.Count > 0)
            return check.Fail("response-time", null, $"{kind} answers", "no response",
                $"The provider did not answer {unanswered.Count} of {responses.Count} {kind} requests: {unanswered[0].Exchange.TransportError}");
        var fastest = responses.Min(r => r.Exchange.Duration);
        var all = string.Join(", ", responses.Select(r => $"{r.Exchange.Duration.TotalMilliseconds:0} ms"));
        if (fastest > limit)
            check.Fail("response-time", null, $"≤ {limit.TotalMilliseconds:0} ms", $"{fastest.TotalMilliseconds:0} ms",
                $"The fastest of {responses.Count} {kind} answers took {fastest.TotalMilliseconds:0} ms; GP Connect allows at most " +
                $"{limit.TotalMilliseconds:0} ms ({configKey}). All took: {all}.");
        else if (target is { } should && fastest > should)
            check.Warn("response-time.target", null, $"≤ {should.TotalMilliseconds:0} ms", $"{fastest.TotalMilliseconds:0} ms",
                $"The fastest of {responses.Count} {kind} answers took {fastest.TotalMilliseconds:0} ms: inside the {limit.TotalMilliseconds:0} ms " +
                $"limit, but GP Connect says a {kind} SHOULD be answered within {should.TotalMilliseconds:0} ms ({targetConfigKey}). All took: {all}.");
        return check;
    }
}
