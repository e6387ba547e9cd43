using System.Xml;
using System.Xml.Linq;

namespace GpConnect.Conformance.Fhir.Writing;

/// <summary>Writes an <see cref="ElementNode"/> tree as FHIR XML (element order as in the tree).</summary>
public static class FhirXmlWriter
{
    private static readonly XNamespace Fhir = "http://hl7.org/fhir";

    /// <summary>Serialises a resource node (the root, or any nested resource) to FHIR XML text.</summary>
    /// <exception cref="ArgumentException">The node is not a resource.</exception>
    public static string Write(ElementNode resource, bool indent = true)
    {
        if (!resource.IsResource) throw new ArgumentException($"{resource.Path} is not a resource.", nameof(resource));
        var doc = new XDocument(ResourceElement(resource));
        using var sw = new StringWriter();
        using (var xw = XmlWriter.Create(sw, new XmlWriterSettings { Indent = indent, OmitXmlDeclaration = true }))
            doc.Save(xw);
        return sw.ToString();
    }

    private static XElement ResourceElement(ElementNode resource)
    {
        var el = new XElement(Fhir + resource.ResourceType!);
        foreach (var c in resource.Children()) el.Add(Element(c));
        return el;
    }

    private static XElement Element(ElementNode node)
    {
        if (node.Name == "div" && node.Value is not null && node.Value.TrimStart().StartsWith('<'))
        {
            var div = XElement.Parse(node.Value);
            if (div.Name.NamespaceName.Length == 0) div = WithXhtmlNamespace(div);
            return div;
        }
        var el = new XElement(Fhir + node.Name);
        if (node.IsResource)
        {
            el.Add(ResourceElement(node));
            return el;
        }
        foreach (var c in node.Children())
        {
            // Element ids and extension urls are XML attributes (a resource's own id is an element, handled above).
            var asAttribute = c.Value is not null && c.Children().Count == 0 &&
                (c.Name == "id" || (c.Name == "url" && node.Name is "extension" or "modifierExtension"));
            if (asAttribute) el.SetAttributeValue(c.Name, c.Value);
            else el.Add(Element(c));
        }
        if (node.Value is not null) el.SetAttributeValue("value", node.Value);
        return el;
    }

    private static XElement WithXhtmlNamespace(XElement e)
    {
        XNamespace x = "http://www.w3.org/1999/xhtml";
        foreach (var d in e.DescendantsAndSelf()) d.Name = x + d.Name.LocalName;
        return e;
    }
}
