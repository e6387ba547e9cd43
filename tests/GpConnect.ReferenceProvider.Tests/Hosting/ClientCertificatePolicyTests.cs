using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Hosting;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Hosting;

/// <summary>The offline revocation list and the consumer-name rule of the HTTPS provider's client-certificate policy.</summary>
public sealed class ClientCertificatePolicyTests
{
    private readonly X509Certificate2 _authority = TestCertificates.CreateAuthority("Test Spine CA");

    private byte[] RevocationList(params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var certificate in revoked) builder.AddEntry(certificate, DateTimeOffset.UtcNow.AddMinutes(-5));
        return builder.Build(_authority, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
    }

    [Fact]
    public void A_certificate_on_the_revocation_list_is_refused_and_others_are_accepted_unless_the_fault_waives_the_check()
    {
        var revoked = TestCertificates.CreateClient(_authority);
        var good = TestCertificates.CreateClient(_authority);
        var crl = RevocationList(revoked);

        var policy = new ClientCertificatePolicy(_authority, TimeProvider.System, null, crl);
        policy.Accepts(revoked).ShouldBeFalse();
        policy.Accepts(good).ShouldBeTrue();

        new ClientCertificatePolicy(_authority, TimeProvider.System, ActiveFaults.Resolve(["tls-accepts-revoked-certificate"]), crl).Accepts(revoked).ShouldBeTrue();
    }

    [Fact]
    public void A_revocation_list_signed_by_another_ca_is_rejected_at_start()
    {
        var other = TestCertificates.CreateAuthority("Someone else");
        var builder = new CertificateRevocationListBuilder();
        var crl = builder.Build(other, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
        Should.Throw<CryptographicException>(() => new ClientCertificatePolicy(_authority, TimeProvider.System, null, crl))
            .Message.ShouldContain("does not verify");
    }

    [Fact]
    public void Only_the_configured_consumer_name_is_accepted_when_one_is_set()
    {
        var client = TestCertificates.CreateClient(_authority); // CN=ssp.test
        new ClientCertificatePolicy(_authority, TimeProvider.System, null, null, "ssp.test").Accepts(client).ShouldBeTrue();
        new ClientCertificatePolicy(_authority, TimeProvider.System, null, null, "other.test").Accepts(client).ShouldBeFalse();
        new ClientCertificatePolicy(_authority, TimeProvider.System, ActiveFaults.Resolve(["tls-accepts-any-certificate-name"]), null, "other.test").Accepts(client).ShouldBeTrue();
    }
}
