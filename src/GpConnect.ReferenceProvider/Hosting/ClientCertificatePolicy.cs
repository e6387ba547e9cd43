using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GpConnect.ReferenceProvider.Faults;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>Accepts only client certificates that are in date and chain to the configured CA (spec: FHIR API guidance: TLS mutual authentication).</summary>
internal sealed class ClientCertificatePolicy(
    X509Certificate2 authority, TimeProvider clock, ActiveFaults? faults = null, byte[]? revocationList = null, string? expectedName = null)
{
    private readonly ActiveFaults _faults = faults ?? ActiveFaults.None;
    private readonly RevocationList? _revoked = revocationList is null ? null : RevocationList.Load(revocationList, authority);

    /// <summary>Whether a connection must present a client certificate at all.</summary>
    public bool RequiresCertificate => !_faults.Waives(ProviderRule.ClientCertificateRequired);

    /// <summary>
    /// True under the fault nhs-assurance-client-cert-http-errors: bad certificates pass the handshake and the request is
    /// answered 496 (no certificate) or 495 (certificate refused) instead.
    /// </summary>
    public bool AnswersOverHttp => _faults.Waives(ProviderRule.ClientCertificateRefusedInHandshake);

    /// <summary>496 without a certificate, 495 for one this policy refuses, null for an accepted one.</summary>
    public int? HttpStatusFor(X509Certificate2? certificate) =>
        certificate is null ? (RequiresCertificate ? 496 : null) : Accepts(certificate) ? null : 495;

    public bool Accepts(X509Certificate2? certificate)
    {
        if (certificate is null) return !RequiresCertificate;
        var now = clock.GetUtcNow().UtcDateTime;
        var inDate = now >= certificate.NotBefore.ToUniversalTime() && now <= certificate.NotAfter.ToUniversalTime();
        if (!inDate && !_faults.Waives(ProviderRule.ClientCertificateDatesChecked)) return false;
        if (!_faults.Waives(ProviderRule.ClientCertificateChainChecked) && !ChainsToAuthority(certificate, now, inDate)) return false;
        // Revocation and name are checked whatever the chain rule says: a provider that trusts any CA can still hold a
        // revocation list and match names, so each fault shows only its own behaviour.
        if (_revoked is not null && !_faults.Waives(ProviderRule.ClientCertificateRevocationChecked) && _revoked.Holds(certificate)) return false;
        if (expectedName is not null && !_faults.Waives(ProviderRule.ClientCertificateNameChecked) && !Names(certificate, expectedName)) return false;
        return true;
    }

    private bool ChainsToAuthority(X509Certificate2 certificate, DateTime now, bool inDate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Dates are judged above; the chain is built at a moment the certificate was valid.
        chain.ChainPolicy.VerificationTime = inDate ? now : certificate.NotBefore.ToUniversalTime().AddMinutes(1);
        if (!chain.Build(certificate)) return false;
        return chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(authority.RawData);
    }

    /// <summary>True when the certificate names <paramref name="fqdn"/> as its subject CN or a DNS subject alternative name.</summary>
    private static bool Names(X509Certificate2 certificate, string fqdn)
    {
        if (string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, false), fqdn, StringComparison.OrdinalIgnoreCase)) return true;
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        return san is not null && san.EnumerateDnsNames().Any(n => string.Equals(n, fqdn, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Adapter for Kestrel's validation callback (the platform's own chain errors are ignored in favour of ours).</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors) => Accepts(certificate);
}
