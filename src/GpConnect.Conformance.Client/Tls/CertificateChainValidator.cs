using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>
/// Validates a certificate against a fixed set of trusted roots only (custom root trust, no system store,
/// no revocation check: test CAs publish no CRLs). Used by the client for server certificates and usable by a
/// server for client certificates.
/// </summary>
public sealed class CertificateChainValidator(X509Certificate2Collection trustedRoots)
{
    /// <summary>The trusted roots.</summary>
    public X509Certificate2Collection TrustedRoots { get; } = trustedRoots;

    /// <summary>True when <paramref name="certificate"/> chains to one of <see cref="TrustedRoots"/> and is in date.</summary>
    /// <param name="certificate">The leaf certificate.</param>
    /// <param name="intermediates">Extra certificates sent by the peer, if any.</param>
    /// <param name="reason">Why it is not trusted (empty when trusted).</param>
    public bool IsTrusted(X509Certificate2 certificate, X509Certificate2Collection? intermediates, out string reason)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(TrustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (intermediates is not null) chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        if (chain.Build(certificate))
        {
            reason = "";
            return true;
        }
        reason = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        if (reason.Length == 0) reason = "the certificate does not chain to a trusted CA";
        return false;
    }

    /// <summary>
    /// A server-certificate callback: name mismatch or a missing certificate always fail; the chain must lead to one
    /// of <see cref="TrustedRoots"/>.
    /// </summary>
    public bool ValidateServerCertificate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) return false;
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) return false;
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var extra = new X509Certificate2Collection();
        if (chain is not null)
            foreach (var element in chain.ChainElements) extra.Add(element.Certificate);
        return IsTrusted(leaf, extra, out _);
    }
}
