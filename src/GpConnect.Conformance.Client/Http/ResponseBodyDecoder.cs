using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace GpConnect.Conformance.Client;

/// <summary>Turns a raw response body into text: undoes Content-Encoding (gzip, deflate, br), then decodes the charset (UTF-8 by default).</summary>
internal static class ResponseBodyDecoder
{
    public static (string Text, string? Problem) Decode(byte[] body, IReadOnlyList<HttpHeader> headers)
    {
        if (body.Length == 0) return ("", null);
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
                    "gzip" or "x-gzip" => Inflate(bytes, s => new GZipStream(s, CompressionMode.Decompress)),
                    "deflate" => Inflate(bytes, s => new ZLibStream(s, CompressionMode.Decompress)),
                    "br" => Inflate(bytes, s => new BrotliStream(s, CompressionMode.Decompress)),
                    "identity" => bytes,
                    _ => throw new InvalidDataException($"unknown Content-Encoding \"{encoding}\""),
                };
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                problem = $"the body could not be decoded as Content-Encoding \"{encoding}\" ({e.Message}); shown as received";
                bytes = body;
                break;
            }
        }

        var encodingForText = Encoding.UTF8;
        var contentType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))?.Value;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && !string.IsNullOrEmpty(media.CharSet))
        {
            try { encodingForText = Encoding.GetEncoding(media.CharSet.Trim('"')); }
            catch (ArgumentException) { problem ??= $"unknown charset \"{media.CharSet}\"; decoded as UTF-8"; }
        }
        return (encodingForText.GetString(bytes), problem);
    }

    private static byte[] Inflate(byte[] bytes, Func<Stream, Stream> open)
    {
        using var input = new MemoryStream(bytes);
        using var decompressor = open(input);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }
}
