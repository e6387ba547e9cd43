using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tls;
using GpConnect.ReferenceProvider;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// An HTTPS endpoint that requires client certificates, for the TLS mutual-authentication scenarios (spec: FHIR API guidance: TLS mutual authentication).
/// Against the embedded provider it is a separate embedded instance (same settings and faults as the run) serving HTTPS
/// with certificates from a throwaway CA made once per process; the consumer's good certificate and the expired one come
/// from that CA. Against a remote provider it is the configured service root, with the configured client certificate and
/// CA (tls:* keys) for the good case and generated certificates for the refused ones.
/// </summary>
public sealed class TlsEndpoint : IAsyncDisposable
{
    private static readonly Lazy<ThrowawayPki> Pki = new(() => new ThrowawayPki(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly RunningReferenceProvider? _embedded;
    private readonly Func<X509Certificate2> _expired;

    private TlsEndpoint(Uri serviceRoot, ClientTlsOptions configured, Func<X509Certificate2> expired, string description, RunningReferenceProvider? embedded)
    {
        ServiceRoot = serviceRoot;
        Configured = configured;
        _expired = expired;
        Description = description;
        _embedded = embedded;
    }

    /// <summary>The HTTPS service root.</summary>
    public Uri ServiceRoot { get; }

    /// <summary>The consumer's TLS set-up that must be accepted: its client certificate and the CA the server must chain to.</summary>
    public ClientTlsOptions Configured { get; }

    /// <summary>"embedded HTTPS reference provider" or "remote provider", for evidence.</summary>
    public string Description { get; }

    /// <summary>The configured trust without any client certificate.</summary>
    public ClientTlsOptions WithoutClientCertificate() => With(null);

    /// <summary>The configured trust with a client certificate from a CA nobody trusts.</summary>
    public ClientTlsOptions WithUntrustedClientCertificate() => With(Pki.Value.Untrusted);

    /// <summary>The configured trust with an expired client certificate (from the trusted CA when the run made it).</summary>
    public ClientTlsOptions WithExpiredClientCertificate() => With(_expired());

    /// <summary>
    /// A client certificate from the trusted CA that the provider's revocation list revokes; null against a remote
    /// provider (the suite cannot have the Spine CA revoke a certificate).
    /// </summary>
    public ClientTlsOptions? WithRevokedClientCertificate() => _embedded is null ? null : With(Pki.Value.Revoked);

    /// <summary>
    /// A client certificate from the trusted CA naming another FQDN than the consumer's (the SSP's); null against a remote
    /// provider (the suite cannot have the Spine CA issue one).
    /// </summary>
    public ClientTlsOptions? WithMisnamedClientCertificate() => _embedded is null ? null : With(Pki.Value.Misnamed);

    /// <summary>The consumer's own FQDN, the name its good certificate carries (embedded provider).</summary>
    public const string ConsumerFqdn = "gpcc-consumer.test";

    /// <summary>
    /// Starts (embedded) or describes (remote) the endpoint. Returns null with a reason when the target cannot be tested
    /// for mutual TLS: a remote target that is not HTTPS or has no configured client certificate.
    /// </summary>
    public static async Task<(TlsEndpoint? Endpoint, string? Reason)> StartAsync(ConformanceSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Provider.Target == Client.Configuration.ProviderTarget.Remote)
        {
            var root = settings.Provider.FhirBaseUrl!;
            if (root.Scheme != Uri.UriSchemeHttps)
                return (null, $"provider:fhirBaseUrl {root} is not HTTPS, so mutual TLS cannot be tested against it.");
            if (string.IsNullOrWhiteSpace(settings.Tls.ClientCertificate))
                return (null, "tls:clientCertificate is not configured, so the consumer has no certificate to present.");
            var configured = ClientTlsOptions.FromSettings(settings.Tls);
            return (new TlsEndpoint(root, configured, () => Pki.Value.ExpiredFromOwnCa, "remote provider", null), null);
        }

        var pki = Pki.Value;
        var options = ProviderTarget.EmbeddedOptions(settings);
        options.ServerCertificate = pki.Server;
        options.ClientCertificateAuthority = pki.Authority.Certificate;
        options.ClientCertificateRevocationList = pki.RevocationList;
        options.ClientCertificateName = ConsumerFqdn;
        var running = await ReferenceProviderHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var good = new ClientTlsOptions { ClientCertificate = pki.Client, TrustedRoots = pki.Authority.TrustedRoots };
        return (new TlsEndpoint(running.ServiceRoot, good, () => pki.ExpiredFromTrustedCa, "embedded HTTPS reference provider requiring client certificates", running), null);
    }

    private ClientTlsOptions With(X509Certificate2? certificate) => new()
    {
        ClientCertificate = certificate,
        TrustedRoots = Configured.TrustedRoots,
        ValidateServerCertificate = Configured.ValidateServerCertificate,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null) await _embedded.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Certificates made once per process (RSA key generation is the slow part of a TLS scenario).</summary>
    private sealed class ThrowawayPki
    {
        public TestCertificateAuthority Authority { get; } = TestCertificateAuthority.Create("GP Connect Conformance TLS scenarios CA");
        public X509Certificate2 Server { get; }
        public X509Certificate2 Client { get; }
        public X509Certificate2 ExpiredFromTrustedCa { get; }
        public X509Certificate2 Revoked { get; }
        public X509Certificate2 Misnamed { get; }
        public byte[] RevocationList { get; }
        // Named like the consumer, so the CA is its only defect.
        public X509Certificate2 Untrusted { get; } = TestCertificateAuthority.CreateUntrustedClientCertificate(ConsumerFqdn);
        private readonly Lazy<X509Certificate2> _expiredFromOwnCa = new(() =>
        {
            using var other = TestCertificateAuthority.Create("GPCC expired-certificate CA");
            return other.IssueExpiredClientCertificate();
        });
        public X509Certificate2 ExpiredFromOwnCa => _expiredFromOwnCa.Value;

        public ThrowawayPki()
        {
            Server = Authority.IssueServerCertificate("localhost", "127.0.0.1");
            Client = Authority.IssueClientCertificate(ConsumerFqdn);
            ExpiredFromTrustedCa = Authority.IssueExpiredClientCertificate(ConsumerFqdn);
            Revoked = Authority.IssueClientCertificate(ConsumerFqdn);
            Misnamed = Authority.IssueClientCertificate("gpcc-some-other-system.test");
            RevocationList = Authority.RevocationList(Revoked);
        }
    }
}
