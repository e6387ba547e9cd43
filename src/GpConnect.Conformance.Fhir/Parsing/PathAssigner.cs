using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Parsing;

/// <summary>
/// Gives every node its FHIRPath-style path. An index is shown on elements that repeat in the base STU3 definition
/// (so JSON and XML give the same paths); unknown elements show an index only when they occur more than once.
/// </summary>
internal static class PathAssigner
{
    private static readonly Lazy<DefinitionNavigator> Navigator = new(() =>
    {
        var defs = BuiltInDefinitions.Instance;
        return new DefinitionNavigator(defs, rt => defs.FindBase(rt) ?? (GpConnectProfiles.NameFor(rt) is { } n ? defs.FindStructure(n) : null));
    });

    public static void Assign(ElementNode root)
    {
        root.Path = root.ResourceType ?? root.Name;
        var nav = Navigator.Value;
        Visit(root, nav, root.ResourceType is null ? null : nav.ForResource(root.ResourceType));
    }

    private static void Visit(ElementNode node, DefinitionNavigator nav, DefinitionContext? ctx)
    {
        var children = node.Children();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            ElementDefinitionInfo? def = null;
            string? choiceType = null;
            if (ctx is { } c) def = nav.FindChild(c, child.Name, out choiceType);
            bool repeats;
            if (def is not null) repeats = def.BaseMax != 1;
            else repeats = child.Index > 0 || HasLaterSibling(children, i);
            child.AssignPath(indexed: repeats);
            DefinitionContext? next = null;
            if (child.IsResource) next = nav.ForResource(child.ResourceType!);
            else if (def is not null && ctx is { } cc) next = nav.Descend(cc, def, choiceType, child);
            Visit(child, nav, next);
        }
    }

    private static bool HasLaterSibling(IReadOnlyList<ElementNode> children, int i)
    {
        for (var j = i + 1; j < children.Count; j++)
            if (children[j].Name == children[i].Name) return true;
        return false;
    }
}
