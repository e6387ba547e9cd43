using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>What a role's verification may use: the client towards the target, the settings and the role's configured values.</summary>
public sealed class RoleProbe(GpConnectClient client, ConformanceSettings settings, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
{
    /// <summary>The suite clock (moved by asOf / --as-of), for the dates a check works out.</summary>
    public SuiteClock Clock { get; } = SuiteClock.For(settings);

    public ConformanceSettings Settings => settings;
    public IReadOnlyDictionary<string, string> Values => values;
    public CancellationToken CancellationToken => cancellationToken;

    public async Task<ProviderResponse> SendAsync(GpConnectRequest request) =>
        new(await client.SendAsync(request, cancellationToken).ConfigureAwait(false));
}
