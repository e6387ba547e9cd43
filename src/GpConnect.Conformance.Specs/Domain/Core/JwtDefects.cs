using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Jwt;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>One named change to the consumer's bearer token or Authorization header (spec: Cross-organisation audit and provenance (JWT)).</summary>
/// <param name="Name">How feature files name it, e.g. "exp sent as a string".</param>
/// <param name="Apply">The change, made on the request (header) or its fresh token draft; the client builds tokens where the header needs one.</param>
public sealed record JwtDefect(string Name, Action<GpConnectRequest, GpConnectClient> Apply);

/// <summary>
/// The catalogue of token defects and tolerated variations the JWT features name in their Examples tables. Each changes
/// one thing from the valid token the spec describes (Cross-organisation audit and provenance), so a rejection can only be for that thing.
/// </summary>
public static class JwtDefects
{
    private static readonly string PatientResource = new JsonObject
    {
        ["resourceType"] = "Patient",
        ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = "9999999999" }),
    }.ToJsonString();

    private static JwtDefect Token(string name, Action<JwtDraft> edit) => new(name, (r, _) => r.AlterToken(edit));

    /// <summary>Every defect and variation, by name.</summary>
    public static IReadOnlyList<JwtDefect> All { get; } =
    [
        new("no Authorization header", (r, _) => r.WithoutAuthorization()),
        new("the Basic authorization scheme", (r, _) => r.WithAuthorization("Basic Z3BjYzpjb25mb3JtYW5jZQ==")),
        new("a bare token without the Bearer scheme", (r, client) => r.WithAuthorization(client.BuildToken(r))),
        Token("no trailing dot", d => d.WithoutTrailingDot()),
        Token("segments that are not base64url", d => d.ReplaceSegment(JwtSegment.Payload, "!!not*base64url")),
        Token("a payload that is not JSON", d => d.SetSegmentText(JwtSegment.Payload, "{\"iss\": \"https://consumer.example/\",")),
        Token("a header alg of HS256 and a signature", d => d.SetAlgorithm("HS256").WithSignature()),
        Token("alg none but a signature", d => d.WithSignature()),
        Token("exp sent as a string", d => d.SetClaimJson(JwtClaimNames.Expiry, $"\"{d.Payload[JwtClaimNames.Expiry]}\"")),
        Token("iat sent as a decimal", d => d.SetClaimJson(JwtClaimNames.IssuedAt, $"{d.Payload[JwtClaimNames.IssuedAt]}.5")),
        Token("sub sent as a number", d => d.SetClaimJson(JwtClaimNames.Subject, "10019")),
        Token("requesting_device sent as a string", d => d.SetClaim(JwtClaimNames.RequestingDevice, "GP Connect Conformance")),
        Token("iss that is not a URL", d => d.SetClaim(JwtClaimNames.Issuer, "gpcc-consumer")),
        Token("reason_for_request notdirectcare", d => d.SetClaim(JwtClaimNames.ReasonForRequest, "notdirectcare")),
        Token("requested_scope encounter/*.read", d => d.SetClaim(JwtClaimNames.RequestedScope, "encounter/*.read")),
        // GP Connect scopes of the other family for the interaction (spec: Cross-organisation audit and provenance (JWT): patient/* for patient data, organization/* otherwise).
        Token("requested_scope patient/*.read", d => d.SetClaim(JwtClaimNames.RequestedScope, "patient/*.read")),
        Token("requested_scope organization/*.write", d => d.SetClaim(JwtClaimNames.RequestedScope, "organization/*.write")),
        Token("aud naming another provider's service root", d => d.SetClaim(JwtClaimNames.Audience, "https://other-provider.example/B82617/STU3/1/gpconnect")),
        Token("sub different from the requesting practitioner id", d => d.SetClaim(JwtClaimNames.Subject, "gpcc-someone-else")),
        Token("a Patient as requesting_device", d => d.SetClaim(JwtClaimNames.RequestingDevice, JsonNode.Parse(PatientResource))),
        Token("a Patient as requesting_organization", d => d.SetClaim(JwtClaimNames.RequestingOrganization, JsonNode.Parse(PatientResource))),
        Token("a Patient as requesting_practitioner", d => d.SetClaim(JwtClaimNames.RequestingPractitioner, JsonNode.Parse(PatientResource))),
        Token("requesting_device.model as an object", d => d.SetResourceElement(JwtClaimNames.RequestingDevice, "model", new JsonObject { ["text"] = "Consumer product" })),
        Token("an element STU3 does not define in requesting_practitioner", d => d.SetResourceElement(JwtClaimNames.RequestingPractitioner, "favouriteColour", "blue")),
        Token("requesting_organization without its ODS code identifier", d => d.RemoveResourceIdentifier(JwtClaimNames.RequestingOrganization, JwtIdentifierSystems.OdsOrganisationCode)),
        Token("requesting_practitioner without its SDS user id identifier", d => d.RemoveResourceIdentifier(JwtClaimNames.RequestingPractitioner, JwtIdentifierSystems.SdsUserId)),
        Token("UNK as the SDS user id and SDS role profile id", d => d
            .SetResourceIdentifierValue(JwtClaimNames.RequestingPractitioner, JwtIdentifierSystems.SdsUserId, "UNK")
            .SetResourceIdentifierValue(JwtClaimNames.RequestingPractitioner, JwtIdentifierSystems.SdsRoleProfileId, "UNK")),
        Token("only the SDS user id identifier on requesting_practitioner", OnlySdsUserId),
    ];

    /// <summary>The defect with this name; an unknown name is a feature-file mistake and lists the known ones.</summary>
    public static JwtDefect Named(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"\"{name}\" is not a known JWT change. Known: {string.Join("; ", All.Select(d => $"\"{d.Name}\""))}.");

    private static void OnlySdsUserId(JwtDraft draft)
    {
        if (draft.Payload[JwtClaimNames.RequestingPractitioner]?["identifier"] is not JsonArray identifiers) return;
        foreach (var other in identifiers.Where(i => i?["system"]?.GetValue<string>() != JwtIdentifierSystems.SdsUserId).ToList())
            identifiers.Remove(other);
    }
}
