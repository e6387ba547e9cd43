using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace GpConnect.Conformance.Client;

/// <summary>
/// Turns a raw response body into text: undoes Content-Encoding (gzip, deflate, br) up to a size limit, then decodes the
/// charset (UTF-8 by default) strictly: bytes that are not valid in the charset refuse the body rather than being replaced.
/// </summary>
internal static class ResponseBodyDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text; <c>Problem</c> notes a body shown as received; <c>Refused</c> says why the body cannot be used at all.</summary>
    public static (string Text, string? Problem, string? Refused) Decode(byte[] body, IReadOnlyList<HttpHeader> headers, int maxDecodedBytes = int.MaxValue)
    {
        if (body.Length == 0) return ("", null, null);
        string? problem = null;
        var bytes = body;
        var encodings = headers.Where(h => h.Name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Reverse();
        foreach (var encoding in encodings)
        {
            try
            {
                bytes = encoding.ToLowerInvariant() switch
                {
                    "gzip" or "x-gzip" => Inflate(bytes, s => new GZipStream(s, CompressionMode.Decompress), maxDecodedBytes),
                    "deflate" => Inflate(bytes, s => new ZLibStream(s, CompressionMode.Decompress), maxDecodedBytes),
                    "br" => Inflate(bytes, s => new BrotliStream(s, CompressionMode.Decompress), maxDecodedBytes),
                    "identity" => bytes,
                    _ => throw new InvalidDataException($"unknown Content-Encoding \"{encoding}\""),
                };
            }
            catch (DecodedTooLargeException)
            {
                return ("", null, $"its {body.Length}-byte Content-Encoding \"{encoding}\" body expands past limits:maxDecodedResponseBytes ({maxDecodedBytes} bytes)");
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                problem = $"the body could not be decoded as Content-Encoding \"{encoding}\" ({e.Message}); shown as received";
                bytes = body;
                break;
            }
        }

        Encoding encodingForText = StrictUtf8;
        var contentType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && !string.IsNullOrEmpty(media.CharSet))
        {
            try
            {
                var declared = Encoding.GetEncoding(media.CharSet.Trim('"'));
                encodingForText = declared.CodePage == Encoding.UTF8.CodePage
                    ? StrictUtf8
                    : Encoding.GetEncoding(declared.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException) { problem ??= $"unknown charset \"{media.CharSet}\"; decoded as UTF-8"; }
        }
        try
        {
            return (encodingForText.GetString(bytes), problem, null);
        }
        catch (DecoderFallbackException e)
        {
            var name = encodingForText.CodePage == Encoding.UTF8.CodePage ? "UTF-8" : encodingForText.WebName;
            var at = e.Index >= 0 ? $" (first bad byte near offset {e.Index})" : "";
            return ("", null, $"the body is not valid {name}{at}");
        }
    }

    private sealed class DecodedTooLargeException : Exception;

    private static byte[] Inflate(byte[] bytes, Func<Stream, Stream> open, int maxDecodedBytes)
    {
        using var input = new MemoryStream(bytes);
        using var decompressor = open(input);
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = decompressor.Read(chunk, 0, chunk.Length)) > 0)
        {
            output.Write(chunk, 0, read);
            if (output.Length > maxDecodedBytes) throw new DecodedTooLargeException();
        }
        return output.ToArray();
    }
}
