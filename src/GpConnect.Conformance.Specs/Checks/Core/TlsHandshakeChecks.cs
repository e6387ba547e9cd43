using System.Net.Security;
using GpConnect.Conformance.Client.Tls;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Checks on a bare TLS handshake probe (spec: FHIR API guidance: TLS mutual authentication): refused below TLS 1.2 and for unapproved suites; completed with an approved suite otherwise.</summary>
public static class TlsHandshakeChecks
{
    /// <summary>The approved families AESGCM+EECDH, AESGCM+EDH, AES256+EECDH, AES256+EDH, as suites .NET can name (TLS 1.3's AES-GCM suites included).</summary>
    public static IReadOnlyList<TlsCipherSuite> ApprovedSuites { get; } =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA,
    ];

    /// <summary>Suites outside every approved family that TLS 1.2 clients commonly offer: ChaCha20-Poly1305 and AES-128-CBC with ECDHE.</summary>
    public static IReadOnlyList<TlsCipherSuite> UnapprovedSuites { get; } =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    ];

    /// <summary>The handshake was refused: no protocol agreed (nor any HTTP exchange).</summary>
    public static Check Refused(TlsHandshakeOutcome outcome, string what)
    {
        var check = new Check();
        if (outcome.Completed)
            check.Fail("tls.refused", null, "handshake refused", outcome.ToString(),
                $"The provider completed a TLS handshake {what} ({outcome.Protocol}, {outcome.CipherSuite}); it must refuse it.");
        return check;
    }

    /// <summary>The handshake completed with TLS 1.2 or later and an approved suite.</summary>
    public static Check CompletedWithApprovedSuite(TlsHandshakeOutcome outcome)
    {
        var check = new Check();
        if (!outcome.Completed)
            return check.Fail("tls.approved-accepted", null, "handshake completed", outcome.Error,
                $"The provider refused a TLS 1.2 handshake offering only approved cipher suites: {outcome.Error}.");
        if (outcome.CipherSuite is { } suite && !ApprovedSuites.Contains(suite))
            check.Fail("tls.approved-suite", null, "an approved suite", suite.ToString(), $"The handshake agreed {suite}, which is not an approved suite.");
        return check;
    }
}
