using System.Security.Cryptography.X509Certificates;

namespace GpConnect.ReferenceProvider;

/// <summary>Settings for one running instance of the embedded reference provider.</summary>
public sealed class ReferenceProviderOptions
{
    /// <summary>The practice ODS code; it forms the first segment of the service root.</summary>
    public string OdsCode { get; set; } = "A20047";

    /// <summary>The provider's own ASID: every request's <c>Ssp-To</c> header must equal it.</summary>
    public string Asid { get; set; } = "918999198993";

    /// <summary>The GP Connect release the provider behaves as: "1.2.3", "1.2.4" or "1.2.7".</summary>
    public string SpecVersion { get; set; } = "1.2.7";

    /// <summary>Named faults to switch on (see <see cref="ProviderFaults.All"/>). An unknown name fails start-up.</summary>
    public IReadOnlyCollection<string> Faults { get; set; } = [];

    /// <summary>The IP address (or "localhost") to listen on. Loopback by default.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks an ephemeral port.</summary>
    public int Port { get; set; } = 0;

    /// <summary>When set, the provider serves HTTPS with this certificate (which must hold a private key).</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>When set (with <see cref="ServerCertificate"/>), clients must present an in-date certificate chaining to this CA.</summary>
    public X509Certificate2? ClientCertificateAuthority { get; set; }

    /// <summary>
    /// The switch for revocation checking: when set (DER bytes of a CRL signed by <see cref="ClientCertificateAuthority"/>),
    /// client certificates whose serial number the list holds are refused. Offline, file-based checking: the provider
    /// fetches no CRL or OCSP answer itself. Null (the default) checks no revocation.
    /// </summary>
    public byte[]? ClientCertificateRevocationList { get; set; }

    /// <summary>
    /// When set, a client certificate must carry this FQDN (the SSP's, in the live service) as its subject CN or as a DNS
    /// subject alternative name. Null (the default) does not check the name.
    /// </summary>
    public string? ClientCertificateName { get; set; }

    /// <summary>Clock-skew leeway in seconds applied to the JWT <c>exp</c> and <c>iat</c> claims.</summary>
    public int JwtClockSkewLeewaySeconds { get; set; } = 120;

    /// <summary>Whether an <c>iat</c> further in the future than the leeway is rejected.</summary>
    public bool ValidateIat { get; set; } = true;

    /// <summary>
    /// When true, a cancelled appointment's slots stay busy (a lawful but rarer provider behaviour). By default they become
    /// free again, as in most GP systems.
    /// </summary>
    public bool CancelledSlotsStayBusy { get; set; }

    /// <summary>
    /// When set, the provider holds requests back (one in N, or all after the first N) as a hung system would; for the
    /// suite's own tests of its time budget and unresponsive-provider detection. Null: every request is answered at once.
    /// </summary>
    public Pipeline.ResponseStall? Stall { get; set; }

        /// <summary>The clock used for JWT timing and certificate validity, and (unless <see cref="AsOf"/> is set) seeded slot dates.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// When set, the practice runs as if today were this UK date: its seeded diary, today, booking horizon and past rules
    /// follow it at the real time of day. JWT timing and certificate validity stay on <see cref="TimeProvider"/>.
    /// </summary>
    public DateOnly? AsOf { get; set; }
}
