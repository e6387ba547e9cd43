using System.Xml;
using System.Xml.Linq;
using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Writing;

/// <summary>
/// Writes an <see cref="ElementNode"/> tree as FHIR XML. Elements come in the order of their definitions (FHIR XML is
/// ordered; JSON is not), using the built-in definitions; elements no definition knows keep their place after the known ones.
/// </summary>
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

    private static readonly Lazy<DefinitionNavigator> Navigator = new(() =>
        new DefinitionNavigator(BuiltInDefinitions.Instance, t => BuiltInDefinitions.Instance.FindBase(t)
            ?? (GpConnectProfiles.NameFor(t) is { } n ? BuiltInDefinitions.Instance.FindStructure(n) : null)));

    private static XElement ResourceElement(ElementNode resource)
    {
        var el = new XElement(Fhir + resource.ResourceType!);
        var ctx = Navigator.Value.ForResource(resource.ResourceType!);
        foreach (var (c, cctx) in Ordered(resource, ctx)) el.Add(Element(c, cctx));
        return el;
    }

    /// <summary>The children of <paramref name="node"/> in definition order, each with the context its own children are looked up in.</summary>
    private static IEnumerable<(ElementNode Child, DefinitionContext? Context)> Ordered(ElementNode node, DefinitionContext? ctx)
    {
        var children = node.Children();
        if (ctx is not { } c) return children.Select(x => (x, (DefinitionContext?)null));
        var order = c.Structure.ChildrenOf(c.Path);
        var nav = Navigator.Value;
        return children.Select((child, i) =>
            {
                var def = nav.FindChild(c, child.Name, out var choiceType);
                var at = def is null ? -1 : IndexOf(order, def);
                var next = def is null ? null : nav.Descend(c, def, choiceType, child);
                return (child, next, rank: at < 0 ? int.MaxValue : at, i);
            })
            .OrderBy(x => x.rank).ThenBy(x => x.i).Select(x => (x.child, x.next)).ToList();
    }

    private static int IndexOf(IReadOnlyList<ElementDefinitionInfo> list, ElementDefinitionInfo def)
    {
        for (var i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], def)) return i;
        return -1;
    }

    private static XElement Element(ElementNode node, DefinitionContext? ctx)
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
        foreach (var (c, cctx) in Ordered(node, ctx))
        {
            // Element ids and extension urls are XML attributes (a resource's own id is an element, handled above).
            var asAttribute = c.Value is not null && c.Children().Count == 0 &&
                (c.Name == "id" || (c.Name == "url" && node.Name is "extension" or "modifierExtension"));
            if (asAttribute) el.SetAttributeValue(c.Name, c.Value);
            else el.Add(Element(c, cctx));
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
