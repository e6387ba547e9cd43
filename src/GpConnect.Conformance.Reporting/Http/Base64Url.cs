using System.Text;

namespace GpConnect.Conformance.Reporting.Http;

/// <summary>Base64url (RFC 4648 §5, no padding) as used by JWTs.</summary>
public static class Base64Url
{
    /// <summary>Decodes base64url text (padding optional); null when it is not valid base64url.</summary>
    public static byte[]? TryDecode(string text)
    {
        if (text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '='))) return null;
        var s = text.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        switch (s.Length % 4)
        {
            case 1: return null;
            case 2: s += "=="; break;
            case 3: s += "="; break;
        }
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    /// <summary>Decodes base64url to UTF-8 text; null when not valid.</summary>
    public static string? TryDecodeString(string text)
    {
        var bytes = TryDecode(text);
        if (bytes is null) return null;
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    /// <summary>Encodes bytes as base64url without padding.</summary>
    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Encodes UTF-8 text as base64url without padding.</summary>
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));
}
