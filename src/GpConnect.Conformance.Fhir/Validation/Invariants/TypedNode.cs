using System.Globalization;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.Specification;

namespace GpConnect.Conformance.Fhir.Validation.Invariants;

/// <summary>
/// The project's element tree seen through the FHIR SDK's typed element interface, so its FHIRPath engine can run over
/// it: children are named by their logical name (<c>value</c> for <c>valueQuantity</c>), types come from the definitions
/// the validator matched each node to, and primitive values are given as the .NET types FHIRPath compares.
/// </summary>
internal sealed class TypedNode : ITypedElement
{
    private readonly ElementNode _node;
    private readonly IReadOnlyDictionary<ElementNode, string> _types;
    private readonly string? _instanceType;
    private List<ITypedElement>? _children;

    public TypedNode(ElementNode node, IReadOnlyDictionary<ElementNode, string> types)
    {
        _node = node;
        _types = types;
        Name = node.IsResource && node.Parent is null ? node.ResourceType! : node.ChoiceBase ?? node.Name;
        // A node the walk gave no type (an unknown element, a slice no definition matched...) has none here either: the
        // SDK's builder then takes the type its parent's property declares, so the rest of the tree still converts.
        _instanceType = node.ResourceType ?? node.ChoiceType ?? (types.TryGetValue(node, out var t) ? t
            : node.Name is "extension" or "modifierExtension" ? "Extension" : null);
        Value = node.Value is null ? null : Convert(_instanceType, node.Value);
    }

    public string Name { get; }

    /// <summary>The type the walk gave the node; null (which the SDK's builder accepts) when it gave none.</summary>
    public string InstanceType => _instanceType!;

    public object? Value { get; }

    public string Location => _node.Path;

    public IElementDefinitionSummary? Definition => null;

    public IEnumerable<ITypedElement> Children(string? name = null)
    {
        if (_children is null)
        {
            var nodes = _node.Children();
            _children = new List<ITypedElement>(nodes.Count);
            for (var i = 0; i < nodes.Count; i++) _children.Add(new TypedNode(nodes[i], _types));
        }
        return name is null ? _children : _children.Where(c => c.Name == name);
    }

    private static object Convert(string? type, string value) => type switch
    {
        "boolean" when value is "true" or "false" => value == "true",
        "integer" or "positiveInt" or "unsignedInt" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        "decimal" when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => value,
    };
}
