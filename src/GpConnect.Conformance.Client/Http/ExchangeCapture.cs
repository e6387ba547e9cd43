using System.Buffers;
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

    /// <summary>
    /// The body as received (up to the limit; a refused body keeps only its first bytes), in a pooled buffer that the
    /// client decodes once and then gives back (<see cref="ReceivedBody.Dispose"/>).
    /// </summary>
    public ReceivedBody ResponseBody { get; set; } = ReceivedBody.Empty;
    public TimeSpan? Elapsed { get; set; }

    /// <summary>Why the response body was not read whole (it exceeded the size limit); null when it was.</summary>
    public string? BodyRefused { get; set; }

    /// <summary>Bytes received on the wire (up to the limit).</summary>
    public long WireLength { get; set; }
}

/// <summary>
/// A response body's bytes in an array rented from <see cref="ArrayPool{T}.Shared"/> (or a plain array): read straight
/// into it from the connection and decoded from it, so a body costs no copies beyond the decoded text. Give it back with
/// <see cref="Dispose"/> once decoded; using it afterwards is a bug (<see cref="Span"/> then throws).
/// </summary>
internal sealed class ReceivedBody : IDisposable
{
    public static readonly ReceivedBody Empty = new([], 0, pooled: false);

    private byte[]? _buffer;
    private readonly bool _pooled;

    public ReceivedBody(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        Length = length;
        _pooled = pooled;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(ReceivedBody))).AsSpan(0, Length);

    /// <summary>A read-only stream over the bytes (for undoing a Content-Encoding).</summary>
    public MemoryStream OpenRead() => new(_buffer ?? throw new ObjectDisposedException(nameof(ReceivedBody)), 0, Length, writable: false);

    public byte[] ToArray() => Span.ToArray();

    public void Dispose()
    {
        if (!_pooled) return; // a plain array (or the shared empty body) stays readable
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>
/// The last handler before the network: records the request as sent and buffers the response body, reading at most
/// <paramref name="maxResponseBytes"/> (a larger body is refused: only its first bytes are kept, for evidence).
/// </summary>
internal sealed class CapturingHandler(HttpMessageHandler inner, int maxResponseBytes) : DelegatingHandler(inner)
{
    /// <summary>How much of a refused body is kept for the evidence.</summary>
    internal const int RefusedBodyPrefix = 4096;

    /// <summary>The first buffer rented for a body of unknown length; it doubles (from the pool) as the body grows.</summary>
    private const int InitialBuffer = 16384;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ExchangeCapture.Key, out var capture);
        if (capture is not null)
        {
            _ = request.Content?.Headers.ContentLength; // computes Content-Length so the evidence shows it
            var hostMissing = request.Headers.Host is null && request.RequestUri is not null;
            var sent = Flatten(request.Headers, request.Content?.Headers, hostMissing ? 1 : 0);
            if (hostMissing)
            {
                var uri = request.RequestUri!;
                sent[0] = new HttpHeader("Host", uri.IsDefaultPort ? uri.IdnHost : string.Concat(uri.IdnHost, ":", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            capture.RequestHeaders = sent;
        }

        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var (body, wireLength, refused) = await ReadLimitedAsync(response, maxResponseBytes, cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (capture is not null)
        {
            capture.StatusCode = (int)response.StatusCode;
            capture.ReasonPhrase = response.ReasonPhrase;
            capture.ResponseHeaders = Flatten(response.Headers, response.Content.Headers, 0);
            capture.ResponseBody = body;
            capture.WireLength = wireLength;
            capture.BodyRefused = refused;
            capture.Elapsed = elapsed;
            return response; // the client reads everything from the capture
        }

        // Without a capture, hand the caller a fresh content over the same bytes so it can read them again.
        byte[] bytes;
        using (body) bytes = body.ToArray();
        var replay = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replay;
        return response;
    }

    /// <summary>
    /// Reads the body into a pooled buffer, stopping as soon as it is larger than <paramref name="limit"/> bytes (an announced
    /// Content-Length over the limit is refused without reading). A refused body keeps its first <see cref="RefusedBodyPrefix"/> bytes.
    /// </summary>
    private static async ValueTask<(ReceivedBody Body, long WireLength, string? Refused)> ReadLimitedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var announced = response.Content.Headers.ContentLength;
        if (announced is long tooLong && tooLong > limit)
            return (ReceivedBody.Empty, 0, $"the HTTP {(int)response.StatusCode} response announces a body of {tooLong} bytes, more than limits:maxResponseBytes ({limit} bytes); it was not read");

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        // Sized from Content-Length when announced (one more byte, to see the end without growing); otherwise it starts small
        // and doubles. Every buffer comes from the shared pool: a fresh array per response (and the large-object heap for big
        // bodies) was most of the capture's cost.
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent(announced is long length && length > 0 ? (int)length + 1 : InitialBuffer);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = pool.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                filled += read;
                if (filled > limit)
                {
                    var prefix = buffer.AsSpan(0, Math.Min(filled, RefusedBodyPrefix)).ToArray();
                    pool.Return(buffer);
                    return (new ReceivedBody(prefix, prefix.Length, pooled: false), filled,
                        $"the HTTP {(int)response.StatusCode} response body is larger than limits:maxResponseBytes ({limit} bytes); reading stopped there");
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
        return (new ReceivedBody(buffer, filled, pooled: true), filled, null);
    }

    /// <summary>Every header line, content headers after the others, after <paramref name="reserve"/> empty slots at the start.</summary>
    private static List<HttpHeader> Flatten(System.Net.Http.Headers.HttpHeaders headers, System.Net.Http.Headers.HttpHeaders? contentHeaders, int reserve)
    {
        var list = new List<HttpHeader>(headers.NonValidated.Count + (contentHeaders?.NonValidated.Count ?? 0) + reserve + 2);
        for (var i = 0; i < reserve; i++) list.Add(null!);
        Add(list, headers);
        if (contentHeaders is not null) Add(list, contentHeaders);
        return list;

        static void Add(List<HttpHeader> list, System.Net.Http.Headers.HttpHeaders from)
        {
            foreach (var header in from.NonValidated)
            {
                var values = header.Value;
                if (values.Count == 1) list.Add(new HttpHeader(header.Key, values.ToString()));
                else foreach (var value in values) list.Add(new HttpHeader(header.Key, value));
            }
        }
    }
}
