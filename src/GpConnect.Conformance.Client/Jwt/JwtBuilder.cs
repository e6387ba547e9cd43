using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Client.Jwt;

/// <summary>
/// Makes GP Connect 1.x bearer tokens from the consumer settings: header <c>{"alg":"none","typ":"JWT"}</c>, the ten
/// mandatory claims with minimal Device/Organization/Practitioner resources, <c>exp = iat + 300</c>,
/// <c>sub == requesting_practitioner.id</c>, and an empty signature (the token ends with '.').
/// Thread-safe: every call makes a new draft.
/// </summary>
public sealed class JwtBuilder(ConsumerSettings consumer, TimeProvider? clock = null)
{
    /// <summary>The token lifetime the spec requires consumers to use.</summary>
    public const int LifetimeSeconds = 300;

    /// <summary>Fixed <c>reason_for_request</c>.</summary>
    public const string DirectCare = "directcare";

    /// <summary>The clock used for <c>iat</c>.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The consumer identity written into the claims.</summary>
    public ConsumerSettings Consumer { get; } = consumer ?? throw new ArgumentNullException(nameof(consumer));

    /// <summary>
    /// A valid token for <paramref name="audience"/> (the provider service root URL) and <paramref name="scope"/>: the same
    /// text as <c>CreateDraft(audience, scope).Encode()</c>, written straight to UTF-8 with the fixed parts (header, the three
    /// resources) made once per builder, so the token costs a few hundred bytes instead of a JSON tree per request.
    /// </summary>
    public string Build(string audience, string scope)
    {
        // Within one second (iat), for the same audience and scope, the token is the same text: the last one made is reused.
        var iat = Clock.GetUtcNow().ToUnixTimeSeconds();
        if (_last is { } last && last.IssuedAt == iat && string.Equals(last.Scope, scope, StringComparison.Ordinal)
            && string.Equals(last.Audience, audience, StringComparison.Ordinal))
            return last.Token;
        var token = Write(audience, scope, iat);
        _last = new LastToken(iat, audience, scope, token);
        return token;
    }

    private sealed record LastToken(long IssuedAt, string Audience, string Scope, string Token);

    // The last token made; several threads may replace it at once, each with a token that is right for its own inputs.
    private volatile LastToken? _last;

    private string Write(string audience, string scope, long iat)
    {
        var fixedParts = _fixed ??= new FixedParts(
            Base64UrlText.Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }.ToJsonString(Compact)),
            Device().ToJsonString(Compact), Organization().ToJsonString(Compact), Practitioner().ToJsonString(Compact));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Compact.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString(JwtClaimNames.Issuer, Consumer.SystemUrl);
            json.WriteString(JwtClaimNames.Subject, Consumer.Practitioner.Id);
            json.WriteString(JwtClaimNames.Audience, audience);
            json.WriteNumber(JwtClaimNames.Expiry, iat + LifetimeSeconds);
            json.WriteNumber(JwtClaimNames.IssuedAt, iat);
            json.WriteString(JwtClaimNames.ReasonForRequest, DirectCare);
            json.WriteString(JwtClaimNames.RequestedScope, scope);
            json.WritePropertyName(JwtClaimNames.RequestingDevice);
            json.WriteRawValue(fixedParts.Device, skipInputValidation: true);
            json.WritePropertyName(JwtClaimNames.RequestingOrganization);
            json.WriteRawValue(fixedParts.Organization, skipInputValidation: true);
            json.WritePropertyName(JwtClaimNames.RequestingPractitioner);
            json.WriteRawValue(fixedParts.Practitioner, skipInputValidation: true);
            json.WriteEndObject();
        }
        return string.Concat(fixedParts.Header, ".", System.Buffers.Text.Base64Url.EncodeToString(buffer.WrittenSpan), ".");
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record FixedParts(string Header, string Device, string Organization, string Practitioner);

    // Made on first use; the consumer settings never change, and two threads making it at once make the same text.
    private FixedParts? _fixed;

    /// <summary>A valid token as an editable draft, to derive an invalid one from.</summary>
    public JwtDraft CreateDraft(string audience, string scope)
    {
        var now = Clock.GetUtcNow();
        var iat = now.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            [JwtClaimNames.Issuer] = Consumer.SystemUrl,
            [JwtClaimNames.Subject] = Consumer.Practitioner.Id,
            [JwtClaimNames.Audience] = audience,
            [JwtClaimNames.Expiry] = iat + LifetimeSeconds,
            [JwtClaimNames.IssuedAt] = iat,
            [JwtClaimNames.ReasonForRequest] = DirectCare,
            [JwtClaimNames.RequestedScope] = scope,
            [JwtClaimNames.RequestingDevice] = Device(),
            [JwtClaimNames.RequestingOrganization] = Organization(),
            [JwtClaimNames.RequestingPractitioner] = Practitioner(),
        };
        return new JwtDraft(header, payload, now);
    }

    private JsonObject Device() => new()
    {
        ["resourceType"] = "Device",
        ["identifier"] = new JsonArray(Identifier(Consumer.Device.System, Consumer.Device.Value)),
        ["model"] = Consumer.Device.Model,
        ["version"] = Consumer.Device.Version,
    };

    private JsonObject Organization() => new()
    {
        ["resourceType"] = "Organization",
        ["identifier"] = new JsonArray(Identifier(JwtIdentifierSystems.OdsOrganisationCode, Consumer.OdsCode)),
        ["name"] = Consumer.OrganisationName,
    };

    private JsonObject Practitioner()
    {
        var p = Consumer.Practitioner;
        var identifiers = new JsonArray(Identifier(JwtIdentifierSystems.SdsUserId, p.SdsUserId));
        if (p.SdsRoleProfileId.Length > 0) identifiers.Add(Identifier(JwtIdentifierSystems.SdsRoleProfileId, p.SdsRoleProfileId));
        if (p.LocalIdentifierSystem.Length > 0 && p.LocalIdentifier.Length > 0) identifiers.Add(Identifier(p.LocalIdentifierSystem, p.LocalIdentifier));

        var name = new JsonObject { ["family"] = p.Family };
        if (p.Given.Count > 0) name["given"] = new JsonArray(p.Given.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
        if (p.Prefix.Count > 0) name["prefix"] = new JsonArray(p.Prefix.Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());

        return new JsonObject
        {
            ["resourceType"] = "Practitioner",
            ["id"] = p.Id,
            ["identifier"] = identifiers,
            ["name"] = new JsonArray(name),
        };
    }

    private static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };
}
