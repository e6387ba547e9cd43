using System.Text;
using System.Text.Json;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>
/// Validates the unsigned GP Connect JWT (spec: Cross-organisation audit and provenance (JWT)): structure, header, the ten claims with their types and values,
/// the embedded resources, audience, scope and timing with clock-skew leeway. Every failure is 400 BAD_REQUEST except
/// a claim resource that is not valid STU3 (422 INVALID_RESOURCE).
/// </summary>
internal sealed class JwtValidator(string serviceRoot, TimeProvider clock, int leewaySeconds, bool validateIat, ActiveFaults faults)
{
    private static readonly string[] StringClaims = ["iss", "sub", "aud", "reason_for_request", "requested_scope"];
    private static readonly string[] IntegerClaims = ["exp", "iat"];
    private static readonly (string Claim, string Type)[] ResourceClaims =
        [("requesting_device", "Device"), ("requesting_organization", "Organization"), ("requesting_practitioner", "Practitioner")];
    private static readonly string[] Scopes = ["patient/*.read", "patient/*.write", "organization/*.read", "organization/*.write"];

    /// <summary>Validates the Authorization header value for a request made as <paramref name="interaction"/> (null: scope not checked).</summary>
    public void Validate(string? authorization, Interaction? interaction)
    {
        try
        {
            ValidateToken(authorization, interaction);
        }
        catch (WaivedException)
        {
            // A fault switched off the rule that failed: the token is accepted without further checks.
        }
    }

    private void ValidateToken(string? authorization, Interaction? interaction)
    {
        if (string.IsNullOrWhiteSpace(authorization))
            throw Broken(ProviderRule.BearerTokenRequired, "The Authorization header is missing.");
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            throw Broken(ProviderRule.BearerTokenRequired, "The Authorization header must use the Bearer scheme.");
        var token = authorization["Bearer ".Length..].Trim();

        var parts = token.Split('.');
        if (parts.Length != 3)
            throw Broken(ProviderRule.JwtStructureChecked, $"The JWT must have three dot-separated parts (header.payload. with an empty signature); it has {parts.Length}.");
        if (parts[2].Length != 0 && !faults.Waives(ProviderRule.JwtUnsigned))
            throw ProviderException.BadRequest("The JWT must be unsigned: its signature part must be empty.");

        using var header = ParseJson(parts[0], "header");
        using var payload = ParseJson(parts[1], "payload");
        CheckHeader(header.RootElement);
        var claims = payload.RootElement;

        foreach (var claim in StringClaims.Concat(IntegerClaims).Concat(ResourceClaims.Select(r => r.Claim)))
        {
            if (!claims.TryGetProperty(claim, out var value))
                throw Broken(ProviderRule.JwtClaimsRequired, $"The JWT {claim} claim is missing.");
            if (value.ValueKind == JsonValueKind.Null)
                throw Broken(ProviderRule.JwtClaimsRequired, $"Empty JWT {claim} claim.");
        }
        foreach (var claim in StringClaims)
        {
            var value = claims.GetProperty(claim);
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw Broken(ProviderRule.JwtClaimTypesChecked, $"The JWT {claim} claim must be a non-empty string.");
        }
        var exp = Integer(claims, "exp");
        var iat = Integer(claims, "iat");

        foreach (var (claim, type) in ResourceClaims)
        {
            var resource = claims.GetProperty(claim);
            if (resource.ValueKind != JsonValueKind.Object)
                throw Broken(ProviderRule.JwtClaimTypesChecked, $"The JWT {claim} claim must be a FHIR {type} resource object.");
            var actual = resource.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            if (actual != type && faults.Waives(ProviderRule.JwtWrongClaimResourceTypeIsBadRequest) && !faults.Waives(ProviderRule.JwtClaimResourceTypesChecked))
                throw new ProviderException(SpineError.InvalidResource, $"The JWT {claim} claim must hold a {type} resource, not '{actual ?? "(no resourceType)"}'.");
            if (actual != type)
                throw Broken(ProviderRule.JwtClaimResourceTypesChecked, $"The JWT {claim} claim must hold a {type} resource, not '{actual ?? "(no resourceType)"}'.");
            if (!faults.Waives(ProviderRule.JwtClaimResourcesValidated)) EmbeddedResourceValidator.Validate(claim, resource);
        }

        CheckValues(claims, interaction);
        CheckTiming(exp, iat);
    }

