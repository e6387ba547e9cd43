using System.Xml;
using System.Xml.Linq;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Fhir.Parsing;

/// <summary>Reads FHIR XML into an <see cref="ElementNode"/> tree, reporting malformed input as findings.</summary>
internal static class XmlTreeReader
{
    internal const string FhirNs = "http://hl7.org/fhir";
    internal const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static ElementNode? Read(string text, List<ValidationFinding> findings)
    {
        XDocument doc;
        try
        {
            if (TooDeep(text, FhirParseLimits.MaxDepth) is { } deep)
            {
                findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.xml-depth", $"at most {FhirParseLimits.MaxDepth} levels of nesting", null,
                    $"The XML nests elements more than {FhirParseLimits.MaxDepth} levels deep (limits:maxNestingDepth); it is not read further.") { Line = deep.Line, Column = deep.Column });
                return null;
            }
            using var sr = new StringReader(text);
            using var xr = XmlReader.Create(sr, Settings);
            doc = XDocument.Load(xr, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.xml", "well-formed XML", null,
                $"The body is not well-formed XML: {ex.Message}") { Line = ex.LineNumber == 0 ? null : ex.LineNumber, Column = ex.LinePosition == 0 ? null : ex.LinePosition });
            return null;
        }
        var rootEl = doc.Root!;
        var (line, col) = Pos(rootEl);
        if (rootEl.Name.NamespaceName != FhirNs || rootEl.Name.LocalName.Length == 0 || !char.IsUpper(rootEl.Name.LocalName[0]))
        {
            findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.root", "a resource element in namespace " + FhirNs,
                rootEl.Name.ToString(), $"The XML root element '{rootEl.Name}' is not a FHIR resource (expected a resource name in namespace {FhirNs}).") { Line = line, Column = col });
            return null;
        }
        var rt = rootEl.Name.LocalName;
        var root = new ElementNode(rt, null, line, col) { ResourceType = rt };
        FillResource(root, rootEl, findings, rt);
        return root;
    }

    private static void FillResource(ElementNode node, XElement resourceEl, List<ValidationFinding> findings, string path)
    {
        foreach (var a in resourceEl.Attributes())
            if (!a.IsNamespaceDeclaration)
                findings.Add(AttributeFinding(path, a));
        foreach (var child in resourceEl.Elements()) AddElement(node, child, findings, path);
    }

    private static void AddElement(ElementNode parent, XElement el, List<ValidationFinding> findings, string parentPath)
    {
        var (line, col) = Pos(el);
        var name = el.Name.LocalName;
        var path = parentPath + "." + name;
        if (el.Name.NamespaceName == XhtmlNs && name == "div")
        {
            var div = new ElementNode("div", parent, line, col) { Value = el.ToString(SaveOptions.DisableFormatting), ValueKind = PrimitiveKind.XmlText };
            parent.Add(div);
            return;
        }
        if (el.Name.NamespaceName != FhirNs)
        {
            findings.Add(new ValidationFinding(FindingSeverity.Error, path, "parse.xml-namespace", FhirNs, el.Name.NamespaceName,
                $"Element '{name}' is in namespace '{el.Name.NamespaceName}', not the FHIR namespace.") { Line = line, Column = col });
            return;
        }
        var node = new ElementNode(name, parent, line, col);
        parent.Add(node);

        // A resource container (contained, entry.resource, parameter.resource, ...) wraps exactly one resource element.
        var elements = el.Elements().ToList();
        if (elements.Count == 1 && !el.HasAttributes && char.IsUpper(elements[0].Name.LocalName[0]) && elements[0].Name.NamespaceName == FhirNs)
        {
            node.ResourceType = elements[0].Name.LocalName;
            FillResource(node, elements[0], findings, path);
            return;
        }

        string? value = null;
        foreach (var a in el.Attributes())
        {
            if (a.IsNamespaceDeclaration) continue;
            switch (a.Name.LocalName)
            {
                case "value" when a.Name.NamespaceName.Length == 0:
                    value = a.Value;
                    break;
                case "id" when a.Name.NamespaceName.Length == 0:
                case "url" when a.Name.NamespaceName.Length == 0 && (name == "extension" || name == "modifierExtension"):
                    var (al, ac) = Pos(a);
                    node.Add(new ElementNode(a.Name.LocalName, node, al ?? line, ac ?? col) { Value = a.Value, ValueKind = PrimitiveKind.XmlText });
                    break;
                default:
                    findings.Add(AttributeFinding(path, a));
                    break;
            }
        }
        if (value is not null)
        {
            node.Value = value;
            node.ValueKind = PrimitiveKind.XmlText;
        }
        if (!el.IsEmpty && el.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            findings.Add(new ValidationFinding(FindingSeverity.Error, path, "parse.xml-text", "value attribute", "text content",
                $"Element '{name}' holds text content; FHIR XML carries primitive values in a 'value' attribute.") { Line = line, Column = col });
        foreach (var child in elements) AddElement(node, child, findings, path);

        if (value is null && elements.Count == 0 && !el.Attributes().Any(a => !a.IsNamespaceDeclaration))
        {
            node.HasParseProblem = true;
            findings.Add(new ValidationFinding(FindingSeverity.Error, path, "parse.xml-value-missing", "a value attribute or child elements", "empty element",
                $"Element '{name}' is empty: a primitive needs a 'value' attribute and a complex element needs children.") { Line = line, Column = col });
        }
    }

    /// <summary>
    /// Where the element nesting first exceeds <paramref name="maxDepth"/>, or null. The tree builder below recurses once per
    /// level, so depth is checked first with a streaming reader; a body with fewer '&lt;' than the limit cannot be too deep.
    /// </summary>
    private static (int? Line, int? Column)? TooDeep(string text, int maxDepth)
    {
        if (text.AsSpan().Count('<') <= maxDepth) return null;
        using var sr = new StringReader(text);
        using var xr = XmlReader.Create(sr, Settings);
        while (xr.Read())
        {
            if (xr.NodeType == XmlNodeType.Element && xr.Depth >= maxDepth)
                return xr is IXmlLineInfo li && li.HasLineInfo() ? (li.LineNumber, li.LinePosition) : (null, null);
        }
        return null;
    }

    private static ValidationFinding AttributeFinding(string path, XAttribute a)
    {
        var (l, c) = Pos(a);
        return new ValidationFinding(FindingSeverity.Error, path, "parse.xml-attribute", null, a.Name.ToString(),
            $"Unexpected XML attribute '{a.Name}' on '{path}'.") { Line = l, Column = c };
    }

    private static (int? Line, int? Column) Pos(XObject o) =>
        o is IXmlLineInfo li && li.HasLineInfo() ? (li.LineNumber, li.LinePosition) : (null, null);
}
