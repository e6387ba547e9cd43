using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Tls;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>
/// One TLS mutual-authentication scenario: the run's HTTPS endpoint (see <see cref="SharedTlsEndpoint"/>) and the
/// consumer's attempts to get the capability statement from it with one client certificate set-up or another.
/// </summary>
public sealed class TlsScenario(ConformanceSettings settings, ConformanceScenario scenario, SharedTlsEndpoint shared)
{
    private TlsEndpoint? _endpoint;
    private ProviderResponse? _last;

    /// <summary>The endpoint; throws when the Given step that opens it has not run.</summary>
    public TlsEndpoint Endpoint => _endpoint ?? throw new InvalidOperationException("No TLS endpoint: the scenario needs 'Given the provider endpoint requires TLS mutual authentication' first.");

    /// <summary>The outcome of the last connection attempt.</summary>
    public ProviderResponse LastResponse => _last ?? throw new InvalidOperationException("No connection attempt has been made yet in this scenario.");

    /// <summary>Opens the endpoint, or marks the scenario not applicable when the target cannot be tested for mutual TLS.</summary>
    public async Task OpenAsync()
    {
        var (endpoint, reason) = await shared.OpenAsync(scenario.CancellationToken).ConfigureAwait(false);
        _endpoint = endpoint ?? throw new ScenarioNotApplicableException($"TLS mutual authentication cannot be tested: {reason}");
    }

    /// <summary>Requests the capability statement over a fresh connection with <paramref name="tls"/>, recording the attempt.</summary>
    public async Task<ProviderResponse> ConnectAsync(ClientTlsOptions tls, string description)
    {
        using var client = new GpConnectClient(settings, Endpoint.ServiceRoot, TimeProvider.System, tls);
        var exchange = await client.SendAsync(new GpConnectRequest(Interactions.GetCapabilityStatement), scenario.CancellationToken).ConfigureAwait(false);
        scenario.AddEvidence(ConsumerSession.ToEvidence($"TLS to {Endpoint.Description} {description}", exchange));
        return _last = new ProviderResponse(exchange);
    }

    /// <summary>The outcome of the last bare handshake probe.</summary>
    public TlsHandshakeOutcome? LastHandshake { get; private set; }

    /// <summary>The suites offered by the last probe (null: the platform's defaults).</summary>
    public IReadOnlyList<System.Net.Security.TlsCipherSuite>? OfferedSuites { get; private set; }

    /// <summary>
    /// Probes the handshake offering only <paramref name="protocols"/> (and <paramref name="suites"/>) with the configured
    /// client certificate. Marks the scenario not applicable when this machine's TLS library cannot offer that itself, since
    /// a refusal would then say nothing about the provider.
    /// </summary>
    public async Task ProbeAsync(System.Security.Authentication.SslProtocols protocols, IReadOnlyList<System.Net.Security.TlsCipherSuite>? suites, string description)
    {
        if (await TlsHandshakeProbe.LocalSupportAsync(protocols, suites, scenario.CancellationToken).ConfigureAwait(false) is { } reason)
            throw new ScenarioNotApplicableException($"A handshake {description} cannot be probed here: {reason}. A refusal by the provider could not be told from the local library's own.");
        OfferedSuites = suites;
        LastHandshake = await TlsHandshakeProbe.HandshakeAsync(Endpoint.ServiceRoot, protocols, suites, Endpoint.Configured, scenario.CancellationToken).ConfigureAwait(false);
        scenario.AddEvidence(new Runner.Results.TextEvidence($"TLS handshake to {Endpoint.Description} {description}", LastHandshake.ToString()));
    }
}
