using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>A captured HTTP response with helpers to read it as FHIR JSON or XML.</summary>
public sealed class FhirResponse
{
    private FhirResponse(HttpStatusCode status, string? contentType, IReadOnlyDictionary<string, string> headers, string body)
    {
        Status = status;
        ContentType = contentType;
        Headers = headers;
        Body = body;
    }

    public HttpStatusCode Status { get; }
    public string? ContentType { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public string Body { get; }

    public static async Task<FhirResponse> ReadAsync(HttpResponseMessage response)
    {
        // Non-validated views keep header values exactly as sent on the wire (read before the body, whose decoding parses Content-Type).
        var headers = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = await response.Content.ReadAsStringAsync();
        return new FhirResponse(response.StatusCode, headers.GetValueOrDefault("Content-Type"), headers, body);
    }

    public JsonObject Json => JsonNode.Parse(Body)?.AsObject() ?? throw new InvalidOperationException("Empty body.");

    public XDocument Xml => XDocument.Parse(Body);

    /// <summary>Asserts status and a GPConnect-OperationOutcome-1 with the Spine code; returns the issue.</summary>
    public JsonObject ShouldBeError(HttpStatusCode status, string spineCode)
    {
        Status.ShouldBe(status, Body);
        var outcome = Json;
        outcome["resourceType"]!.GetValue<string>().ShouldBe("OperationOutcome");
        outcome["meta"]!["profile"]![0]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        var issue = outcome["issue"]![0]!.AsObject();
        issue["severity"]!.GetValue<string>().ShouldBe("error");
        var coding = issue["details"]!["coding"]![0]!;
        coding["system"]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1");
        coding["code"]!.GetValue<string>().ShouldBe(spineCode, Body);
        coding["display"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        issue["diagnostics"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return issue;
    }

    /// <summary>The resources of a searchset Bundle.</summary>
    public IReadOnlyList<JsonObject> Entries()
    {
        var bundle = Json;
        bundle["type"]!.GetValue<string>().ShouldBe("searchset");
        return bundle["entry"] is JsonArray entries ? entries.Select(e => e!["resource"]!.AsObject()).ToArray() : [];
    }
}
