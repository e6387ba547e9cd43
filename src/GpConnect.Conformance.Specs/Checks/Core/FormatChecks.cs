using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Checks on content negotiation (spec: FHIR API guidance: content types): which format came back, and refusals of unsupported ones.</summary>
public static class FormatChecks
{
    /// <summary>The response is in <paramref name="format"/>: its Content-Type says so (with charset) and its body is that syntax.</summary>
    public static Check Body(ProviderResponse response, FhirWireFormat format)
    {
        var check = HeaderChecks.ContentType(response, format);
        if (!response.HasResponse) return check;
        var body = response.Exchange.ResponseBody.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var actual = body.StartsWith('<') ? FhirWireFormat.Xml : body.StartsWith('{') ? FhirWireFormat.Json : (FhirWireFormat?)null;
        if (actual != format)
            check.Fail("body.format", null, format.ToString(), actual?.ToString() ?? (body.Length == 0 ? "empty body" : "neither JSON nor XML"),
                $"Expected a FHIR {format} body but the body is {(actual?.ToString() ?? (body.Length == 0 ? "empty" : "neither JSON nor XML"))}.");
        else if (response.Resource is null)
            check.Add(ResponseChecks.ResourceType(response, "resource").Failures);
        return check;
    }

    /// <summary>
    /// A format the spec does not name (e.g. the FHIR short form <c>_format=xml</c>) is either refused with 415, or served
    /// with status 200 in exactly that format: Content-Type and body both <paramref name="format"/>.
    /// </summary>
    public static Check BodyOrUnsupported(ProviderResponse response, FhirWireFormat format)
    {
        if (response.StatusCode == 415) return new Check();
        var check = ResponseChecks.Status(response, 200);
        return check.Passed ? Body(response, format) : check;
    }

    /// <summary>
    /// The request was refused with 415 Unsupported Media Type (the Core spec pages). Any OperationOutcome is not checked
    /// for a Spine code: the spec names none for 415.
    /// </summary>
    public static Check UnsupportedMediaType(ProviderResponse response) => ResponseChecks.Status(response, 415);

    /// <summary>The format a capability statement <c>format</c> entry names (spec: Get the FHIR capability statement), or null when it is neither FHIR JSON nor XML.</summary>
    public static FhirWireFormat? Declared(string value) => value.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/fhir+json" or "json" or "application/json" => FhirWireFormat.Json,
        "application/fhir+xml" or "xml" or "application/xml" => FhirWireFormat.Xml,
        _ => null,
    };

    /// <summary>
    /// The capability statement's <c>format</c> list names application/fhir+json (spec: Get the FHIR capability statement, CORE-114).
    /// </summary>
    public static Check DeclaresJson(ProviderResponse statement)
    {
        var check = ResponseChecks.ResourceType(statement, "CapabilityStatement");
        if (!check.Passed) return check;
        var formats = statement.Resource!.Select("format").Select(f => f.Value).OfType<string>().ToList();
        if (!formats.Contains(HeaderChecks.MediaType(FhirWireFormat.Json)))
            check.Fail("capability.format", "CapabilityStatement.format", "application/fhir+json", formats.Count == 0 ? "none" : string.Join(", ", formats),
                $"CapabilityStatement.format must list application/fhir+json; it lists {(formats.Count == 0 ? "nothing" : string.Join(", ", formats))}.");
        return check;
    }

    /// <summary>
    /// A request naming a legacy DSTU2 mime type (A-11) is either refused with 415, or served with the STU3 FHIR media type
    /// and charset, never with the legacy type.
    /// </summary>
    public static Check LegacyTypeNotEchoed(ProviderResponse response, FhirWireFormat format)
    {
        if (response.StatusCode == 415) return new Check();
        var check = ResponseChecks.Status(response, 200);
        return check.Passed ? HeaderChecks.ContentType(response, format) : check;
    }
}
