using GpConnect.Conformance.Client;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// The consumer's side of one scenario: it builds GP Connect requests, applies the request changes the scenario's
/// Given steps asked for, sends them to the provider, keeps every exchange as evidence and remembers the last response.
/// One per scenario (context injection).
/// </summary>
public sealed class ConsumerSession(GpConnectClient client, ConformanceScenario scenario)
{
    private readonly List<(string Description, Action<GpConnectRequest> Edit)> _nextRequestEdits = [];
    private ProviderResponse? _last;

    public GpConnectClient Client => client;

    /// <summary>The scenario's id (feature file and line), as the bookings ledger names it.</summary>
    public string ScenarioId => scenario.ScenarioInfo.Id;

    /// <summary>Changes to make to the next request sent (e.g. a header removed, a JWT claim altered), in order.</summary>
    public void ChangeNextRequest(string description, Action<GpConnectRequest> edit) => _nextRequestEdits.Add((description, edit));

    /// <summary>The response to the last request sent in this scenario.</summary>
    public ProviderResponse LastResponse =>
        _last ?? throw new InvalidOperationException(
            "No request has been sent to the provider yet in this scenario: a When step that calls the provider must come before this step.");

    /// <summary>Sends <paramref name="request"/> after applying the pending changes, and records the exchange as evidence.</summary>
    public async Task<ProviderResponse> SendAsync(GpConnectRequest request, CancellationToken cancellationToken = default)
    {
        var changes = _nextRequestEdits.ToList();
        _nextRequestEdits.Clear();
        foreach (var (_, edit) in changes) edit(request);

        var exchange = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var title = changes.Count == 0
            ? request.Interaction.UseCase
            : $"{request.Interaction.UseCase} ({string.Join("; ", changes.Select(c => c.Description))})";
        scenario.AddEvidence(ToEvidence(title, exchange));
        _last = new ProviderResponse(exchange);
        return _last;
    }

    internal static HttpExchangeEvidence ToEvidence(string title, HttpExchange exchange) => new(
        title,
        exchange.Method,
        exchange.Url,
        exchange.RequestHeaders.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(),
        exchange.RequestBody,
        exchange.StatusCode,
        exchange.ResponseHeaders.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(),
        exchange.HasResponse ? exchange.EvidenceResponseBody : null,
        exchange.Duration,
        exchange.StartedAt,
        exchange.TransportError);
}
