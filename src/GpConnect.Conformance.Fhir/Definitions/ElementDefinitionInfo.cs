namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>An allowed type of an element: a type code, optional profiles (e.g. an extension URL) and reference target profiles.</summary>
public sealed record TypeRef(string Code, IReadOnlyList<string> Profiles, IReadOnlyList<string> TargetProfiles);

/// <summary>
/// An invariant of an element (ElementDefinition.constraint): its key (e.g. <c>dom-3</c>), severity (<c>error</c> or
/// <c>warning</c>), the human description and the FHIRPath expression as published.
/// </summary>
public sealed record ConstraintInfo(string Key, string Severity, string Human, string Expression);

/// <summary>A terminology binding: strength (<c>required</c>, <c>extensible</c>, <c>preferred</c>, <c>example</c>) and value set URL.</summary>
public sealed record BindingInfo(string Strength, string ValueSet);

/// <summary>
/// The facts the validator needs about one element of a profile: its slice-qualified path
/// (e.g. <c>Patient.identifier:nhsNumber.system</c>), cardinality, types, fixed/pattern values and binding.
/// </summary>
public sealed class ElementDefinitionInfo
{
    /// <summary>Creates an element definition.</summary>
    public ElementDefinitionInfo(string path, int min, int? max)
    {
        Path = path;
        Min = min;
        Max = max;
        var lastDot = LastSegmentStart(path);
        ParentPath = lastDot < 0 ? null : path[..lastDot];
        var last = lastDot < 0 ? path : path[(lastDot + 1)..];
        var colon = last.IndexOf(':');
        Name = colon < 0 ? last : last[..colon];
        SliceName = colon < 0 ? null : last[(colon + 1)..];
        IsChoice = Name.EndsWith("[x]", StringComparison.Ordinal);
        ChoiceBase = IsChoice ? Name[..^3] : null;
    }

    /// <summary>Slice-qualified path, e.g. <c>Slot.extension:deliveryChannel</c>.</summary>
    public string Path { get; }

    /// <summary>The path of the parent element (slice-qualified), or null for the root.</summary>
    public string? ParentPath { get; }

    /// <summary>The element name as declared (<c>value[x]</c> for choices).</summary>
    public string Name { get; }

    /// <summary>The slice name when this element is a slice.</summary>
    public string? SliceName { get; }

    /// <summary>True for a choice element (<c>[x]</c>).</summary>
    public bool IsChoice { get; }

    /// <summary>For a choice element: the name without <c>[x]</c>.</summary>
    public string? ChoiceBase { get; }

    /// <summary>Minimum cardinality.</summary>
    public int Min { get; set; }

    /// <summary>Maximum cardinality; null means unbounded (<c>*</c>).</summary>
    public int? Max { get; set; }

    /// <summary>Maximum cardinality of the element in the base resource/type; null means unbounded; decides whether paths show an index.</summary>
    public int? BaseMax { get; set; }

    /// <summary>Minimum cardinality in the base definition, when the source stated it (used only while loading).</summary>
    public int? BaseMin { get; set; }

    /// <summary>Allowed types.</summary>
    public IReadOnlyList<TypeRef> Types { get; set; } = Array.Empty<TypeRef>();

    /// <summary>Fixed values, flattened to (relative path, value); the relative path is empty for a primitive.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fixed { get; set; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Pattern values, flattened like <see cref="Fixed"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pattern { get; set; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Terminology binding, if any.</summary>
    public BindingInfo? Binding { get; set; }

    /// <summary>Path of another element whose definition this one reuses (e.g. <c>Bundle.link</c>), without the leading '#'.</summary>
    public string? ContentReference { get; set; }

    /// <summary>The invariants that apply to each occurrence of this element (keys and expressions as published).</summary>
    public IReadOnlyList<ConstraintInfo> Constraints { get; set; } = Array.Empty<ConstraintInfo>();

    /// <summary>On a sliced element: true when slicing is closed (only the declared slices may appear).</summary>
    public bool SlicingClosed { get; set; }

    /// <summary>On a sliced element: the discriminator paths (e.g. <c>url</c>, <c>system</c>).</summary>
    public IReadOnlyList<string> Discriminators { get; set; } = Array.Empty<string>();

    /// <summary>The single type code of the element (several Reference targets still make one type), or null when it has several or none.</summary>
    public string? SingleTypeCode
    {
        get
        {
            if (Types.Count == 0) return null;
            var code = Types[0].Code;
            for (var i = 1; i < Types.Count; i++)
                if (Types[i].Code != code) return null;
            return code;
        }
    }

    /// <summary>Maximum as text (<c>*</c> or a number).</summary>
    public string MaxText => Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*";

    /// <summary>The path with slice names removed, e.g. <c>Patient.identifier.system</c>.</summary>
    public string UnslicedPath => StripSlices(Path);

    /// <summary>Removes <c>:slice</c> qualifiers from a path.</summary>
    public static string StripSlices(string path)
    {
        if (!path.Contains(':')) return path;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var c = parts[i].IndexOf(':');
            if (c >= 0) parts[i] = parts[i][..c];
        }
        return string.Join('.', parts);
    }

    private static int LastSegmentStart(string path)
    {
        // Slice names never contain '.', so the last '.' separates parent and name.
        return path.LastIndexOf('.');
    }

    /// <summary>A copy, optionally at another path (used when rebasing datatype elements or creating slices).</summary>
    public ElementDefinitionInfo Clone(string? path = null) => new(path ?? Path, Min, Max)
    {
        BaseMin = BaseMin, BaseMax = BaseMax, Types = Types, Fixed = Fixed, Pattern = Pattern, Binding = Binding,
        ContentReference = ContentReference, Discriminators = Discriminators, Constraints = Constraints, SlicingClosed = SlicingClosed,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Path} {Min}..{MaxText}";
}
