using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using GpConnect.ReferenceProvider.Faults;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>Accepts only client certificates that are in date and chain to the configured CA (core.md §1.3).</summary>
internal sealed class ClientCertificatePolicy(X509Certificate2 authority, TimeProvider clock, ActiveFaults? faults = null)
{
    private readonly ActiveFaults _faults = faults ?? ActiveFaults.None;

    /// <summary>Whether a connection must present a client certificate at all.</summary>
    public bool RequiresCertificate => !_faults.Waives(ProviderRule.ClientCertificateRequired);

    public bool Accepts(X509Certificate2? certificate)
    {
        if (certificate is null) return !RequiresCertificate;
        var now = clock.GetUtcNow().UtcDateTime;
        var inDate = now >= certificate.NotBefore.ToUniversalTime() && now <= certificate.NotAfter.ToUniversalTime();
        if (!inDate && !_faults.Waives(ProviderRule.ClientCertificateDatesChecked)) return false;
        if (_faults.Waives(ProviderRule.ClientCertificateChainChecked)) return true;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Dates are judged above; the chain is built at a moment the certificate was valid.
        chain.ChainPolicy.VerificationTime = inDate ? now : certificate.NotBefore.ToUniversalTime().AddMinutes(1);
        if (!chain.Build(certificate)) return false;
        var root = chain.ChainElements[^1].Certificate;
        return root.RawData.AsSpan().SequenceEqual(authority.RawData);
    }

    /// <summary>Adapter for Kestrel's validation callback (the platform's own chain errors are ignored in favour of ours).</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors) => Accepts(certificate);
}
