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
        using var received = new ReceivedBody(body, body.Length, pooled: false);
        return Decode(received, headers, maxDecodedBytes);
    }

    /// <summary>
    /// The body as text, decoded straight from the received bytes (no copy unless a Content-Encoding must be undone first);
    /// <c>Problem</c> notes a body shown as received; <c>Refused</c> says why the body cannot be used at all.
    /// </summary>
    public static (string Text, string? Problem, string? Refused) Decode(ReceivedBody body, IReadOnlyList<HttpHeader> headers, int maxDecodedBytes = int.MaxValue)
    {
        if (body.Length == 0) return ("", null, null);
        string? problem = null;
        byte[]? inflated = null; // the decoded bytes when a Content-Encoding was undone; otherwise the body is read in place
        string? contentType = null;
        List<string>? encodings = null;
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (contentType is null && header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = header.Value;
            else if (header.Name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
                (encodings ??= []).AddRange(header.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        if (encodings is not null)
        {
            // The last coding applied is undone first.
            for (var i = encodings.Count - 1; i >= 0; i--)
            {
                var encoding = encodings[i];
                try
                {
                    inflated = encoding.ToLowerInvariant() switch
                    {
                        "gzip" or "x-gzip" => Inflate(Open(body, inflated), s => new GZipStream(s, CompressionMode.Decompress), maxDecodedBytes),
                        "deflate" => Inflate(Open(body, inflated), s => new ZLibStream(s, CompressionMode.Decompress), maxDecodedBytes),
                        "br" => Inflate(Open(body, inflated), s => new BrotliStream(s, CompressionMode.Decompress), maxDecodedBytes),
                        "identity" => inflated,
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
                    inflated = null;
                    break;
                }
            }
        }

        var (encodingForText, charsetProblem) = TextEncodingFor(contentType);
        problem ??= charsetProblem;
        try
        {
            return (encodingForText.GetString(inflated is null ? body.Span : inflated), problem, null);
        }
        catch (DecoderFallbackException e)
        {
            var name = encodingForText.CodePage == Encoding.UTF8.CodePage ? "UTF-8" : encodingForText.WebName;
            var at = e.Index >= 0 ? $" (first bad byte near offset {e.Index})" : "";
            return ("", null, $"the body is not valid {name}{at}");
        }
    }

    private static Stream Open(ReceivedBody body, byte[]? inflated) => inflated is null ? body.OpenRead() : new MemoryStream(inflated, writable: false);

    /// <summary>The last Content-Type seen and what it resolved to: a run sees the same few values over and over.</summary>
    private sealed record CharsetChoice(string? ContentType, Encoding Encoding, string? Problem);

    private static volatile CharsetChoice _lastCharset = new(null, StrictUtf8, null);

    /// <summary>The strict decoder for the Content-Type's charset (UTF-8 when none); a problem when the charset is unknown.</summary>
    private static (Encoding Encoding, string? Problem) TextEncodingFor(string? contentType)
    {
        var last = _lastCharset;
        if (string.Equals(last.ContentType, contentType, StringComparison.Ordinal)) return (last.Encoding, last.Problem);

        Encoding encodingForText = StrictUtf8;
        string? problem = null;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && !string.IsNullOrEmpty(media.CharSet))
        {
            try
            {
                var declared = Encoding.GetEncoding(media.CharSet.Trim('"'));
                encodingForText = declared.CodePage == Encoding.UTF8.CodePage
                    ? StrictUtf8
                    : Encoding.GetEncoding(declared.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            }
            catch (ArgumentException) { problem = $"unknown charset \"{media.CharSet}\"; decoded as UTF-8"; }
        }
        _lastCharset = new CharsetChoice(contentType, encodingForText, problem);
        return (encodingForText, problem);
    }

    private sealed class DecodedTooLargeException : Exception;

    private static byte[] Inflate(Stream input, Func<Stream, Stream> open, int maxDecodedBytes)
    {
        using (input)
        using (var decompressor = open(input))
        using (var output = new MemoryStream())
        {
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
}
