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
}

/// <summary>The last handler before the network: records the request as sent and buffers the response body.</summary>
internal sealed class CapturingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
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
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        if (capture is not null)
        {
            capture.StatusCode = (int)response.StatusCode;
            capture.ReasonPhrase = response.ReasonPhrase;
            capture.ResponseHeaders = Flatten(response.Headers, response.Content.Headers);
            capture.ResponseBody = body;
            capture.Elapsed = stopwatch.Elapsed;
        }

        // Hand RestSharp a fresh content over the same bytes so it can read them again.
        var replay = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers) replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = replay;
        return response;
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
