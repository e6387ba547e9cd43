using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Tests.Support;
using GpConnect.Conformance.Client.Tls;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Http;

/// <summary>
/// Audit finding 10: every rejected server certificate read "rejected by the provided RemoteCertificateValidationCallback".
/// The transport error now says why: untrusted CA, expired, self-signed, host name mismatch.
/// </summary>
public sealed class ServerCertificateReasonTests : IDisposable
{
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create();

    public void Dispose() => _ca.Dispose();

    private async Task<HttpExchange> SendTo(X509Certificate2 serverCertificate, X509Certificate2Collection? trusted)
    {
        await using var server = await EchoServer.StartAsync(serverCertificate, _ca.TrustedRoots);
        using var clientCertificate = _ca.IssueClientCertificate();
        using var client = new GpConnectClient(TestSettings.Default(("http:timeoutSeconds", "20")), server.ServiceRoot, null,
            new ClientTlsOptions { ClientCertificate = clientCertificate, TrustedRoots = trusted });
        return await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);
    }

    private static void ShouldBeTlsFailure(HttpExchange exchange, string because)
    {
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, exchange.TransportError);
        exchange.TransportError.ShouldNotBeNull().ShouldContain(because);
        exchange.TransportError.ShouldNotContain("RemoteCertificateValidationCallback");
    }

    [Fact]
    public async Task A_certificate_from_an_untrusted_ca_says_so()
    {
        using var other = TestCertificateAuthority.Create("Some Other CA");
        ShouldBeTlsFailure(await SendTo(_ca.IssueServerCertificate(), other.TrustedRoots), "is not a trusted CA");
    }

    [Fact]
    public async Task A_host_name_mismatch_says_so()
    {
        ShouldBeTlsFailure(await SendTo(_ca.IssueServerCertificate("provider.elsewhere.example"), _ca.TrustedRoots), "do not include the host \"127.0.0.1\"");
    }

    [Fact]
    public async Task An_expired_certificate_says_so()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(_ca.Certificate, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(key);
        var expired = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);

        ShouldBeTlsFailure(await SendTo(expired, _ca.TrustedRoots), "expired on");
    }

    [Fact]
    public async Task A_self_signed_certificate_says_so()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var selfSigned = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);

        ShouldBeTlsFailure(await SendTo(selfSigned, _ca.TrustedRoots), "self-signed");
    }
}
