using GpConnect.Conformance.Client.Interactions;

namespace GpConnect.Conformance.Client;

/// <summary>One header line as sent or received.</summary>
public sealed record HttpHeader(string Name, string Value);

/// <summary>Why no HTTP response came back.</summary>
public enum TransportErrorKind
{
    /// <summary>Nothing listened on the address (connection refused or host unreachable).</summary>
    ConnectionRefused,
    /// <summary>The TLS handshake failed or the peer closed the connection during or right after it.</summary>
    Tls,
    /// <summary>No complete response within the configured timeout.</summary>
    Timeout,
    /// <summary>Name resolution, a dropped connection or another network failure.</summary>
    Other,
    /// <summary>
    /// A response came but its body cannot be used: larger than <c>limits:maxResponseBytes</c>, expanding past
    /// <c>limits:maxDecodedResponseBytes</c>, or not valid in its charset (e.g. invalid UTF-8). The status is not reported
    /// (<see cref="HttpExchange.StatusCode"/> is null) so that no check passes on it; <see cref="HttpExchange.TransportError"/> says why.
    /// </summary>
    BodyRefused,
}

/// <summary>
/// One request/response pair, exactly as sent and received, for checks and evidence. When no response came,
/// <see cref="StatusCode"/> is null and <see cref="TransportError"/> says why.
/// </summary>
public sealed record HttpExchange
{
    /// <summary>The interaction the request was made for.</summary>
    public required Interaction Interaction { get; init; }
    /// <summary>HTTP method sent.</summary>
    public required string Method { get; init; }
    /// <summary>Full request URL, including the query string.</summary>
    public required string Url { get; init; }
    /// <summary>Request headers as sent (content headers included), in order.</summary>
    public required IReadOnlyList<HttpHeader> RequestHeaders { get; init; }
    /// <summary>Request body text; null when none was sent.</summary>
    public string? RequestBody { get; init; }
    /// <summary>When the request started.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>From sending the request to having read the whole response (or giving up).</summary>
    public required TimeSpan Duration { get; init; }
    /// <summary>HTTP status code; null when no response came.</summary>
    public int? StatusCode { get; init; }
    /// <summary>HTTP reason phrase, if any.</summary>
    public string? ReasonPhrase { get; init; }
    /// <summary>Response headers including content headers (Content-Type, Content-Encoding, …), in order.</summary>
    public IReadOnlyList<HttpHeader> ResponseHeaders { get; init; } = [];
    /// <summary>Response body as text, decompressed when the response was gzip/deflate/br encoded; empty when none.</summary>
    public string ResponseBody { get; init; } = "";
    /// <summary>Size in bytes of the response body as received on the wire (before decompression).</summary>
    public long ResponseBodyWireLength { get; init; }
    /// <summary>Set when the body could not be decompressed or decoded; the body is then shown as received.</summary>
    public string? ResponseBodyProblem { get; init; }
    /// <summary>Why no response came (refused connection, TLS failure, timeout…); null when a response came.</summary>
    public string? TransportError { get; init; }
    /// <summary>The kind of transport failure; null when a response came.</summary>
    public TransportErrorKind? TransportErrorKind { get; init; }

    /// <summary>Most characters of <see cref="ResponseBody"/> kept as evidence (<c>limits:maxEvidenceBodyChars</c>).</summary>
    public int EvidenceBodyLimit { get; init; } = int.MaxValue;

    /// <summary>
    /// <see cref="ResponseBody"/> as kept in the reports: whole when it fits <see cref="EvidenceBodyLimit"/>, otherwise its
    /// start and a note of how much was left out (checks always see the whole body).
    /// </summary>
    public string EvidenceResponseBody => ResponseBody.Length <= EvidenceBodyLimit
        ? ResponseBody
        : string.Concat(ResponseBody.AsSpan(0, EvidenceBodyLimit),
            $"\n… [{ResponseBody.Length - EvidenceBodyLimit} more characters not kept in the evidence: limits:maxEvidenceBodyChars is {EvidenceBodyLimit}]");

    /// <summary>True when an HTTP response was received.</summary>
    public bool HasResponse => StatusCode is not null;

    /// <summary>The <c>Ssp-TraceID</c> sent, if any.</summary>
    public string? TraceId => RequestHeader(SspHeaders.TraceId);

    /// <summary>The bearer token sent (without <c>Bearer </c>), if any.</summary>
    public string? BearerToken =>
        RequestHeader("Authorization") is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;

    /// <summary>
    /// The provider's clock minus the harness clock, estimated from the response <c>Date</c> header against the middle
    /// of the exchange (whole seconds, as <c>Date</c> has no finer resolution). Null without a parseable <c>Date</c>.
    /// Lets JWT timing failures be told apart from harness clock drift.
    /// </summary>
    public TimeSpan? ProviderClockOffset =>
        ResponseHeader("Date") is { } date
        && DateTimeOffset.TryParseExact(date, "r", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var providerNow)
            ? providerNow - (StartedAt + Duration / 2)
            : null;

    /// <summary>All values of a request header joined with ", "; null when absent.</summary>
    public string? RequestHeader(string name) => Join(RequestHeaders, name);

    /// <summary>All values of a response header joined with ", "; null when absent.</summary>
    public string? ResponseHeader(string name) => Join(ResponseHeaders, name);

    /// <summary>Each value of a response header, in order.</summary>
    public IReadOnlyList<string> ResponseHeaderValues(string name) =>
        ResponseHeaders.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    /// <inheritdoc />
    public override string ToString() =>
        $"{Method} {Url} → {(HasResponse ? $"{StatusCode} {ReasonPhrase}" : $"no response ({TransportError})")} in {Duration.TotalMilliseconds:0} ms";

    private static string? Join(IReadOnlyList<HttpHeader> headers, string name)
    {
        var values = headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }
}
