using System.Diagnostics;

namespace GpConnect.Conformance.Client;

/// <summary>
/// What the capturing handler saw for one request: the final request headers (after every layer added its own)
/// and the raw response with its body buffered. Passed through <see cref="HttpRequestMessage.Options"/>.
/// </summary>
internal sealed class ExchangeCapture
{
    public static readonly HttpRequestOptionsKey<ExchangeCapture> Key = new("GpConnect.Conformance.Capture");

    public IReadOnlyList<HttpHeader> RequestHeaders { get; set; } = [];
    public int? StatusCode { get; set; }
    public string? ReasonPhrase { get; set; }
    public IReadOnlyList<HttpHeader> ResponseHeaders { get; set; } = [];
    public byte[] ResponseBody { get; set; } = [];
    public TimeSpan? Elapsed { get; set; }

    /// <summary>Why the response body was not read whole (it exceeded the size limit); null when it was.</summary>
    public string? BodyRefused { get; set; }

    /// <summary>Bytes received on the wire (up to the limit).</summary>
    public long WireLength { get; set; }
}

/// <summary>
/// The last handler before the network: records the request as sent and buffers the response body, reading at most
/// <paramref name="maxResponseBytes"/> (a larger body is refused: only its first bytes are kept, for evidence).
/// </summary>
internal sealed class CapturingHandler(HttpMessageHandler inner, int maxResponseBytes) : DelegatingHandler(inner)
{
    /// <summary>How much of a refused body is kept for the evidence.</summary>
    internal const int RefusedBodyPrefix = 4096;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ExchangeCapture.Key, out var capture);
        if (capture is not null)
        {
            _ = request.Content?.Headers.ContentLength; // computes Content-Length so the evidence shows it
            var sent = Flatten(request.Headers, request.Content?.Headers);
            if (request.Headers.Host is null && request.RequestUri is { } uri)
                sent.Insert(0, new HttpHeader("Host", uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}"));
            capture.RequestHeaders = sent;
        }

        var stopwatch = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var (body, wireLength, refused) = await ReadLimitedAsync(response, maxResponseBytes, cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        if (capture is not null)
        {
            capture.StatusCode = (int)response.StatusCode;
            capture.ReasonPhrase = response.ReasonPhrase;
            capture.ResponseHeaders = Flatten(response.Headers, response.Content.Headers);
            capture.ResponseBody = body;
            capture.WireLength = wireLength;
            capture.BodyRefused = refused;
            capture.Elapsed = stopwatch.Elapsed;
        }

        if (capture is not null) return response; // the client reads everything from the capture

        // Without a capture, hand the caller a fresh content over the same bytes so it can read them again.
        var replay = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers) replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replay;
        return response;
    }

    /// <summary>
    /// Reads the body, stopping as soon as it is larger than <paramref name="limit"/> bytes (an announced Content-Length over
    /// the limit is refused without reading). A refused body keeps its first <see cref="RefusedBodyPrefix"/> bytes.
    /// </summary>
    private static async Task<(byte[] Body, long WireLength, string? Refused)> ReadLimitedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode}";
        if (response.Content.Headers.ContentLength is long announced && announced > limit)
            return ([], 0, $"the {status} response announces a body of {announced} bytes, more than limits:maxResponseBytes ({limit} bytes); it was not read");

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // Sized from Content-Length when announced; the read chunk is pooled (one 80 kB array per request was most of the
        // capture's cost on small responses).
        using var buffer = new MemoryStream(response.Content.Headers.ContentLength is long length and > 0 ? (int)length : 0);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    var prefix = buffer.GetBuffer().AsSpan(0, RefusedBodyPrefix).ToArray();
                    return (prefix, buffer.Length, $"the {status} response body is larger than limits:maxResponseBytes ({limit} bytes); reading stopped there");
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return (buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray(), buffer.Length, null);
    }

    private static List<HttpHeader> Flatten(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? contentHeaders)
    {
        var list = new List<HttpHeader>();
        foreach (var header in headers.NonValidated)
            foreach (var value in header.Value) list.Add(new HttpHeader(header.Key, value));
        if (contentHeaders is not null)
            foreach (var header in contentHeaders.NonValidated)
                foreach (var value in header.Value) list.Add(new HttpHeader(header.Key, value));
        return list;
    }
}
