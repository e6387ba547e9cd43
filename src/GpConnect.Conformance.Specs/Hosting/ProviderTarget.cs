using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tls;
using GpConnect.ReferenceProvider;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// The provider a run talks to: the embedded reference provider, started in-process on 127.0.0.1 with an ephemeral port
/// (optionally HTTPS with client certificates from a throwaway CA made for the run), or a remote provider given by config.
/// </summary>
public sealed class ProviderTarget : IAsyncDisposable
{
    private readonly RunningReferenceProvider? _embedded;
    private readonly TestCertificateAuthority? _authority;

    private ProviderTarget(Uri serviceRoot, ClientTlsOptions tls, string description, RunningReferenceProvider? embedded = null, TestCertificateAuthority? authority = null)
    {
        ServiceRoot = serviceRoot;
        Tls = tls;
        Description = description;
        _embedded = embedded;
        _authority = authority;
    }

    /// <summary>The FHIR service root, without a trailing slash.</summary>
    public Uri ServiceRoot { get; }

    /// <summary>Client certificate and trust the harness uses towards this target.</summary>
    public ClientTlsOptions Tls { get; }

    /// <summary>"embedded reference provider (faults: …)" or "remote provider", for reports.</summary>
    public string Description { get; }

    /// <summary>The certificate authority of an embedded HTTPS run (null otherwise), for TLS scenarios that need other certificates.</summary>
    public TestCertificateAuthority? CertificateAuthority => _authority;

    public static async Task<ProviderTarget> StartAsync(ConformanceSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Provider.Target == Client.Configuration.ProviderTarget.Remote)
            return new ProviderTarget(settings.Provider.FhirBaseUrl!, ClientTlsOptions.FromSettings(settings.Tls), "remote provider");

        var options = EmbeddedOptions(settings);
        TestCertificateAuthority? authority = null;
        var tls = new ClientTlsOptions();
        if (settings.Provider.Embedded.Https)
        {
            authority = TestCertificateAuthority.Create("GP Connect Conformance throwaway CA");
            options.ServerCertificate = authority.IssueServerCertificate("localhost", "127.0.0.1");
            options.ClientCertificateAuthority = authority.Certificate;
            tls = new ClientTlsOptions { ClientCertificate = authority.IssueClientCertificate(), TrustedRoots = authority.TrustedRoots };
        }

        try
        {
            var running = await ReferenceProviderHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
            var faults = running.ActiveFaults.Count == 0 ? "no faults" : "faults: " + string.Join(", ", running.ActiveFaults);
            var asOf = settings.AsOf is { } day ? $", as of {day:yyyy-MM-dd}" : "";
            return new ProviderTarget(running.ServiceRoot, tls, $"embedded reference provider {settings.SpecVersion} ({faults}{asOf})", running, authority);
        }
        catch
        {
            authority?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The embedded reference provider's options for these settings: the configured ODS code, ASID, spec version and
    /// faults, and the same JWT clock-skew rules the harness expects.
    /// </summary>
    public static ReferenceProviderOptions EmbeddedOptions(ConformanceSettings settings) => new()
    {
        OdsCode = settings.Provider.OdsCode,
        Asid = settings.Provider.Asid,
        SpecVersion = settings.SpecVersion,
        Faults = settings.Provider.Embedded.Faults.ToArray(),
        CancelledSlotsStayBusy = settings.Provider.Embedded.CancelledSlotsStayBusy,
        JwtClockSkewLeewaySeconds = settings.Jwt.ClockSkewLeewaySeconds,
        ValidateIat = settings.Jwt.ValidateIat,
        AsOf = settings.AsOf,
    };

    public async ValueTask DisposeAsync()
    {
        if (_embedded is not null) await _embedded.DisposeAsync().ConfigureAwait(false);
        _authority?.Dispose();
    }
}
