using System.Net.Security;
using System.Security.Authentication;
using GpConnect.ReferenceProvider.Faults;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>
/// The TLS versions and cipher suites the HTTPS provider offers (spec: FHIR API guidance: TLS mutual authentication): TLS 1.2 and 1.3 only, and only suites of
/// the approved families AESGCM+EECDH, AESGCM+EDH, AES256+EECDH and AES256+EDH (TLS 1.3's AES-GCM suites are ephemeral
/// ECDH with AES-GCM too; its ChaCha20 suite is not approved).
/// </summary>
internal static class TlsPolicy
{
    private static readonly TlsCipherSuite[] Approved =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256,
    ];

    /// <summary>
    /// TLS 1.2 and 1.3 (with the fault tls-13-only, TLS 1.3 alone). No fault re-enables TLS 1.0/1.1: OpenSSL 3 at its default
    /// security level refuses them whatever the provider asks, so such a fault could not be shown here.
    /// </summary>
    public static SslProtocols Protocols(ActiveFaults faults) =>
        faults.Waives(ProviderRule.TlsOffersTls12) ? SslProtocols.Tls13 : SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>
    /// The approved suites as a policy, or null to leave the platform's defaults (under the fault
    /// tls-accepts-unapproved-cipher, and on platforms where .NET cannot restrict suites: Windows).
    /// </summary>
    public static CipherSuitesPolicy? CipherSuites(ActiveFaults faults)
    {
        if (faults.Waives(ProviderRule.TlsApprovedCipherSuitesOnly) || OperatingSystem.IsWindows()) return null;
        return new CipherSuitesPolicy(Approved);
    }
}
