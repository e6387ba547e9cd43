namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>A profile, resource, datatype or extension definition: its identity and its elements.</summary>
public sealed class StructureInfo
{
    private readonly Dictionary<string, ElementDefinitionInfo> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ElementDefinitionInfo>> _children = new(StringComparer.Ordinal);
    private readonly List<ElementDefinitionInfo> _elements = new();

    /// <summary>Creates an empty structure.</summary>
    public StructureInfo(string name, string url, string type, StructureKind kind, string? baseDefinition)
    {
        Name = name;
        Url = url;
        Type = type;
        Kind = kind;
        BaseDefinition = baseDefinition;
    }

    /// <summary>Short name, e.g. <c>GPConnect-Slot-1</c> or <c>Identifier</c>.</summary>
    public string Name { get; }

    /// <summary>Canonical URL.</summary>
    public string Url { get; }

    /// <summary>The resource or datatype constrained (<c>Slot</c>, <c>Extension</c>, ...).</summary>
    public string Type { get; }

    /// <summary>What kind of structure this is.</summary>
    public StructureKind Kind { get; }

    /// <summary>The base definition URL, if known.</summary>
    public string? BaseDefinition { get; }

    /// <summary>All elements in declaration order.</summary>
    public IReadOnlyList<ElementDefinitionInfo> Elements => _elements;

    /// <summary>The root element (path equal to <see cref="Type"/>), if declared.</summary>
    public ElementDefinitionInfo? Root => Find(Type);

    /// <summary>Adds (or replaces) an element.</summary>
    public void Add(ElementDefinitionInfo element)
    {
        if (_byPath.TryGetValue(element.Path, out var old))
        {
            _elements.Remove(old);
            if (old.ParentPath is not null) _children[old.ParentPath].Remove(old);
        }
        _byPath[element.Path] = element;
        _elements.Add(element);
        if (element.ParentPath is not null)
        {
            if (!_children.TryGetValue(element.ParentPath, out var list)) _children[element.ParentPath] = list = new List<ElementDefinitionInfo>();
            list.Add(element);
        }
    }

    /// <summary>The element with this slice-qualified path, or null.</summary>
    public ElementDefinitionInfo? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Direct children (including slices) of the element at <paramref name="path"/>.</summary>
    public IReadOnlyList<ElementDefinitionInfo> ChildrenOf(string path) =>
        _children.TryGetValue(path, out var list) ? list : (IReadOnlyList<ElementDefinitionInfo>)Array.Empty<ElementDefinitionInfo>();

    /// <summary>True when the element at <paramref name="path"/> has child definitions here.</summary>
    public bool HasChildren(string path) => _children.TryGetValue(path, out var l) && l.Count > 0;

    /// <summary>A deep copy (elements included) that can be changed without affecting this one.</summary>
    public StructureInfo Clone()
    {
        var copy = new StructureInfo(Name, Url, Type, Kind, BaseDefinition);
        foreach (var e in _elements) copy.Add(e.Clone());
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Url})";
}

/// <summary>What a <see cref="StructureInfo"/> defines.</summary>
public enum StructureKind
{
    /// <summary>A resource or a profile on a resource.</summary>
    Resource,
    /// <summary>A complex datatype (Identifier, CodeableConcept, ...).</summary>
    ComplexType,
    /// <summary>An extension definition.</summary>
    Extension,
}
