using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client;

/// <summary>
/// Says in one sentence why a server certificate was rejected — no certificate, host name mismatch, expired or not yet
/// valid, self-signed, or issued by a CA that is not trusted — from the <see cref="SslPolicyErrors"/> and the chain status,
/// so a TLS failure reads as its cause rather than "rejected by the validation callback".
/// </summary>
internal static class ServerCertificateProblem
{
    public static string Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2Collection? trustedRoots, string host)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return "the server presented no certificate";
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            reasons.Add($"its names ({Names(leaf)}) do not include the host \"{host}\"");

        var now = DateTime.Now;
        if (leaf.NotAfter < now) reasons.Add($"it expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        else if (leaf.NotBefore > now) reasons.Add($"it is not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");

        var statuses = ChainStatus(leaf, chain, trustedRoots);
        var selfSigned = leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData);
        if (statuses.Any(s => s is X509ChainStatusFlags.UntrustedRoot or X509ChainStatusFlags.PartialChain or X509ChainStatusFlags.NotSignatureValid)
            || (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && !statuses.Contains(X509ChainStatusFlags.NotTimeValid)))
        {
            reasons.Add(selfSigned
                ? $"it is self-signed ({leaf.Subject})"
                : $"its issuer \"{leaf.Issuer}\" is not a trusted CA ({(trustedRoots is { Count: > 0 } ? "tls:trustedCaCertificate" : "the system trust store")})");
        }
        if (statuses.Contains(X509ChainStatusFlags.Revoked)) reasons.Add("it has been revoked");
        if (reasons.Count == 0)
            reasons.Add($"the certificate chain is not valid ({string.Join(", ", statuses.Select(s => s.ToString()))}{(statuses.Count == 0 ? errors.ToString() : "")})");
        return "the server certificate was rejected: " + string.Join("; ", reasons);
    }

    private static List<X509ChainStatusFlags> ChainStatus(X509Certificate2 leaf, X509Chain? presented, X509Certificate2Collection? trustedRoots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (trustedRoots is { Count: > 0 })
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        }
        if (presented is not null)
            foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        chain.Build(leaf);
        return chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
    }

    private static string Names(X509Certificate2 leaf)
    {
        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = san is null ? [] : san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(a => a.ToString())).ToList();
        return names.Count > 0 ? string.Join(", ", names) : leaf.GetNameInfo(X509NameType.SimpleName, false).ToString(CultureInfo.InvariantCulture);
    }
}
