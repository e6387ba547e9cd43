using System.Text;

namespace GpConnect.Conformance.Fhir;

/// <summary>How a primitive value was written in the source (JSON distinguishes strings, numbers and booleans).</summary>
public enum PrimitiveKind
{
    /// <summary>Not a primitive, or no value.</summary>
    None,
    /// <summary>A string (JSON string, or any XML <c>value</c> attribute).</summary>
    String,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>A JSON <c>true</c>/<c>false</c>.</summary>
    Boolean,
    /// <summary>An XML <c>value</c> attribute (untyped text).</summary>
    XmlText,
}

/// <summary>
/// One node of the format-neutral FHIR element tree: a resource, a complex element or a primitive.
/// Children keep their concrete names (e.g. <c>valueCodeableConcept</c>), and repeating elements appear as several
/// children with the same name and increasing <see cref="Index"/>.
/// </summary>
public sealed class ElementNode
{
    private static readonly IReadOnlyList<ElementNode> None = Array.Empty<ElementNode>();
    [ThreadStatic] private static int _lastSerial;
    private List<ElementNode>? _children;

    /// <summary>
    /// Compares nodes by identity, hashing the <see cref="Serial"/> each node gets when created: the runtime's identity
    /// hash of a freshly allocated object is costly to compute, and the validator keys per-walk tables by new nodes.
    /// </summary>
    internal static IEqualityComparer<ElementNode> Identity { get; } = new IdentityComparer();

    /// <summary>A number given to the node when it is created (counted per thread; only a hash, not unique across threads).</summary>
    internal int Serial { get; } = ++_lastSerial;

    internal ElementNode(string name, ElementNode? parent, int? line, int? column)
    {
        Name = name;
        Parent = parent;
        Line = line;
        Column = column;
        (ChoiceBase, ChoiceType) = ChoiceNames.Split(name);
    }

    /// <summary>The concrete element name (for the root: the resource type).</summary>
    public string Name { get; }

    /// <summary>The parent node, or null at the root.</summary>
    public ElementNode? Parent { get; }

    /// <summary>Position among the parent's children with the same name (0-based).</summary>
    public int Index { get; internal set; }

    private string? _path;
    private bool _pathFromParent;
    private bool _pathIndexed;

    /// <summary>FHIRPath-style path with indices on repeating elements, e.g. <c>Bundle.entry[2].resource.serviceType[1]</c>.</summary>
    /// <remarks>
    /// Worked out from the parent's path when first read (see <see cref="AssignPath"/>): most nodes of a large answer are
    /// never named in a finding, so their path strings need not be built.
    /// </remarks>
    public string Path
    {
        get => _path ??= !_pathFromParent || Parent is null ? Name
            : _pathIndexed ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Parent.Path}.{Name}[{Index}]")
            : string.Concat(Parent.Path, ".", Name);
        internal set
        {
            _path = value;
            _pathFromParent = false;
        }
    }

    /// <summary>Makes the path the parent's path, this name and, when <paramref name="indexed"/>, this node's index.</summary>
    internal void AssignPath(bool indexed)
    {
        _path = null;
        _pathFromParent = true;
        _pathIndexed = indexed;
    }

    /// <summary>The resource type when this node is a resource (root, contained, Bundle entry, Parameters resource), else null.</summary>
    public string? ResourceType { get; internal set; }

    /// <summary>True when this node is a resource.</summary>
    public bool IsResource => ResourceType is not null;

    /// <summary>The primitive value as written (for <c>text.div</c>: the XHTML markup), or null.</summary>
    public string? Value { get; internal set; }

    /// <summary>How the primitive value was written in the source.</summary>
    public PrimitiveKind ValueKind { get; internal set; }

    /// <summary>For a choice element (e.g. <c>valueCodeableConcept</c>): the choice base (<c>value</c>); otherwise null.</summary>
    public string? ChoiceBase { get; }

    /// <summary>For a choice element: the FHIR type named by the suffix (<c>CodeableConcept</c>); otherwise null.</summary>
    public string? ChoiceType { get; }

    /// <summary>1-based source line where known.</summary>
    public int? Line { get; }

    /// <summary>1-based source column where known.</summary>
    public int? Column { get; }

    /// <summary>True when the JSON source held this element inside an array.</summary>
    public bool InJsonArray { get; internal set; }

    /// <summary>True when the node was read from JSON (array/object shape rules apply).</summary>
    internal bool FromJson { get; set; }

    /// <summary>True when the parser already reported a problem with this node (so validators need not repeat it).</summary>
    internal bool HasParseProblem { get; set; }

    /// <summary>All children in document order.</summary>
    public IReadOnlyList<ElementNode> Children() => _children ?? None;

    /// <summary>Children with the given name. A choice base (e.g. <c>value</c>) also matches its concrete names.</summary>
    public IEnumerable<ElementNode> Children(string name)
    {
        if (_children is null) yield break;
        foreach (var c in _children)
            if (c.Name == name || c.ChoiceBase == name) yield return c;
    }

    /// <summary>The first child with the given name, or null.</summary>
    public ElementNode? Child(string name)
    {
        if (_children is null) return null;
        foreach (var c in _children)
            if (c.Name == name || c.ChoiceBase == name) return c;
        return null;
    }

    /// <summary>
    /// Nodes reached by a simple dotted path of child names, e.g. <c>entry.resource</c> or <c>serviceType.text</c>.
    /// A leading segment equal to this node's resource type is ignored (<c>Slot.status</c> works on a Slot).
    /// </summary>
    public IEnumerable<ElementNode> Select(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<ElementNode> current = new[] { this };
        var start = 0;
        if (segments.Length > 0 && ResourceType is not null && segments[0] == ResourceType && Child(segments[0]) is null) start = 1;
        for (var i = start; i < segments.Length; i++)
        {
            var seg = segments[i];
            current = current.SelectMany(n => n.Children(seg));
        }
        return current;
    }

    /// <summary>The value of the first primitive reached by <paramref name="path"/>, or null.</summary>
    public string? SelectValue(string path)
    {
        foreach (var n in Select(path))
            if (n.Value is not null) return n.Value;
        return null;
    }

    /// <summary>The nearest enclosing resource node (this node if it is a resource).</summary>
    public ElementNode? EnclosingResource()
    {
        var n = this;
        while (n is not null && !n.IsResource) n = n.Parent;
        return n;
    }

    internal void Add(ElementNode child)
    {
        _children ??= new List<ElementNode>(4);
        var idx = 0;
        foreach (var c in _children) if (c.Name == child.Name) idx++;
        child.Index = idx;
        _children.Add(child);
    }

    /// <summary>Indented dump of the tree (name, value), for diagnostics and tests.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        DumpInto(sb);
        return sb.ToString();
    }

    private void DumpInto(StringBuilder sb)
    {
        sb.Append(Path);
        if (ResourceType is not null) sb.Append(" <").Append(ResourceType).Append('>');
        if (Value is not null) sb.Append(" = ").Append(Value);
        sb.Append('\n');
        if (_children is null) return;
        foreach (var c in _children) c.DumpInto(sb);
    }

    /// <inheritdoc />
    public override string ToString() => Value is null ? Path : $"{Path} = {Value}";

    private sealed class IdentityComparer : IEqualityComparer<ElementNode>
    {
        public bool Equals(ElementNode? x, ElementNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(ElementNode obj) => obj.Serial;
    }
}
