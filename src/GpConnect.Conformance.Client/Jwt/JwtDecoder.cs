using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Client.Jwt;

/// <summary>A token taken apart for reports and checks. Never throws: what could not be decoded is listed in <see cref="Problems"/>.</summary>
/// <param name="Token">The compact token (without any <c>Bearer </c> prefix).</param>
/// <param name="SegmentCount">How many '.'-separated segments the token has (3 for a well-formed unsigned token).</param>
/// <param name="HeaderText">Decoded header text; null when not base64url.</param>
/// <param name="PayloadText">Decoded payload text; null when not base64url.</param>
/// <param name="Header">The header as JSON; null when not JSON.</param>
/// <param name="Payload">The payload as JSON; null when not JSON.</param>
/// <param name="Signature">The raw signature segment (empty for GP Connect).</param>
/// <param name="Problems">Structural problems found, in plain words.</param>
public sealed record DecodedJwt(
    string Token,
    int SegmentCount,
    string? HeaderText,
    string? PayloadText,
    JsonNode? Header,
    JsonNode? Payload,
    string Signature,
    IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The header, pretty-printed, or the decoded text when it is not JSON.</summary>
    public string? HeaderJson => Header?.ToJsonString(Indented) ?? HeaderText;

    /// <summary>The payload, pretty-printed, or the decoded text when it is not JSON.</summary>
    public string? PayloadJson => Payload?.ToJsonString(Indented) ?? PayloadText;

    /// <summary>True when the token is three base64url segments of JSON with an empty signature.</summary>
    public bool IsWellFormed => Problems.Count == 0;
}

/// <summary>Decodes compact JWTs (or <c>Authorization: Bearer</c> header values) for reports.</summary>
public static class JwtDecoder
{
    /// <summary>Decodes <paramref name="tokenOrHeaderValue"/>; a leading <c>Bearer </c> is stripped.</summary>
    public static DecodedJwt Decode(string tokenOrHeaderValue)
    {
        var token = tokenOrHeaderValue.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..].Trim();
        var problems = new List<string>();
        var segments = token.Split('.');
        if (segments.Length != 3)
            problems.Add($"the token has {segments.Length} segment(s); an unsigned GP Connect JWT has 3 (header.payload. with a trailing '.')");

        var (headerText, header) = DecodeSegment(segments, 0, "header", problems);
        var (payloadText, payload) = DecodeSegment(segments, 1, "payload", problems);
        var signature = segments.Length > 2 ? string.Join('.', segments.Skip(2)) : "";
        if (signature.Length > 0) problems.Add("the signature segment is not empty");
        return new DecodedJwt(token, segments.Length, headerText, payloadText, header, payload, signature, problems);
    }

    private static (string? Text, JsonNode? Json) DecodeSegment(string[] segments, int index, string name, List<string> problems)
    {
        if (segments.Length <= index)
        {
            problems.Add($"the {name} segment is missing");
            return (null, null);
        }
        if (!Base64UrlText.TryDecode(segments[index], out var text))
        {
            problems.Add($"the {name} segment is not base64url-encoded UTF-8");
            return (null, null);
        }
        try
        {
            return (text, JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            problems.Add($"the {name} is not JSON ({e.Message})");
            return (text, null);
        }
    }
}
