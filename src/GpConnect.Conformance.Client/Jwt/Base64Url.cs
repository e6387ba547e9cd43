using System.Buffers.Text;
using System.Text;

namespace GpConnect.Conformance.Client.Jwt;

/// <summary>RFC 4648 §5 base64url without padding.</summary>
public static class Base64UrlText
{
    /// <summary>Encodes UTF-8 text.</summary>
    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>Decodes to UTF-8 text; false when the segment is not strict base64url (only A-Z a-z 0-9 - _, no padding).</summary>
    public static bool TryDecode(string segment, out string text)
    {
        text = "";
        if (segment.Length % 4 == 1) return false;
        foreach (var c in segment)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return false;
        try
        {
            var bytes = Base64Url.DecodeFromChars(segment);
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}
