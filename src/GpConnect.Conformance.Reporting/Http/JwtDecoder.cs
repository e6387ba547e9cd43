using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Reporting.Http;

/// <summary>A JWT split and decoded for display. The signature is not checked (GP Connect tokens are unsigned).</summary>
/// <param name="HeaderJson">The decoded header, pretty-printed when it is JSON.</param>
/// <param name="PayloadJson">The decoded payload (claims), pretty-printed when it is JSON.</param>
/// <param name="Signature">The third segment as sent (often empty).</param>
public sealed record DecodedJwt(string HeaderJson, string PayloadJson, string Signature);

/// <summary>Finds and decodes the JWT in an <c>Authorization: Bearer …</c> header.</summary>
public static class JwtDecoder
{
    /// <summary>The Authorization header value among <paramref name="headers"/> (case-insensitive name), or null.</summary>
    public static string? AuthorizationHeader(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Decodes "Bearer h.p.s" (or a bare "h.p.s"); null when it is not a decodable JWT.</summary>
    public static DecodedJwt? TryDecode(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization)) return null;
        var token = authorization.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..].Trim();
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        var header = Base64Url.TryDecodeString(parts[0]);
        var payload = Base64Url.TryDecodeString(parts[1]);
        if (header is null || payload is null) return null;
        return new DecodedJwt(PrettyJson(header), PrettyJson(payload), parts[2]);
    }

    private static string PrettyJson(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(BodyFormatter.IndentedJson) ?? text;
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }
}
