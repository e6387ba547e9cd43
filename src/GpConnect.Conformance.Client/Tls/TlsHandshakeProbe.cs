using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>What one TLS handshake came to: the protocol and suite agreed, or why there was none.</summary>
public sealed record TlsHandshakeOutcome(bool Completed, SslProtocols? Protocol, TlsCipherSuite? CipherSuite, string? Error)
{
    public override string ToString() => Completed ? $"handshake completed with {Protocol} and {CipherSuite}" : $"handshake refused: {Error}";
}

/// <summary>
/// Probes a server's TLS handshake with .NET's own TLS client (<see cref="SslStream"/>): only the chosen protocol
/// versions and, where the platform allows it (not Windows), only the chosen cipher suites are offered. No HTTP is sent.
/// Because the local TLS library may itself forbid a protocol or suite (OpenSSL 3 disables TLS 1.0/1.1 at its default
/// security level), <see cref="LocalSupportAsync"/> first tries the same offer against a loopback server: a refusal by
/// the provider only means something when the local library can make that handshake at all.
/// </summary>
public static class TlsHandshakeProbe
{
    /// <summary>Handshakes with the server of <paramref name="serviceRoot"/> offering only <paramref name="protocols"/> (and <paramref name="suites"/> when given).</summary>
    public static async Task<TlsHandshakeOutcome> HandshakeAsync(Uri serviceRoot, SslProtocols protocols, IReadOnlyList<TlsCipherSuite>? suites,
        ClientTlsOptions tls, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await tcp.ConnectAsync(serviceRoot.Host, serviceRoot.Port, timeout.Token).ConfigureAwait(false);
            await using var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, chain, errors) => tls.ValidateServer(certificate, chain, errors));
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = serviceRoot.Host,
                EnabledSslProtocols = protocols,
                ClientCertificates = tls.ClientCertificate is null ? null : [tls.ClientCertificate],
                CipherSuitesPolicy = suites is null ? null : new CipherSuitesPolicy(suites),
            };
            await ssl.AuthenticateAsClientAsync(options, timeout.Token).ConfigureAwait(false);
            // With TLS 1.3 a refused client certificate shows only on the first read; a provider that accepted us waits for a request.
            var buffer = new byte[1];
            using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            read.CancelAfter(TimeSpan.FromMilliseconds(300));
            try
            {
                if (await ssl.ReadAsync(buffer, read.Token).ConfigureAwait(false) == 0)
                    return new TlsHandshakeOutcome(false, ssl.SslProtocol, ssl.NegotiatedCipherSuite, "the server closed the connection after the handshake");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing to read: the connection is open and waiting for a request.
            }
            return new TlsHandshakeOutcome(true, ssl.SslProtocol, ssl.NegotiatedCipherSuite, null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or SocketException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            return new TlsHandshakeOutcome(false, null, null, e.GetBaseException().Message);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string?>> LocalSupport = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether this machine's TLS library can make a handshake offering only <paramref name="protocols"/> (and
    /// <paramref name="suites"/>): tried against a loopback server that allows exactly the same. Null when it can;
    /// otherwise the reason, naming the local library's refusal. The library does not change while the process runs, so
    /// each offer is tried once per process (a try that was cancelled is not kept).
    /// </summary>
    public static async Task<string?> LocalSupportAsync(SslProtocols protocols, IReadOnlyList<TlsCipherSuite>? suites, CancellationToken cancellationToken)
    {
        var key = $"{(int)protocols}|{(suites is null ? "default" : string.Join(",", suites.Select(s => (int)s)))}";
        var attempt = LocalSupport.GetOrAdd(key, _ => TryLocallyAsync(protocols, suites));
        try
        {
            return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!attempt.IsCompletedSuccessfully && attempt.IsCompleted)
        {
            LocalSupport.TryRemove(new KeyValuePair<string, Task<string?>>(key, attempt));
            throw;
        }
    }

    private static async Task<string?> TryLocallyAsync(SslProtocols protocols, IReadOnlyList<TlsCipherSuite>? suites)
    {
        // Shared by every scenario that asks, so bounded by its own clock rather than the first asker's cancellation.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var cancellationToken = bound.Token;
        if (suites is not null && OperatingSystem.IsWindows()) return "on Windows .NET cannot restrict the cipher suites a TLS client offers";
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var server = Task.Run(async () =>
            {
                using var accepted = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                await using var ssl = new SslStream(accepted.GetStream());
                try
                {
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = certificate,
                        EnabledSslProtocols = protocols,
                        CipherSuitesPolicy = suites is null ? null : new CipherSuitesPolicy(suites),
                    }, cancellationToken).ConfigureAwait(false);
                    // Hold the connection open until the client has looked for an early close, then goes away.
                    await ssl.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is AuthenticationException or IOException)
                {
                    // The client side reports the reason.
                }
            }, cancellationToken);
            var root = new Uri($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            var outcome = await HandshakeAsync(root, protocols, suites, new ClientTlsOptions { ValidateServerCertificate = false }, cancellationToken).ConfigureAwait(false);
            await server.ConfigureAwait(false);
            return outcome.Completed ? null : $"this machine's TLS library cannot make such a handshake even with a loopback server that allows it ({outcome.Error})";
        }
        catch (PlatformNotSupportedException e)
        {
            return $"this platform cannot offer that handshake: {e.Message}";
        }
        finally
        {
            listener.Stop();
        }
    }
}
