namespace GpConnect.Conformance.Fhir.Tests.Support;

/// <summary>A format-neutral, order-insensitive rendering of a tree (path = value lines, sorted) for comparisons.</summary>
internal static class TreeComparer
{
    public static string Canonical(ElementNode root)
    {
        var lines = new List<string>();
        void Walk(ElementNode n)
        {
            var value = n.Name == "div" ? "(xhtml)" : n.Value;
            lines.Add($"{n.Path}{(n.ResourceType is null ? "" : " <" + n.ResourceType + ">")}{(value is null ? "" : " = " + value)}");
            foreach (var c in n.Children()) Walk(c);
        }
        Walk(root);
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
