using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GpConnect.Conformance.Client.Tests.Support;

/// <summary>
/// A tiny in-process Kestrel server on 127.0.0.1 (port 0) that answers every request with a JSON description of what
/// it received. Special paths: <c>/slow</c> never answers; <c>/gzip</c> answers gzip-compressed;
/// <c>/status/{code}</c> answers with that status.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    public const string ServiceRootPath = "/A20047/STU3/1/gpconnect";
    private readonly WebApplication _app;

    private EchoServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri ServiceRoot => new(BaseUri, ServiceRootPath);

    /// <summary>Starts a plain-HTTP server.</summary>
    public static Task<EchoServer> StartAsync() => StartAsync(null, null);

    /// <summary>Starts an HTTPS server presenting <paramref name="serverCertificate"/> and requiring a client certificate that chains to <paramref name="clientRoots"/>.</summary>
    public static async Task<EchoServer> StartAsync(X509Certificate2? serverCertificate, X509Certificate2Collection? clientRoots)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is null) return;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = serverCertificate;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                var validator = new CertificateChainValidator(clientRoots ?? []);
                https.ClientCertificateValidation = (certificate, _, _) => validator.IsTrusted(certificate, null, out _);
            });
        }));

        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EchoServer(app, new Uri(address));
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/slow", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return;
        }

        var echo = await DescribeAsync(context);
        if (path.Contains("/status/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = int.Parse(path[(path.LastIndexOf('/') + 1)..]);
            context.Response.ContentType = "application/fhir+json;charset=utf-8";
            await context.Response.WriteAsync("""{"resourceType":"OperationOutcome"}""");
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(echo.ToJsonString());
        context.Response.ContentType = "application/json;charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (path.EndsWith("/gzip", StringComparison.Ordinal))
        {
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
            bytes = buffer.ToArray();
            context.Response.Headers.ContentEncoding = "gzip";
        }
        await context.Response.Body.WriteAsync(bytes);
    }

    private static async Task<JsonObject> DescribeAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = new JsonArray();
        foreach (var (name, values) in context.Request.Headers)
            foreach (var value in values) headers.Add(new JsonArray(name, value));
        return new JsonObject
        {
            ["method"] = context.Request.Method,
            ["target"] = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            ["path"] = context.Request.Path.Value,
            ["query"] = context.Request.Query.Select(q => new JsonArray(q.Key, string.Join(",", q.Value.ToArray()))).Aggregate(new JsonArray(), (a, q) => { a.Add(q); return a; }),
            ["headers"] = headers,
            ["body"] = body.Length == 0 ? null : body,
            ["clientCertificate"] = context.Connection.ClientCertificate?.Subject,
            ["tlsProtocol"] = context.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>()?.Protocol.ToString(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the echo server saw, read back from its response.</summary>
internal sealed class Echo(JsonNode json)
{
    public static Echo From(HttpExchange exchange)
    {
        exchange.TransportError.ShouldBeNullWithMessage();
        return new Echo(JsonNode.Parse(exchange.ResponseBody)!);
    }

    public string Method => json["method"]!.GetValue<string>();
    public string Target => json["target"]!.GetValue<string>();
    public string Path => json["path"]!.GetValue<string>();
    public string? Body => json["body"]?.GetValue<string>();
    public string? ClientCertificate => json["clientCertificate"]?.GetValue<string>();
    public string? TlsProtocol => json["tlsProtocol"]?.GetValue<string>();

    public IReadOnlyList<(string Name, string Value)> Headers =>
        json["headers"]!.AsArray().Select(h => (h![0]!.GetValue<string>(), h[1]!.GetValue<string>())).ToList();

    /// <summary>Values of a header, case-insensitive; empty when the header was not received.</summary>
    public IReadOnlyList<string> Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public IReadOnlyList<(string Name, string Value)> Query =>
        json["query"]!.AsArray().Select(q => (q![0]!.GetValue<string>(), q[1]!.GetValue<string>())).ToList();
}

internal static class ExchangeAssertions
{
    public static void ShouldBeNullWithMessage(this string? transportError)
    {
        if (transportError is not null) throw new Shouldly.ShouldAssertException($"Expected a response but got a transport error: {transportError}");
    }
}
