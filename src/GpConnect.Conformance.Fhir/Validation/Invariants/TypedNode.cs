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
    private List<TypedNode>? _children;

    public TypedNode(ElementNode node, IReadOnlyDictionary<ElementNode, string> types)
    {
        _node = node;
        _types = types;
    }

    public string Name => _node.IsResource && _node.Parent is null ? _node.ResourceType! : _node.ChoiceBase ?? _node.Name;

    public string InstanceType => _node.ResourceType ?? _node.ChoiceType ?? (_types.TryGetValue(_node, out var t) ? t
        : _node.Name is "extension" or "modifierExtension" ? "Extension" : _node.Value is null ? "Element" : "string");

    public object? Value => _node.Value is null ? null : Convert(InstanceType, _node.Value);

    public string Location => _node.Path;

    public IElementDefinitionSummary? Definition => null;

    public IEnumerable<ITypedElement> Children(string? name = null)
    {
        _children ??= _node.Children().Select(c => new TypedNode(c, _types)).ToList();
        return name is null ? _children : _children.Where(c => c.Name == name);
    }

    private static object Convert(string type, string value) => type switch
    {
        "boolean" when value is "true" or "false" => value == "true",
        "integer" or "positiveInt" or "unsignedInt" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        "decimal" when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => value,
    };
}
