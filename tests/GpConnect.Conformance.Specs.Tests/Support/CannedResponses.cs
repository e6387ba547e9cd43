using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Tests.Support;

/// <summary>Provider responses made in memory, so checks can be tested without a provider.</summary>
public static class CannedResponses
{
    public static ProviderResponse Json(int status, string body, Interaction? interaction = null) => new(new HttpExchange
    {
        Interaction = interaction ?? Interactions.GetCapabilityStatement,
        Method = "GET",
        Url = "http://127.0.0.1/A20047/STU3/1/gpconnect/metadata",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(5),
        StatusCode = status,
        ResponseHeaders = [new HttpHeader("Content-Type", "application/fhir+json;charset=utf-8")],
        ResponseBody = body,
    });

    public static ProviderResponse NoAnswer(string error) => new(new HttpExchange
    {
        Interaction = Interactions.GetCapabilityStatement,
        Method = "GET",
        Url = "http://127.0.0.1:9/A20047/STU3/1/gpconnect/metadata",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(5),
        TransportError = error,
        TransportErrorKind = GpConnect.Conformance.Client.TransportErrorKind.ConnectionRefused,
    });

    public static string OperationOutcome(string code, string issueType = "invalid", string? diagnostics = "details",
        string system = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1", bool withProfile = true, string severity = "error") =>
        $$"""
        {"resourceType":"OperationOutcome",
         {{(withProfile ? "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1\"]}," : "")}}
         "issue":[{"severity":"{{severity}}","code":"{{issueType}}",
           "details":{"coding":[{"system":"{{system}}","code":"{{code}}","display":"Some display"}]}
           {{(diagnostics is null ? "" : $",\"diagnostics\":\"{diagnostics}\"")}}}]}
        """;

    public static string SlotBundle(params string[] slotBodies) =>
        $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", slotBodies.Select(s => $"{{\"resource\":{s}}}"))}}]}""";
}
