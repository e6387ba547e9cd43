using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>Accepts only client certificates that are in date and chain to the configured CA (core.md §1.3).</summary>
internal sealed class ClientCertificatePolicy(X509Certificate2 authority, TimeProvider clock)
{
    public bool Accepts(X509Certificate2? certificate)
    {
        if (certificate is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime()) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        if (!chain.Build(certificate)) return false;
        var root = chain.ChainElements[^1].Certificate;
        return root.RawData.AsSpan().SequenceEqual(authority.RawData);
    }

    /// <summary>Adapter for Kestrel's validation callback (the platform's own chain errors are ignored in favour of ours).</summary>
    public bool Validate(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors) => Accepts(certificate);
}
