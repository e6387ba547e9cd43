using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>
/// Writes a FHIR JSON resource as FHIR XML (STU3 rules): namespace <c>http://hl7.org/fhir</c>, the resource type
/// as root element, primitives as <c>value</c> attributes, arrays as repeated elements, <c>extension.url</c> and
/// element <c>id</c> as attributes, nested resources wrapped in their element (e.g. <c>entry/resource/Slot</c>),
/// and <c>_name</c> primitive extensions merged into the primitive's element. Property order is kept, so
/// resources must be built in FHIR element order.
/// </summary>
internal static class FhirXmlWriter
{
    public static readonly XNamespace Fhir = "http://hl7.org/fhir";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Serialises the resource to an XML string with an XML declaration (UTF-8).</summary>
    public static string Write(JsonObject resource)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), ToElement(resource));
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(builder), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }
        return builder.ToString();
    }

    /// <summary>Converts a resource (an object with <c>resourceType</c>) to its XML element.</summary>
    public static XElement ToElement(JsonObject resource)
    {
        var type = resource["resourceType"]?.GetValue<string>()
            ?? throw new ArgumentException("A FHIR resource needs a resourceType.", nameof(resource));
        var element = new XElement(Fhir + type);
        WriteProperties(element, resource, isResource: true);
        return element;
    }

    private static void WriteProperties(XElement parent, JsonObject source, bool isResource)
    {
        var isExtension = parent.Name.LocalName is "extension" or "modifierExtension";
        foreach (var (name, value) in source)
        {
            if (name == "resourceType" || name.StartsWith('_')) continue;
            if (value is null) continue;
            if (!isResource && name == "id" && value is JsonValue)
            {
                parent.SetAttributeValue("id", Primitive(value));
                continue;
            }
            if (isExtension && name == "url" && value is JsonValue)
            {
                parent.SetAttributeValue("url", Primitive(value));
                continue;
            }
            var primitiveExtras = source["_" + name];
            if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var extra = primitiveExtras is JsonArray extras && i < extras.Count ? extras[i] : null;
                    WriteElement(parent, name, array[i], extra);
                }
            }
            else
            {
                WriteElement(parent, name, value, primitiveExtras);
            }
        }
    }

    private static void WriteElement(XElement parent, string name, JsonNode? value, JsonNode? primitiveExtras)
    {
        if (value is null && primitiveExtras is null) return;
        var element = new XElement(Fhir + name);
        parent.Add(element);
        switch (value)
        {
            case JsonObject nested when nested.ContainsKey("resourceType"):
                element.Add(ToElement(nested));
                break;
            case JsonObject nested:
                WriteProperties(element, nested, isResource: false);
                break;
            case JsonValue primitive when name == "div":
                element.ReplaceWith(ParseXhtml(Primitive(primitive)));
                break;
            case JsonValue primitive:
                if (primitiveExtras is JsonObject extras) WriteProperties(element, extras, isResource: false);
                element.SetAttributeValue("value", Primitive(primitive));
                break;
            case null when primitiveExtras is JsonObject onlyExtras:
                WriteProperties(element, onlyExtras, isResource: false);
                break;
            default:
                throw new InvalidOperationException($"Cannot write '{name}' as FHIR XML: nested arrays are not FHIR.");
        }
    }

    private static string Primitive(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        var other => throw new InvalidOperationException($"A FHIR primitive cannot be a JSON {other}."),
    };

    private static XElement ParseXhtml(string div)
    {
        var parsed = XElement.Parse(div);
        if (parsed.Name.Namespace == XNamespace.None)
        {
            foreach (var e in parsed.DescendantsAndSelf()) e.Name = Xhtml + e.Name.LocalName;
        }
        return parsed;
    }

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
