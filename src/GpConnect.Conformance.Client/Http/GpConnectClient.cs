using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Jwt;
using GpConnect.Conformance.Client.Tls;

namespace GpConnect.Conformance.Client;

/// <summary>
/// Sends GP Connect requests to one provider service root and captures each exchange. Adds the SSP headers
/// (new <c>Ssp-TraceID</c> per request, <c>Ssp-From</c> = consumer ASID, <c>Ssp-To</c> = provider ASID,
/// <c>Ssp-InteractionID</c>) and a fresh bearer token per request; presents the configured client certificate over
/// https. Never throws for transport failures or HTTP error statuses (see <see cref="HttpExchange.TransportError"/>),
/// never waits longer than the configured timeout, and is safe to use from several threads at once.
/// </summary>
public sealed class GpConnectClient : IDisposable
{
    private readonly HttpMessageInvoker _http;
    private readonly TimeProvider _clock;

    // Why the last server certificate was refused, and when: the validation callback runs per connection, not per request,
    // so a TLS failure of a request started before that moment is explained by it.
    private sealed record CertificateRejection(DateTimeOffset At, string Reason);
    private volatile CertificateRejection? _lastServerCertificateRejection;

    /// <summary>Creates a client with TLS options from <paramref name="settings"/>.</summary>
    /// <param name="settings">Loaded settings: consumer identity, provider ASID, TLS, timeout.</param>
    /// <param name="serviceRoot">The provider service root URL (the JWT <c>aud</c>); a trailing '/' is ignored.</param>
    /// <param name="clock">Clock for JWT times and <see cref="HttpExchange.StartedAt"/>; system clock by default.</param>
    public GpConnectClient(ConformanceSettings settings, Uri serviceRoot, TimeProvider? clock = null)
        : this(settings, serviceRoot, clock, ClientTlsOptions.FromSettings(settings.Tls))
    {
    }