    /// <summary>A 400 BAD_REQUEST for a broken rule, or (when a fault waives the rule) the signal to accept the token.</summary>
    private Exception Broken(ProviderRule rule, string diagnostics) =>
        faults.Waives(rule) ? new WaivedException() : ProviderException.BadRequest(diagnostics);

    private sealed class WaivedException : Exception;

    private void CheckValues(JsonElement claims, Interaction? interaction)
    {
        if (!Uri.TryCreate(claims.GetProperty("iss").GetString(), UriKind.Absolute, out _) && !faults.Waives(ProviderRule.JwtIssuerIsUrl))
            throw ProviderException.BadRequest("The JWT iss claim must be an absolute URL.");

        var aud = claims.GetProperty("aud").GetString();
        if (!string.Equals(aud, serviceRoot, StringComparison.Ordinal) && !faults.Waives(ProviderRule.JwtAudienceEnforced))
            throw ProviderException.BadRequest($"The JWT aud claim '{aud}' is not this provider's service root '{serviceRoot}'.");

        if (claims.GetProperty("reason_for_request").GetString() != "directcare" && !faults.Waives(ProviderRule.JwtReasonForRequestChecked))
            throw ProviderException.BadRequest("The JWT reason_for_request claim must be 'directcare'.");

        var scope = claims.GetProperty("requested_scope").GetString()!;
        if (!Scopes.Contains(scope, StringComparer.Ordinal))
            throw Broken(ProviderRule.JwtScopeValueChecked, $"The JWT requested_scope '{scope}' is not one of {string.Join(", ", Scopes)}.");
        if (interaction is not null)
        {
            var family = interaction.Scope == ScopeFamily.Patient ? "patient/" : "organization/";
            if (!scope.StartsWith(family, StringComparison.Ordinal) && !faults.Waives(ProviderRule.JwtScopeFamilyChecked))
                throw ProviderException.BadRequest($"The JWT requested_scope '{scope}' does not fit '{interaction.Name}', which needs a {family}* scope.");
        }

        var organization = claims.GetProperty("requesting_organization");
        var practitioner = claims.GetProperty("requesting_practitioner");
        if (!faults.Waives(ProviderRule.JwtRequestingIdentifiersRequired))
        {
            if (!HasIdentifier(organization, Systems.OdsOrganizationCode))
                throw ProviderException.BadRequest($"The JWT requesting_organization has no {Systems.OdsOrganizationCode} identifier.");
            if (!HasIdentifier(practitioner, Systems.SdsUserId))
                throw ProviderException.BadRequest($"The JWT requesting_practitioner has no {Systems.SdsUserId} identifier.");
        }
        if (faults.Waives(ProviderRule.JwtToleratesConsumerVariance)) RequireEveryPractitionerIdentifier(practitioner);

        var practitionerId = practitioner.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var sub = claims.GetProperty("sub").GetString();
        if (!string.Equals(sub, practitionerId, StringComparison.Ordinal) && !faults.Waives(ProviderRule.JwtSubMatchesPractitioner))
            throw ProviderException.BadRequest($"The JWT sub claim '{sub}' does not equal requesting_practitioner.id '{practitionerId ?? "(none)"}'.");
    }

    /// <summary>How far in the future NHS assurance accepts iat (the divergence fault nhs-assurance-iat-leeway).</summary>
    private const int AssuranceIssuedAtLeewaySeconds = 200;

    /// <summary>The only lifetime a GP Connect JWT may have: exp = iat + 300 (spec: Cross-organisation audit and provenance (JWT)).</summary>
    private const int LifetimeSeconds = 300;

