using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Tests.Core;

/// <summary>In-memory provider responses with chosen headers, for the Core check tests.</summary>
internal static class CoreResponses
{
    public static ProviderResponse With(int status, string body, params (string Name, string Value)[] headers) => new(new HttpExchange
    {
        Interaction = Interactions.ReadOrganisation,
        Method = "GET",
        Url = "https://127.0.0.1/A20047/STU3/1/gpconnect/Organization/1",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(3),
        StatusCode = status,
        ResponseHeaders = headers.Select(h => new HttpHeader(h.Name, h.Value)).ToList(),
        ResponseBody = body,
    });

    public static ProviderResponse Refused(TransportErrorKind kind, string error) => new(new HttpExchange
    {
        Interaction = Interactions.GetCapabilityStatement,
        Method = "GET",
        Url = "https://127.0.0.1/A20047/STU3/1/gpconnect/metadata",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(3),
        TransportError = error,
        TransportErrorKind = kind,
    });

    public const string Organization =
        """{"resourceType":"Organization","id":"1","meta":{"versionId":"7","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1"]},"name":"Practice"}""";

    public const string Json = "application/fhir+json;charset=utf-8";
}
