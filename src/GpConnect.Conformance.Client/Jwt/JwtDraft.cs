using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Client.Jwt;

/// <summary>A part of a compact JWT.</summary>
public enum JwtSegment
{
    /// <summary>The JOSE header.</summary>
    Header,
    /// <summary>The claims.</summary>
    Payload,
    /// <summary>The signature (empty for GP Connect).</summary>
    Signature,
}

/// <summary>
/// An editable token, valid until changed. Every mutator returns the draft, so defects chain:
/// <c>draft.RemoveClaim("aud").WithoutTrailingDot().Encode()</c>. Not thread-safe; one draft per request.
/// </summary>
public sealed class JwtDraft
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<JwtSegment, string> _rawSegments = [];
    private bool _trailingDot = true;

    internal JwtDraft(JsonObject header, JsonObject payload, DateTimeOffset now)
    {
        Header = header;
        Payload = payload;
        Now = now;
    }

    /// <summary>The JOSE header; edit freely.</summary>
    public JsonObject Header { get; }

    /// <summary>The claims; edit freely.</summary>
    public JsonObject Payload { get; }

    /// <summary>The clock reading the draft was made at (the valid token's <c>iat</c>, to the second).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Removes a claim.</summary>
    public JwtDraft RemoveClaim(string claim)
    {
        Payload.Remove(claim);
        return this;
    }

    /// <summary>Sets a claim to any JSON value; a null <paramref name="value"/> writes JSON <c>null</c>.</summary>
    public JwtDraft SetClaim(string claim, JsonNode? value)
    {
        Payload[claim] = value;
        return this;
    }

    /// <summary>Sets a claim to a value given as JSON text, e.g. <c>"\"1469436987\""</c> (a string) or <c>1469436987.5</c>.</summary>
    public JwtDraft SetClaimJson(string claim, string json)
    {
        Payload[claim] = JsonNode.Parse(json);
        return this;
    }

    /// <summary>Sets <c>iat</c> (and <c>exp = iat + lifetime</c>) to absolute times.</summary>
    public JwtDraft SetIssuedAt(DateTimeOffset issuedAt, int lifetimeSeconds = JwtBuilder.LifetimeSeconds)
    {
        var iat = issuedAt.ToUnixTimeSeconds();
        Payload[JwtClaimNames.IssuedAt] = iat;
        Payload[JwtClaimNames.Expiry] = iat + lifetimeSeconds;
        return this;
    }

    /// <summary>Sets <c>iat</c> = now + <paramref name="offset"/> and <c>exp = iat + lifetime</c> (e.g. +60 s, +180 s).</summary>
    public JwtDraft SetIssuedAtRelativeToNow(TimeSpan offset, int lifetimeSeconds = JwtBuilder.LifetimeSeconds) =>
        SetIssuedAt(Now + offset, lifetimeSeconds);

    /// <summary>Sets <c>exp</c> = now + <paramref name="offset"/> and <c>iat = exp − lifetime</c> (e.g. −60 s, −180 s).</summary>
    public JwtDraft SetExpiryRelativeToNow(TimeSpan offset, int lifetimeSeconds = JwtBuilder.LifetimeSeconds) =>
        SetIssuedAt(Now + offset - TimeSpan.FromSeconds(lifetimeSeconds), lifetimeSeconds);

    /// <summary>Sets <c>exp = iat + seconds</c>, keeping <c>iat</c> (e.g. 299 or 301).</summary>
    public JwtDraft SetLifetime(int seconds)
    {
        var iat = Payload[JwtClaimNames.IssuedAt]?.GetValue<long>() ?? Now.ToUnixTimeSeconds();
        Payload[JwtClaimNames.Expiry] = iat + seconds;
        return this;
    }

    /// <summary>Changes the <c>resourceType</c> of a claim resource (e.g. <c>requesting_device</c> → <c>Patient</c>).</summary>
    public JwtDraft SetResourceType(string claim, string resourceType) => SetResourceElement(claim, "resourceType", resourceType);

    /// <summary>Sets (or adds) an element of a claim resource to any JSON value (e.g. <c>model</c> as an object, an unknown element).</summary>
    public JwtDraft SetResourceElement(string claim, string element, JsonNode? value)
    {
        Resource(claim)[element] = value;
        return this;
    }

    /// <summary>Removes an element of a claim resource.</summary>
    public JwtDraft RemoveResourceElement(string claim, string element)
    {
        Resource(claim).Remove(element);
        return this;
    }

    /// <summary>Removes the identifiers with <paramref name="system"/> from a claim resource (all identifiers when null).</summary>
    public JwtDraft RemoveResourceIdentifier(string claim, string? system = null)
    {
        var resource = Resource(claim);
        if (system is null)
        {
            resource.Remove("identifier");
            return this;
        }
        if (resource["identifier"] is JsonArray identifiers)
        {
            foreach (var match in identifiers.Where(i => i?["system"]?.GetValue<string>() == system).ToList())
                identifiers.Remove(match);
        }
        return this;
    }

    /// <summary>Sets the value of the identifier with <paramref name="system"/> (added when absent), e.g. SDS ids to <c>UNK</c>.</summary>
    public JwtDraft SetResourceIdentifierValue(string claim, string system, string value)
    {
        var resource = Resource(claim);
        if (resource["identifier"] is not JsonArray identifiers) resource["identifier"] = identifiers = [];
        var existing = identifiers.OfType<JsonObject>().FirstOrDefault(i => i["system"]?.GetValue<string>() == system);
        if (existing is null) identifiers.Add(new JsonObject { ["system"] = system, ["value"] = value });
        else existing["value"] = value;
        return this;
    }

    /// <summary>Sets the header <c>alg</c> (e.g. <c>HS256</c>).</summary>
    public JwtDraft SetAlgorithm(string algorithm)
    {
        Header["alg"] = algorithm;
        return this;
    }

    /// <summary>Puts text into the signature segment, verbatim (default: base64url of "signature").</summary>
    public JwtDraft WithSignature(string? signatureSegment = null)
    {
        _rawSegments[JwtSegment.Signature] = signatureSegment ?? Base64UrlText.Encode("signature");
        return this;
    }

    /// <summary>Drops the trailing '.', giving a two-segment token (when the signature is empty).</summary>
    public JwtDraft WithoutTrailingDot()
    {
        _trailingDot = false;
        return this;
    }

    /// <summary>Replaces a segment with <paramref name="rawSegment"/> verbatim, e.g. non-base64url text such as <c>"!!not*base64"</c>.</summary>
    public JwtDraft ReplaceSegment(JwtSegment segment, string rawSegment)
    {
        _rawSegments[segment] = rawSegment;
        return this;
    }

    /// <summary>Replaces a segment with the base64url of arbitrary text, e.g. a payload that is not JSON.</summary>
    public JwtDraft SetSegmentText(JwtSegment segment, string text) => ReplaceSegment(segment, Base64UrlText.Encode(text));

    /// <summary>The compact token: <c>b64url(header).b64url(payload).</c> plus any signature.</summary>
    public string Encode()
    {
        var header = _rawSegments.GetValueOrDefault(JwtSegment.Header) ?? Base64UrlText.Encode(Header.ToJsonString(Compact));
        var payload = _rawSegments.GetValueOrDefault(JwtSegment.Payload) ?? Base64UrlText.Encode(Payload.ToJsonString(Compact));
        var signature = _rawSegments.GetValueOrDefault(JwtSegment.Signature) ?? "";
        return signature.Length > 0 || _trailingDot ? $"{header}.{payload}.{signature}" : $"{header}.{payload}";
    }

    /// <inheritdoc />
    public override string ToString() => Encode();

    private JsonObject Resource(string claim) => Payload[claim] as JsonObject
        ?? throw new InvalidOperationException($"JWT claim \"{claim}\" does not hold a resource object (it is {Payload[claim]?.GetValueKind().ToString() ?? "absent or null"}).");
}