    private void CheckTiming(long exp, long iat)
    {
        if (exp - iat != LifetimeSeconds && !faults.Waives(ProviderRule.JwtLifetimeIsFiveMinutes))
            throw ProviderException.BadRequest($"The JWT lifetime is {exp - iat}s (exp {exp}, iat {iat}); exp must be exactly iat + {LifetimeSeconds}.");
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var leeway = faults.Waives(ProviderRule.JwtClockSkewLeeway) ? 0 : leewaySeconds;
        if (now > exp + leeway && !faults.Waives(ProviderRule.JwtExpiryEnforced))
            throw ProviderException.BadRequest($"The JWT expired at {exp} (now {now}, leeway {leeway}s).");
        var iatLeeway = faults.Waives(ProviderRule.JwtIssuedAtUsesConfiguredLeeway) ? Math.Max(leeway, AssuranceIssuedAtLeewaySeconds) : leeway;
        if (validateIat && iat - iatLeeway > now && !faults.Waives(ProviderRule.JwtIssuedAtChecked))
            throw ProviderException.BadRequest($"The JWT iat {iat} is in the future beyond the {leeway}s leeway (now {now}).");
    }

    /// <summary>
    /// The strictness a faulty provider might add (spec: Cross-organisation audit and provenance (JWT) says providers must tolerate its absence): an SDS role
    /// profile id and a local identifier must both be sent, and neither SDS value may be UNK.
    /// </summary>
    private static void RequireEveryPractitionerIdentifier(JsonElement practitioner)
    {
        if (!HasIdentifier(practitioner, Systems.SdsRoleProfileId))
            throw ProviderException.BadRequest($"The JWT requesting_practitioner has no {Systems.SdsRoleProfileId} identifier.");
        var identifiers = practitioner.GetProperty("identifier").EnumerateArray().ToList();
        if (identifiers.Count < 3)
            throw ProviderException.BadRequest("The JWT requesting_practitioner has no local user identifier.");
        if (identifiers.Any(i => i.TryGetProperty("value", out var v) && v.GetString() == "UNK"))
            throw ProviderException.BadRequest("The JWT requesting_practitioner SDS identifiers must not be UNK.");
    }

    private void CheckHeader(JsonElement header)
    {
        if (header.ValueKind != JsonValueKind.Object)
            throw Broken(ProviderRule.JwtStructureChecked, "The JWT header must be a JSON object.");
        if ((!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "none")
            && !faults.Waives(ProviderRule.JwtUnsigned))
            throw ProviderException.BadRequest("The JWT header alg must be 'none'.");
        if (header.TryGetProperty("typ", out var typ) && (typ.ValueKind != JsonValueKind.String || typ.GetString() != "JWT"))
            throw ProviderException.BadRequest("The JWT header typ must be 'JWT'.");
    }

    private long Integer(JsonElement claims, string claim)
    {
        var value = claims.GetProperty(claim);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds))
            throw Broken(ProviderRule.JwtClaimTypesChecked, $"The JWT {claim} claim must be an integer number of seconds.");
        return seconds;
    }

    private static bool HasIdentifier(JsonElement resource, string system) =>
        resource.TryGetProperty("identifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array
        && identifiers.EnumerateArray().Any(i => i.TryGetProperty("system", out var s) && s.GetString() == system
            && i.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()));

    private JsonDocument ParseJson(string segment, string part)
    {
        byte[] bytes;
        try
        {
            bytes = Base64UrlDecode(segment);
        }
        catch (FormatException)
        {
            throw Broken(ProviderRule.JwtStructureChecked, $"The JWT {part} is not base64url-encoded.");
        }
        try
        {
            var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Broken(ProviderRule.JwtStructureChecked, $"The JWT {part} must be a JSON object.");
            }
            return document;
        }
        catch (JsonException)
        {
            throw Broken(ProviderRule.JwtStructureChecked, $"The JWT {part} is not valid JSON.");
        }
    }

    private static byte[] Base64UrlDecode(string segment)
    {
        if (segment.Length == 0 || segment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new FormatException("Not base64url.");
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("Bad length.") };
        return Convert.FromBase64String(padded);
    }
}
