using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>
/// A throwaway certificate authority for tests and the embedded provider's HTTPS mode: it issues a server
/// certificate for 127.0.0.1/localhost and client certificates (valid, expired, or from another, untrusted CA).
/// RSA 2048 keys, SHA-256 signatures. Every certificate returned carries its private key. Never use in production.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly RSA _key;
    private readonly TimeProvider _clock;

    private TestCertificateAuthority(string commonName, TimeProvider clock)
    {
        _clock = clock;
        _key = RSA.Create(2048);
        var now = clock.GetUtcNow();
        var request = new CertificateRequest($"CN={commonName}, O=GP Connect Conformance (test only)", _key,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var self = request.CreateSelfSigned(now.AddDays(-30), now.AddYears(5));
        Certificate = Reload(self);
    }

    /// <summary>Creates a new CA with a fresh key.</summary>
    public static TestCertificateAuthority Create(string commonName = "GPCC Test CA", TimeProvider? clock = null) =>
        new(commonName, clock ?? TimeProvider.System);

    /// <summary>The CA certificate (with its private key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate alone, for trust stores.</summary>
    public X509Certificate2Collection TrustedRoots => [X509CertificateLoader.LoadCertificate(Certificate.RawData)];

    /// <summary>
    /// Issues a TLS server certificate. Subject alternative names default to <c>localhost</c>, <c>127.0.0.1</c> and
    /// <c>::1</c>; entries that parse as IP addresses become IP SANs.
    /// </summary>
    public X509Certificate2 IssueServerCertificate(params string[] names)
    {
        if (names.Length == 0) names = ["localhost", "127.0.0.1", "::1"];
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var ip)) san.AddIpAddress(ip);
            else san.AddDnsName(name);
        }
        var now = _clock.GetUtcNow();
        return Issue($"CN={names[0]}", now.AddDays(-1), now.AddDays(30), Oids.ServerAuthentication, san.Build());
    }

    /// <summary>Issues a client certificate valid from yesterday for 30 days (or for the given window).</summary>
    public X509Certificate2 IssueClientCertificate(string commonName = "gpcc-consumer.test", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var now = _clock.GetUtcNow();
        return Issue($"CN={commonName}", notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(30), Oids.ClientAuthentication, null);
    }

    /// <summary>Issues a client certificate that expired yesterday (valid for the ten days before).</summary>
    public X509Certificate2 IssueExpiredClientCertificate(string commonName = "gpcc-expired.test")
    {
        var now = _clock.GetUtcNow();
        return IssueClientCertificate(commonName, now.AddDays(-11), now.AddDays(-1));
    }

    /// <summary>Issues a client certificate from a separate, freshly made CA that nobody trusts.</summary>
    public static X509Certificate2 CreateUntrustedClientCertificate(string commonName = "gpcc-untrusted.test", TimeProvider? clock = null)
    {
        using var other = Create("GPCC Untrusted CA", clock);
        return other.IssueClientCertificate(commonName);
    }

    /// <summary>A DER-encoded revocation list, signed by this CA, that revokes <paramref name="revoked"/> (valid for 30 days).</summary>
    public byte[] RevocationList(params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        var now = _clock.GetUtcNow();
        foreach (var certificate in revoked) builder.AddEntry(certificate, now.AddMinutes(-5), X509RevocationReason.KeyCompromise);
        return builder.Build(Certificate, System.Numerics.BigInteger.One, now.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now.AddMinutes(-5));
    }

    /// <summary>Writes the CA certificate (no key) as PEM.</summary>
    public void ExportCaCertificatePem(string path) => File.WriteAllText(path, Certificate.ExportCertificatePem());

    /// <summary>Writes a certificate and its private key as PKCS#12.</summary>
    public static void ExportPfx(X509Certificate2 certificate, string path, string? password) =>
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));

    /// <summary>Writes a certificate and its unencrypted private key as one PEM file.</summary>
    public static void ExportPem(X509Certificate2 certificate, string path)
    {
        using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }

    private X509Certificate2 Issue(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter, string usageOid, X509Extension? san)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (san is not null) request.CertificateExtensions.Add(san);

        // The issued window must sit inside the CA's own window.
        if (notBefore < Certificate.NotBefore) notBefore = Certificate.NotBefore;
        if (notAfter > Certificate.NotAfter) notAfter = Certificate.NotAfter;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(Certificate, notBefore, notAfter, serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    // PKCS#12 round-trip: gives a certificate whose key SslStream can use on every platform.
    private static X509Certificate2 Reload(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);

    private static class Oids
    {
        public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
        public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    }
}
