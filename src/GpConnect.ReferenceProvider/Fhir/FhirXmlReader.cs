using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>
/// Reads FHIR XML into FHIR JSON (the provider's model). XML does not say which elements repeat or which
/// primitives are booleans or numbers, so this reader carries that knowledge for the elements GP Connect
/// Foundations and Appointment Management use: see <see cref="FhirShapes"/>. Malformed input throws
/// <see cref="FormatException"/> with a message naming the problem.
/// </summary>
internal static class FhirXmlReader
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Parses a FHIR XML resource document.</summary>
    public static JsonObject Read(string xml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new FormatException($"The body is not well-formed XML: {e.Message}", e);
        }
        return ReadResource(root);
    }

    private static JsonObject ReadResource(XElement element)
    {
        if (element.Name.Namespace != FhirXmlWriter.Fhir)
            throw new FormatException($"Element <{element.Name.LocalName}> is not in the FHIR namespace {FhirXmlWriter.Fhir}.");
        var type = element.Name.LocalName;
        var resource = new JsonObject { ["resourceType"] = type };
        ReadChildren(resource, element, type, type);
        return resource;
    }

    private static void ReadChildren(JsonObject target, XElement parent, string path, string resourceType)
    {
        foreach (var attribute in parent.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (attribute.Name.LocalName is "id" or "url" && attribute.Name.Namespace == XNamespace.None)
                target[attribute.Name.LocalName] = attribute.Value;
        }
        var groups = parent.Elements().GroupBy(e => e.Name.LocalName);
        foreach (var group in groups)
        {
            var name = group.Key;
            var childPath = path + "." + name;
            var elements = group.ToArray();
            if (elements[0].Name == Xhtml + "div")
            {
                target["div"] = elements[0].ToString(SaveOptions.DisableFormatting);
                continue;
            }
            foreach (var e in elements)
            {
                if (e.Name.Namespace != FhirXmlWriter.Fhir)
                    throw new FormatException($"Element <{e.Name.LocalName}> in {path} is not in the FHIR namespace.");
            }
            var repeats = elements.Length > 1 || FhirShapes.Repeats(childPath, name);
            var values = elements.Select(e => ReadValue(e, childPath, name, resourceType)).ToArray();
            var isPrimitive = elements.Any(e => e.Attribute("value") is not null);
            if (repeats)
            {
                target[name] = new JsonArray(values.Select(v => v.Value).ToArray());
                if (isPrimitive && values.Any(v => v.Extras is not null))
                    target["_" + name] = new JsonArray(values.Select(v => (JsonNode?)v.Extras).ToArray());
            }
            else
            {
                if (values[0].Value is not null) target[name] = values[0].Value;
                if (values[0].Extras is not null) target["_" + name] = values[0].Extras;
            }
        }
    }

    private static (JsonNode? Value, JsonObject? Extras) ReadValue(XElement element, string path, string name, string resourceType)
    {
        var children = element.Elements().ToArray();
        if (children.Length == 1 && char.IsAsciiLetterUpper(children[0].Name.LocalName[0]) && element.Attribute("value") is null)
        {
            return (ReadResource(children[0]), null);
        }
        var value = element.Attribute("value");
        if (value is not null)
        {
            JsonObject? extras = null;
            if (children.Length > 0 || element.Attribute("id") is not null)
            {
                extras = new JsonObject();
                ReadChildren(extras, element, path, resourceType);
            }
            return (Primitive(name, value.Value, path), extras);
        }
        var complex = new JsonObject();
        ReadChildren(complex, element, path, resourceType);
        return (complex, null);
    }

    private static JsonNode Primitive(string name, string text, string path)
    {
        switch (FhirShapes.PrimitiveKind(name))
        {
            case FhirShapes.Kind.Boolean:
                return text switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => throw new FormatException($"{path} must be true or false, not '{text}'."),
                };
            case FhirShapes.Kind.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? JsonValue.Create(integer)
                    : throw new FormatException($"{path} must be an integer, not '{text}'.");
            case FhirShapes.Kind.Decimal:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : throw new FormatException($"{path} must be a decimal, not '{text}'.");
            default:
                return JsonValue.Create(text);
        }
    }
}

/// <summary>Which FHIR STU3 elements repeat, and which primitives are booleans or numbers, for the resources GP Connect exchanges.</summary>
internal static class FhirShapes
{
    public enum Kind { String, Boolean, Integer, Decimal }

    /// <summary>Element names that repeat wherever they appear in the resources this provider exchanges.</summary>
    private static readonly HashSet<string> RepeatingNames =
    [
        "extension", "modifierExtension", "identifier", "coding", "given", "prefix", "suffix", "line", "telecom",
        "contained", "profile", "security", "tag", "entry", "link", "issue", "participant", "slot", "actor",
        "serviceType", "specialty", "parameter", "part", "reason", "indication", "supportingInformation",
        "incomingReferral", "alias", "contact", "endpoint", "qualification", "communication", "photo",
        "generalPractitioner", "format", "rest", "interaction", "searchParam", "searchInclude", "searchRevInclude",
        "operation", "expression", "udi", "safety", "note", "jurisdiction", "useContext", "requestedPeriod",
    ];

    /// <summary>Paths (by suffix) that repeat although their name alone does not say so.</summary>
    private static readonly string[] RepeatingPaths =
    [
        "Patient.name", "Practitioner.name", "Patient.address", "Practitioner.address", "Organization.address",
        "Organization.type", "participant.type", "contact.relationship", "rest.resource", "issue.location",
        "Appointment.serviceType", "Device.contact",
    ];

    /// <summary>Paths (by suffix) that are single although their name usually repeats elsewhere.</summary>
    private static readonly string[] SinglePaths =
    [
        "entry.resource", "parameter.resource", "participant.actor", "rest.security", "Location.address", "contact.name",
        "contact.address", "Patient.contact.organization", "Location.managingOrganization", "Schedule.serviceCategory",
        "Appointment.serviceCategory",
    ];

    private static readonly HashSet<string> BooleanNames =
    [
        "active", "cors", "updateCreate", "overbooked", "experimental", "deceasedBoolean", "multipleBirthBoolean",
        "valueBoolean", "userSelected", "conditionalCreate", "conditionalUpdate", "conditionalDelete", "readHistory",
        "lockedDate", "preferred",
    ];

    private static readonly HashSet<string> IntegerNames =
    [
        "total", "minutesDuration", "priority", "rank", "valueInteger", "valueUnsignedInt", "valuePositiveInt",
        "multipleBirthInteger", "count", "min",
    ];

    private static readonly HashSet<string> DecimalNames = ["valueDecimal", "latitude", "longitude", "altitude"];

    public static bool Repeats(string path, string name)
    {
        if (SinglePaths.Any(p => path.EndsWith(p, StringComparison.Ordinal))) return false;
        return RepeatingPaths.Any(p => path.EndsWith(p, StringComparison.Ordinal)) || RepeatingNames.Contains(name);
    }

    public static Kind PrimitiveKind(string name) =>
        BooleanNames.Contains(name) ? Kind.Boolean
        : IntegerNames.Contains(name) ? Kind.Integer
        : DecimalNames.Contains(name) ? Kind.Decimal
        : Kind.String;
}
