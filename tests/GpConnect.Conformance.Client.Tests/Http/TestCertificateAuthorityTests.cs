using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Tests.Support;
using GpConnect.Conformance.Client.Tls;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Http;

public sealed class TestCertificateAuthorityTests
{
    [Fact]
    public void Issued_certificates_chain_to_the_ca_and_carry_keys()
    {
        using var ca = TestCertificateAuthority.Create();
        using var server = ca.IssueServerCertificate();
        using var client = ca.IssueClientCertificate();
        var validator = new CertificateChainValidator(ca.TrustedRoots);

        ca.Certificate.HasPrivateKey.ShouldBeTrue();
        server.HasPrivateKey.ShouldBeTrue();
        client.HasPrivateKey.ShouldBeTrue();
        validator.IsTrusted(server, null, out _).ShouldBeTrue();
        validator.IsTrusted(client, null, out _).ShouldBeTrue();
        server.Issuer.ShouldBe(ca.Certificate.Subject);
    }

    [Fact]
    public void Server_certificate_names_localhost_and_loopback()
    {
        using var ca = TestCertificateAuthority.Create();
        using var server = ca.IssueServerCertificate();

        server.MatchesHostname("localhost").ShouldBeTrue();
        server.MatchesHostname("127.0.0.1").ShouldBeTrue();
        server.MatchesHostname("example.org").ShouldBeFalse();
    }

    [Fact]
    public void Expired_and_foreign_certificates_are_not_trusted()
    {
        using var ca = TestCertificateAuthority.Create();
        using var expired = ca.IssueExpiredClientCertificate();
        using var foreign = TestCertificateAuthority.CreateUntrustedClientCertificate();
        var validator = new CertificateChainValidator(ca.TrustedRoots);

        validator.IsTrusted(expired, null, out var expiredReason).ShouldBeFalse();
        expiredReason.ShouldNotBeEmpty();
        validator.IsTrusted(foreign, null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Exported_files_load_back_through_the_certificate_loader()
    {
        using var temp = new TempDirectory();
        using var ca = TestCertificateAuthority.Create();
        using var client = ca.IssueClientCertificate();
        TestCertificateAuthority.ExportPfx(client, temp.File("c.pfx"), "pw");
        TestCertificateAuthority.ExportPem(client, temp.File("c.pem"));
        ca.ExportCaCertificatePem(temp.File("ca.pem"));
        File.WriteAllBytes(temp.File("ca.der"), ca.Certificate.Export(X509ContentType.Cert));

        using var fromPfx = CertificateLoader.LoadClientCertificate(temp.File("c.pfx"), "pw");
        using var fromPem = CertificateLoader.LoadClientCertificate(temp.File("c.pem"), null);
        fromPfx.Thumbprint.ShouldBe(client.Thumbprint);
        fromPem.Thumbprint.ShouldBe(client.Thumbprint);
        fromPem.HasPrivateKey.ShouldBeTrue();
        CertificateLoader.LoadCaCertificates(temp.File("ca.pem")).Single().Thumbprint.ShouldBe(ca.Certificate.Thumbprint);
        CertificateLoader.LoadCaCertificates(temp.File("ca.der")).Single().Thumbprint.ShouldBe(ca.Certificate.Thumbprint);
    }

    [Fact]
    public void A_certificate_without_a_key_is_not_a_client_certificate()
    {
        using var temp = new TempDirectory();
        using var ca = TestCertificateAuthority.Create();
        ca.ExportCaCertificatePem(temp.File("only-cert.pem"));

        Should.Throw<CertificateLoadException>(() => CertificateLoader.LoadClientCertificate(temp.File("only-cert.pem"), null))
            .Message.ShouldContain("only-cert.pem");
    }
}
