using System.Diagnostics;
using System.Globalization;
using System.Net;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>One interaction's figures: mean wall time per request for the raw call and the harness, and the overhead.</summary>
public sealed record OverheadResult(string Interaction, int RequestsEach, double RawMicros, double HarnessMicros, double OverheadPercent, double OverheadMicros);

/// <summary>
/// The harness's own cost per request over a raw HTTP call: the same request (URL, the four SSP headers and a bearer
/// token built once) sent to the same provider by a bare <see cref="HttpClient"/>, against
/// <see cref="GpConnectClient.SendAsync"/> (which builds a fresh trace id and JWT, goes through the capturing handler chain, captures the
/// exchange and decodes the body). Both run on one thread, alternating in rounds so machine load drifts hit both alike;
/// the overhead is the median over rounds of harness time / raw time − 1.
/// </summary>
public static class RequestOverheadBench
{
    public const double TargetPercent = 10;

    public static async Task<OverheadResult> MeasureAsync(GpConnectClient client, GpConnectRequest request, string name, int requestsEach, CancellationToken cancellationToken = default)
    {
        using var raw = RawClient(client);
        var url = client.UrlFor(request);
        var headers = client.BuildHeaders(request);

        async Task<bool> SendRaw()
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            foreach (var header in headers) message.Headers.TryAddWithoutValidation(header.Name, header.Value);
            using var response = await raw.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return (int)response.StatusCode == request.Interaction.SuccessStatus && body.Length > 0;
        }
        async Task<bool> SendHarness()
        {
            var exchange = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return exchange.StatusCode == request.Interaction.SuccessStatus && exchange.ResponseBody.Length > 0;
        }

        // Warm up both paths (JIT, connection pools), and check both get the success status: a failing request measures nothing.
        for (var i = 0; i < Math.Min(50, requestsEach); i++)
        {
            if (!await SendRaw().ConfigureAwait(false)) throw new InvalidOperationException($"{name}: the raw request did not succeed; nothing to compare.");
            if (!await SendHarness().ConfigureAwait(false)) throw new InvalidOperationException($"{name}: the harness request did not succeed; nothing to compare.");
        }

        const int rounds = 20;
        var perRound = Math.Max(1, requestsEach / rounds);
        var ratios = new List<double>();
        double rawTotal = 0, harnessTotal = 0;
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which path goes first, so neither always runs on a warmer machine.
            var rawFirst = round % 2 == 0;
            double rawTicks = 0, harnessTicks = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var doRaw = pass == 0 == rawFirst;
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < perRound; i++) _ = doRaw ? await SendRaw().ConfigureAwait(false) : await SendHarness().ConfigureAwait(false);
                var ticks = Stopwatch.GetTimestamp() - start;
                if (doRaw) rawTicks = ticks; else harnessTicks = ticks;
            }
            ratios.Add(harnessTicks / rawTicks);
            rawTotal += rawTicks;
            harnessTotal += harnessTicks;
        }
        ratios.Sort();
        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        var n = (double)perRound * rounds;
        var rawMicros = rawTotal / Stopwatch.Frequency * 1e6 / n;
        var harnessMicros = harnessTotal / Stopwatch.Frequency * 1e6 / n;
        return new OverheadResult(name, (int)n, Math.Round(rawMicros, 1), Math.Round(harnessMicros, 1), Math.Round((median - 1) * 100, 1), Math.Round(harnessMicros - rawMicros, 1));
    }

    /// <summary>A bare HttpClient with the harness client's TLS settings (client certificate, server validation), no decompression, no redirects.</summary>
    private static HttpClient RawClient(GpConnectClient client)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
        if (client.ServiceRoot.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        {
            if (client.Tls.ClientCertificate is not null) handler.SslOptions.ClientCertificates = [client.Tls.ClientCertificate];
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => client.Tls.ValidateServer(certificate, chain, errors);
            if (client.Tls.Protocols is { } protocols) handler.SslOptions.EnabledSslProtocols = protocols;
        }
        return new HttpClient(handler) { Timeout = client.Timeout };
    }

    public static string Describe(OverheadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Interaction,-19} raw {r.RawMicros,8:0.0} µs   harness {r.HarnessMicros,8:0.0} µs   overhead {r.OverheadPercent,6:0.0} % ({r.OverheadMicros:0.0} µs per request; {r.RequestsEach} requests each)");
}
