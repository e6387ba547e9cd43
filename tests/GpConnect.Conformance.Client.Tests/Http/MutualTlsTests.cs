using GpConnect.Conformance.Client.Tests.Support;
using GpConnect.Conformance.Client.Tls;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Http;

/// <summary>One generated CA and one HTTPS echo server requiring client certificates from it, shared by the class.</summary>
public sealed class MutualTlsServer : IAsyncLifetime
{
    public TestCertificateAuthority Ca { get; } = TestCertificateAuthority.Create();
    public EchoServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await EchoServer.StartAsync(Ca.IssueServerCertificate(), Ca.TrustedRoots);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Ca.Dispose();
    }
}

/// <summary>The client against an HTTPS echo server that requires a client certificate from a generated CA.</summary>
public sealed class MutualTlsTests(MutualTlsServer fixture) : IClassFixture<MutualTlsServer>
{
    private readonly TestCertificateAuthority _ca = fixture.Ca;
    private readonly EchoServer _server = fixture.Server;

    private async Task<HttpExchange> SendWith(ClientTlsOptions tls)
    {
        using var client = new GpConnectClient(TestSettings.Default(("http:timeoutSeconds", "20")), _server.ServiceRoot, null, tls);
        return await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_client_certificate_from_the_ca_is_accepted()
    {
        using var certificate = _ca.IssueClientCertificate("ssp.test");

        var exchange = await SendWith(new ClientTlsOptions { ClientCertificate = certificate, TrustedRoots = _ca.TrustedRoots });

        exchange.Url.ShouldStartWith("https://127.0.0.1:");
        exchange.StatusCode.ShouldBe(200);
        Echo.From(exchange).ClientCertificate.ShouldBe("CN=ssp.test");
    }

    [Fact]
    public async Task The_tls_version_can_be_pinned()
    {
        using var certificate = _ca.IssueClientCertificate();

        var exchange = await SendWith(new ClientTlsOptions
        {
            ClientCertificate = certificate, TrustedRoots = _ca.TrustedRoots, Protocols = System.Security.Authentication.SslProtocols.Tls12,
        });

        Echo.From(exchange).TlsProtocol.ShouldBe("Tls12");
    }

    [Fact]
    public async Task No_client_certificate_is_a_tls_transport_error()
    {
        var exchange = await SendWith(new ClientTlsOptions { TrustedRoots = _ca.TrustedRoots });

        exchange.HasResponse.ShouldBeFalse();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, exchange.TransportError);
        exchange.TransportError!.ShouldStartWith("TLS failure: ");
    }

    [Fact]
    public async Task An_expired_client_certificate_is_refused()
    {
        using var expired = _ca.IssueExpiredClientCertificate();
        expired.NotAfter.ShouldBeLessThan(DateTime.Now);

        var exchange = await SendWith(new ClientTlsOptions { ClientCertificate = expired, TrustedRoots = _ca.TrustedRoots });

        exchange.HasResponse.ShouldBeFalse();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, exchange.TransportError);
    }

    [Fact]
    public async Task A_client_certificate_from_an_untrusted_ca_is_refused()
    {
        using var untrusted = TestCertificateAuthority.CreateUntrustedClientCertificate();
        new CertificateChainValidator(_ca.TrustedRoots).IsTrusted(untrusted, null, out var reason).ShouldBeFalse();
        reason.ShouldNotBeEmpty();

        var exchange = await SendWith(new ClientTlsOptions { ClientCertificate = untrusted, TrustedRoots = _ca.TrustedRoots });

        exchange.HasResponse.ShouldBeFalse();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, exchange.TransportError);
    }

    [Fact]
    public async Task A_server_certificate_from_another_ca_is_refused_unless_validation_is_off()
    {
        using var otherCa = TestCertificateAuthority.Create("Other CA");
        using var certificate = _ca.IssueClientCertificate();

        var refused = await SendWith(new ClientTlsOptions { ClientCertificate = certificate, TrustedRoots = otherCa.TrustedRoots });
        refused.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, refused.TransportError);

        var systemTrust = await SendWith(new ClientTlsOptions { ClientCertificate = certificate });
        systemTrust.TransportErrorKind.ShouldBe(TransportErrorKind.Tls, systemTrust.TransportError);

        var unchecked_ = await SendWith(new ClientTlsOptions { ClientCertificate = certificate, ValidateServerCertificate = false });
        unchecked_.StatusCode.ShouldBe(200);
    }

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task Certificates_configured_in_settings_are_used(string format)
    {
        using var temp = new TempDirectory();
        using var certificate = _ca.IssueClientCertificate("from-settings.test");
        var certificatePath = temp.File($"client.{format}");
        if (format == "pfx") TestCertificateAuthority.ExportPfx(certificate, certificatePath, "s3cret");
        else TestCertificateAuthority.ExportPem(certificate, certificatePath);
        var caPath = temp.File("ca.pem");
        _ca.ExportCaCertificatePem(caPath);

        var settings = TestSettings.Default(
            ("tls:clientCertificate", certificatePath),
            ("tls:clientCertificatePassword", format == "pfx" ? "s3cret" : ""),
            ("tls:trustedCaCertificate", caPath));
        using var client = new GpConnectClient(settings, _server.ServiceRoot);

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

        exchange.StatusCode.ShouldBe(200, exchange.TransportError);
        Echo.From(exchange).ClientCertificate.ShouldBe("CN=from-settings.test");
    }
}
