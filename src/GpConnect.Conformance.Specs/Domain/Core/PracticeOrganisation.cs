using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>
/// The organisation addressed by the ODS code in the service root (provider:odsCode), found with Find an organisation so
/// a read needs no configured id. One per scenario; the look-up is sent directly (it is not the request under test, so
/// pending request changes are not applied to it) and kept as evidence.
/// </summary>
public sealed class PracticeOrganisation(ConsumerSession session, ConformanceSettings settings, ConformanceScenario scenario)
{
    private string? _id;

    /// <summary>The practice organisation's logical id, looked up once per scenario.</summary>
    /// <exception cref="ConformanceCheckException">The provider does not find its own organisation.</exception>
    public async Task<string> IdAsync(CancellationToken cancellationToken)
    {
        if (_id is not null) return _id;
        var request = RepresentativeRequests.FindOrganisation(settings.Provider.OdsCode);
        var exchange = await session.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        scenario.AddEvidence(ConsumerSession.ToEvidence($"Find the practice organisation (ODS {settings.Provider.OdsCode})", exchange));
        var response = new ProviderResponse(exchange);
        var id = response.StatusCode == 200 ? response.BundleEntries("Organization").Select(o => o.SelectValue("id")).FirstOrDefault(i => i is not null) : null;
        return _id = id ?? throw new ConformanceCheckException(new CheckFailure("test-data.practice-organisation", null,
            $"an Organization with ODS code {settings.Provider.OdsCode}", response.Describe(),
            $"Find an organisation by the practice's ODS code (provider:odsCode = {settings.Provider.OdsCode}) returned no Organization, so it cannot be read: {response.Describe()}."));
    }
}
