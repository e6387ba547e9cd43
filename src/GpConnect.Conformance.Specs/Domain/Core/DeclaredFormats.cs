using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>
/// CORE-023: the formats the capability statement declares are the formats the provider serves. One per scenario: it asks
/// for the statement in each declared format (and in XML when XML is not declared, which must then be refused with 415),
/// keeping every exchange as evidence.
/// </summary>
public sealed class DeclaredFormats(ConsumerSession session, ConformanceScenario scenario)
{
    private readonly List<(string Declared, ProviderResponse Response)> _served = [];
    private ProviderResponse? _undeclaredXml;

    /// <summary>Requests the statement in each format the last response (a capability statement) declares.</summary>
    public async Task RequestEachAsync()
    {
        var statement = session.LastResponse;
        ResponseChecks.ResourceType(statement, "CapabilityStatement").ThrowIfFailed();
        var declared = statement.Resource!.Select("format").Select(f => f.Value).OfType<string>().ToList();
        foreach (var format in declared)
            _served.Add((format, await SendAsync(format, $"in the declared format {format}")));
        if (!declared.Any(f => FormatChecks.Declared(f) == FhirWireFormat.Xml))
            _undeclaredXml = await SendAsync(FhirMediaTypes.Xml, "in XML, which the statement does not declare");
    }

    /// <summary>Each declared format was served in that format; undeclared XML was refused with 415.</summary>
    public Check Check()
    {
        var check = new Check();
        if (_served.Count == 0)
            return check.Fail("capability.format", "CapabilityStatement.format", "at least one format", "none", "The capability statement declares no format.");
        foreach (var (declared, response) in _served)
        {
            if (FormatChecks.Declared(declared) is not { } format)
                check.Fail("capability.format", "CapabilityStatement.format", "application/fhir+json or application/fhir+xml", declared,
                    $"CapabilityStatement.format declares \"{declared}\", which is not a FHIR STU3 format GP Connect uses.");
            else
                check.Add(FormatChecks.Body(response, format).Failures.Select(f => f with { Message = $"Declared format {declared}: {f.Message}" }));
        }
        if (_undeclaredXml is not null)
            check.Add(FormatChecks.UnsupportedMediaType(_undeclaredXml).Failures.Select(f => f with { Message = $"XML is not declared, so it must be refused: {f.Message}" }));
        return check;
    }

    private async Task<ProviderResponse> SendAsync(string accept, string description)
    {
        var request = new GpConnectRequest(Interactions.GetCapabilityStatement) { Accept = accept };
        var exchange = await session.Client.SendAsync(request, scenario.CancellationToken).ConfigureAwait(false);
        scenario.AddEvidence(ConsumerSession.ToEvidence($"Get the FHIR capability statement {description}", exchange));
        return new ProviderResponse(exchange);
    }
}
