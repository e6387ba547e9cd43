using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace GpConnect.Conformance.Reporting.Http;

/// <summary>What a body turned out to be.</summary>
public enum BodyKind { Empty, Json, Xml, Text }

/// <summary>Pretty-prints HTTP bodies for people: JSON and XML indented, anything else as sent.</summary>
public static class BodyFormatter
{
    /// <summary>Indented JSON that keeps non-ASCII text readable (the HTML writer encodes it).</summary>
    public static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Detects JSON or XML by content and returns it indented; text that does not parse is returned unchanged.</summary>
    public static (BodyKind Kind, string Text) Format(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (BodyKind.Empty, "");
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                var node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
                if (node is not null) return (BodyKind.Json, node.ToJsonString(IndentedJson));
            }
            catch (JsonException) { }
        }
        else if (trimmed.StartsWith('<'))
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
                using var reader = XmlReader.Create(new StringReader(body), settings);
                var doc = XDocument.Load(reader);
                return (BodyKind.Xml, doc.ToString(SaveOptions.None));
            }
            catch (XmlException) { }
        }
        return (BodyKind.Text, body);
    }
}