    /// <summary>Creates a client with explicit TLS options (e.g. an expired or untrusted client certificate, or none).</summary>
    public GpConnectClient(ConformanceSettings settings, Uri serviceRoot, TimeProvider? clock, ClientTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(serviceRoot);
        ArgumentNullException.ThrowIfNull(tls);
        if (!serviceRoot.IsAbsoluteUri) throw new ArgumentException("The service root must be an absolute URL.", nameof(serviceRoot));
        Settings = settings;
        ServiceRoot = serviceRoot.OriginalString.TrimEnd('/');
        Tls = tls;
        Timeout = settings.Http.Timeout;
        _clock = clock ?? TimeProvider.System;
        TokenBuilder = new JwtBuilder(settings.Consumer, _clock);

        // One handler chain for the client's lifetime (connections are pooled): the platform handler, then the capturing
        // handler as the last layer before the network. No cookies, no redirects, no decompression: what the provider
        // sends is what the checks see.
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        if (tls.Protocols is { } protocols) handler.SslProtocols = protocols;
        if (serviceRoot.Scheme == Uri.UriSchemeHttps)
        {
            if (tls.ClientCertificate is not null)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(tls.ClientCertificate);
            }
            handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) =>
            {
                if (tls.ValidateServer(certificate, chain, errors)) return true;
                _lastServerCertificateRejection = new CertificateRejection(DateTimeOffset.UtcNow,
                    ServerCertificateProblem.Describe(certificate, chain, errors, tls.TrustedRoots, serviceRoot.IdnHost));
                return false;
            };
        }
        _http = new HttpMessageInvoker(new CapturingHandler(handler, settings.Limits.MaxResponseBytes), disposeHandler: true);
    }

    /// <summary>The settings the client was made from.</summary>
    public ConformanceSettings Settings { get; }

    /// <summary>The provider service root, without a trailing '/'. Also the JWT <c>aud</c>.</summary>
    public string ServiceRoot { get; }

    /// <summary>The TLS options in force.</summary>
    public ClientTlsOptions Tls { get; }

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// When set, every exchange is counted towards the provider's responsiveness; once it counts as unresponsive, requests
    /// are not sent (they come back at once with a transport error saying why) so a run against a hung provider ends.
    /// </summary>
    public ProviderResponsiveness? Responsiveness { get; set; }

    /// <summary>Makes the bearer tokens (valid by default; see <see cref="GpConnectRequest.AlterToken"/>).</summary>
    public JwtBuilder TokenBuilder { get; }

    /// <summary>The full URL a request will be sent to.</summary>
    public string UrlFor(GpConnectRequest request) => ServiceRoot + request.PathAndQuery;

    /// <summary>
    /// The headers the request will carry, in order, after applying its edits (a new trace id and token each call).
    /// Content headers (Content-Type) are included when there is a body.
    /// </summary>
    public IReadOnlyList<HttpHeader> BuildHeaders(GpConnectRequest request)
    {
        var headers = new List<HttpHeader>
        {
            new(SspHeaders.TraceId, NewTraceId()),
            new(SspHeaders.From, Settings.Consumer.Asid),
            new(SspHeaders.To, Settings.Provider.Asid),
            new(SspHeaders.InteractionId, request.Interaction.InteractionId),
            new("Authorization", AuthorizationFor(BuildToken(request))),
        };
        if (request.Accept is not null) headers.Add(new HttpHeader("Accept", request.Accept));
        if (request.IfMatch is not null) headers.Add(new HttpHeader("If-Match", request.IfMatch));
        if (request.Prefer is not null) headers.Add(new HttpHeader("Prefer", request.Prefer));
        if (request.Body is not null && request.ContentType is not null) headers.Add(new HttpHeader("Content-Type", request.ContentType));

        foreach (var edit in request.HeaderEdits)
        {
            switch (edit.Kind)
            {
                case HeaderEditKind.Set:
                    var at = headers.FindIndex(h => h.Name.Equals(edit.Name, StringComparison.OrdinalIgnoreCase));
                    headers.RemoveAll(h => h.Name.Equals(edit.Name, StringComparison.OrdinalIgnoreCase));
                    headers.Insert(at < 0 ? headers.Count : at, new HttpHeader(edit.Name, edit.Value ?? ""));
                    break;
                case HeaderEditKind.Add:
                    headers.Add(new HttpHeader(edit.Name, edit.Value ?? ""));
                    break;
                case HeaderEditKind.Remove:
                    headers.RemoveAll(h => h.Name.Equals(edit.Name, StringComparison.OrdinalIgnoreCase));
                    break;
            }
        }
        return headers;
    }

    private sealed record Authorization(string Token, string Value);

    // The last Authorization value made: the token builder hands back the same token text within a second.
    private volatile Authorization? _lastAuthorization;

    private string AuthorizationFor(string token)
    {
        if (_lastAuthorization is { } last && ReferenceEquals(last.Token, token)) return last.Value;
        var value = "Bearer " + token;
        _lastAuthorization = new Authorization(token, value);
        return value;
    }

    /// <summary>
    /// A new random (version 4) GUID for <c>Ssp-TraceID</c>. The trace id must be unique, not unguessable, so its 122 random
    /// bits come from the process's fast generator rather than the operating system's secure one.
    /// </summary>
    private static string NewTraceId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A fresh token for the request's scope with its token edits applied.</summary>
    public string BuildToken(GpConnectRequest request)
    {
        if (request.TokenEdits.Count == 0) return TokenBuilder.Build(ServiceRoot, request.Scope);
        var draft = TokenBuilder.CreateDraft(ServiceRoot, request.Scope);
        foreach (var edit in request.TokenEdits) edit(draft);
        return draft.Encode();
    }

    /// <summary>
    /// Sends the request and returns the captured exchange. Transport problems (refused connection, TLS failure,
    /// timeout) come back as <see cref="HttpExchange.TransportError"/>, never as exceptions.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled by the caller.</exception>
    public async Task<HttpExchange> SendAsync(GpConnectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = UrlFor(request);
        var headers = BuildHeaders(request);
        var startedAt = _clock.GetUtcNow();
        var capture = new ExchangeCapture { RequestHeaders = headers };

        if (Responsiveness is { Unresponsive: true } watch)
        {
            return new HttpExchange
            {
                Interaction = request.Interaction, Method = request.Method, Url = url, RequestHeaders = headers,
                RequestBody = request.Body, StartedAt = startedAt, Duration = TimeSpan.Zero,
                TransportError = $"not sent: {watch.Reason}", TransportErrorKind = TransportErrorKind.Other,
            };
        }

        if (UriFor(url) is not { } uri)
        {
            return new HttpExchange
            {
                Interaction = request.Interaction, Method = request.Method, Url = url, RequestHeaders = headers,
                RequestBody = request.Body, StartedAt = startedAt, Duration = TimeSpan.Zero,
                TransportError = $"not sent: \"{url}\" is not a valid URL", TransportErrorKind = TransportErrorKind.Other,
            };
        }

        using var message = new HttpRequestMessage();
        Prepare(message, request, uri, headers);
        message.Options.Set(ExchangeCapture.Key, capture);

        // The client's own timeout, apart from the caller's cancellation (which is not a transport error).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        var timedOut = false;
        try
        {
            using var response = await _http.SendAsync(message, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = e;
            timedOut = timeout.IsCancellationRequested && e is OperationCanceledException;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        cancellationToken.ThrowIfCancellationRequested();

        var exchange = new HttpExchange
        {
            Interaction = request.Interaction,
            Method = request.Method,
            Url = url,
            RequestHeaders = capture.RequestHeaders,
            RequestBody = request.Body,
            StartedAt = startedAt,
            Duration = capture.Elapsed ?? elapsed,
            EvidenceBodyLimit = Settings.Limits.MaxEvidenceBodyChars,
        };
        if (capture.StatusCode is null)
        {
            var (kind, text) = DescribeTransportError(failure, timedOut, DateTimeOffset.UtcNow - elapsed);
            exchange = exchange with { TransportError = text, TransportErrorKind = kind };
            Responsiveness?.Record(exchange);
            return exchange;
        }
        Responsiveness?.Record(exchange);
        // The body is decoded once, straight from the pooled buffer it was read into, which then goes back to the pool.
        using var received = capture.ResponseBody;
        if (capture.BodyRefused is not null)
            return Refused(exchange, capture, capture.BodyRefused, received);
        var (body, problem, refused) = ResponseBodyDecoder.Decode(received, capture.ResponseHeaders, Settings.Limits.MaxDecodedResponseBytes);
        if (refused is not null)
            return Refused(exchange, capture, $"the HTTP {capture.StatusCode} response was refused: {refused}", received);
        return exchange with
        {
            StatusCode = capture.StatusCode,
            ReasonPhrase = capture.ReasonPhrase,
            ResponseHeaders = capture.ResponseHeaders,
            ResponseBody = body,
            ResponseBodyWireLength = received.Length,
            ResponseBodyProblem = problem,
        };
    }

    /// <summary>
    /// A response whose body cannot be used (too large, expands too far, not valid UTF-8): no status, so every check on
    /// it fails with <paramref name="reason"/>; the headers and the start of the body stay as evidence.
    /// </summary>
    private static HttpExchange Refused(HttpExchange exchange, ExchangeCapture capture, string reason, ReceivedBody received) => exchange with
    {
        ReasonPhrase = capture.ReasonPhrase,
        ResponseHeaders = capture.ResponseHeaders,
        ResponseBody = Encoding.UTF8.GetString(received.Span[..Math.Min(received.Length, CapturingHandler.RefusedBodyPrefix)]),
        ResponseBodyWireLength = capture.WireLength,
        ResponseBodyProblem = reason,
        TransportError = reason,
        TransportErrorKind = Client.TransportErrorKind.BodyRefused,
    };

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private sealed record ParsedUrl(string Url, Uri Uri);

    // The last URL parsed: a Uri is immutable, so the same URL sent again (a poll, a repeated read) reuses it.
    private volatile ParsedUrl? _lastUrl;

    /// <summary>The URL as sent (path and query exactly as written, no canonicalization); null when it is not a valid URL.</summary>
    private Uri? UriFor(string url)
    {
        if (_lastUrl is { } last && string.Equals(last.Url, url, StringComparison.Ordinal)) return last.Uri;
        if (!Uri.TryCreate(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }, out var uri)) return null;
        _lastUrl = new ParsedUrl(url, uri);
        return uri;
    }

    /// <summary>The shared instance for the usual methods (compared exactly: a lower-case "get" is sent as written).</summary>
    private static HttpMethod MethodFor(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        _ => new HttpMethod(method),
    };

    private static void Prepare(HttpRequestMessage message, GpConnectRequest request, Uri uri, IReadOnlyList<HttpHeader> headers)
    {
        message.Method = MethodFor(request.Method);
        message.RequestUri = uri;
        message.Headers.Clear();
        var bytes = request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body);
        message.Content = bytes is null ? null : request.SendChunked ? new UnknownLengthContent(bytes) : new ByteArrayContent(bytes);
        message.Content?.Headers.Clear();
        foreach (var header in headers)
        {
            if (message.Headers.TryAddWithoutValidation(header.Name, header.Value)) continue;
            message.Content ??= new ByteArrayContent([]);
            message.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
        }
        if (request.SendChunked && message.Content is not null) message.Headers.TransferEncodingChunked = true;
    }

    /// <summary>A body whose length is not announced, so the handler sends it chunked.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private (TransportErrorKind Kind, string Text) DescribeTransportError(Exception? error, bool timedOut, DateTimeOffset sentAt)
    {
        if (timedOut || error is TimeoutException || error?.InnerException is TimeoutException)
            return (TransportErrorKind.Timeout, $"timed out: no complete response within {Timeout.TotalSeconds:0.###} s");

        var chain = new List<Exception>();
        for (var e = error; e is not null; e = e.InnerException) chain.Add(e);
        var detail = string.Join(" → ", chain.Select(e => e.Message.Trim()).Where(m => m.Length > 0).Distinct());
        if (detail.Length == 0) detail = "no response";

        if (chain.OfType<SocketException>().Any(s => s.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable))
            return (TransportErrorKind.ConnectionRefused, $"connection refused: {detail}");
        if (chain.Any(e => e is AuthenticationException) || (ServiceRoot.StartsWith("https:", StringComparison.OrdinalIgnoreCase) && chain.Any(e => e is IOException)))
        {
            if (_lastServerCertificateRejection is { } rejection && rejection.At >= sentAt.AddSeconds(-1))
                return (TransportErrorKind.Tls, $"TLS failure: {rejection.Reason}");
            return (TransportErrorKind.Tls, $"TLS failure: {detail}");
        }
        if (chain.OfType<OperationCanceledException>().Any())
            return (TransportErrorKind.Timeout, $"timed out: no complete response within {Timeout.TotalSeconds:0.###} s");
        return (TransportErrorKind.Other, $"no response: {detail}");
    }
}
