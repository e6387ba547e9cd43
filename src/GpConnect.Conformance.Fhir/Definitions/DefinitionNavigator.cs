namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>Where an element's definition lives: a structure and a slice-qualified element path inside it.</summary>
internal readonly record struct DefinitionContext(StructureInfo Structure, string Path);

/// <summary>Walks from an element definition to its children, following datatypes, content references and extensions.</summary>
internal sealed class DefinitionNavigator
{
    private readonly DefinitionSet _defs;
    private readonly Func<string, StructureInfo?> _resourceResolver;

    /// <summary>Creates a navigator over <paramref name="defs"/>; <paramref name="resourceResolver"/> picks the definition of a nested resource type.</summary>
    public DefinitionNavigator(DefinitionSet defs, Func<string, StructureInfo?> resourceResolver)
    {
        _defs = defs;
        _resourceResolver = resourceResolver;
    }

    /// <summary>The definitions navigated.</summary>
    public DefinitionSet Definitions => _defs;

    /// <summary>The context for a resource of type <paramref name="resourceType"/>, or null when no definition is known.</summary>
    public DefinitionContext? ForResource(string resourceType)
    {
        var s = _resourceResolver(resourceType);
        return s is null ? null : new DefinitionContext(s, s.Type);
    }

    /// <summary>The context of a structure's root.</summary>
    public static DefinitionContext ForStructure(StructureInfo s) => new(s, s.Type);

    /// <summary>
    /// The unsliced definition of the child named <paramref name="childName"/> (a concrete name such as
    /// <c>valueCodeableConcept</c> matches <c>value[x]</c> when that type is allowed), or null.
    /// </summary>
    public ElementDefinitionInfo? FindChild(DefinitionContext parent, string childName, out string? choiceType)
    {
        choiceType = null;
        ElementDefinitionInfo? choiceCandidate = null;
        foreach (var e in parent.Structure.ChildrenOf(parent.Path))
        {
            if (e.SliceName is not null) continue;
            if (e.Name == childName) return e;
            if (e.IsChoice && childName.Length > e.ChoiceBase!.Length && childName.StartsWith(e.ChoiceBase, StringComparison.Ordinal)
                && char.IsUpper(childName[e.ChoiceBase.Length]))
                choiceCandidate = e;
        }
        if (choiceCandidate is not null)
        {
            var suffix = childName[choiceCandidate.ChoiceBase!.Length..];
            choiceType = ChoiceNames.ToTypeCode(suffix);
            return choiceCandidate;
        }
        return null;
    }

    /// <summary>The slices declared for the child named <paramref name="name"/> of <paramref name="parent"/>.</summary>
    public IEnumerable<ElementDefinitionInfo> SlicesOf(DefinitionContext parent, string name)
    {
        foreach (var e in parent.Structure.ChildrenOf(parent.Path))
            if (e.SliceName is not null && e.Name == name) yield return e;
    }

    /// <summary>
    /// The context in which the children of an element defined by <paramref name="def"/> are looked up:
    /// the same structure when it declares them, else the definition of its (chosen) type. Null when unknown.
    /// </summary>
    public DefinitionContext? Descend(DefinitionContext current, ElementDefinitionInfo def, string? chosenType, ElementNode? node)
    {
        if (def.ContentReference is not null)
        {
            var target = current.Structure.Find(def.ContentReference);
            return target is null ? null : new DefinitionContext(current.Structure, target.Path);
        }
        if (current.Structure.HasChildren(def.Path)) return new DefinitionContext(current.Structure, def.Path);
        if (node is not null && node.IsResource) return ForResource(node.ResourceType!);
        var type = chosenType ?? def.SingleTypeCode;
        if (type is null) return null;
        if (type == "Extension")
        {
            var profile = def.Types[0].Profiles.FirstOrDefault();
            var ext = profile is null ? null : _defs.FindStructure(profile);
            if (ext is not null) return ForStructure(ext);
        }
        if (PrimitiveTypes.IsPrimitive(type))
        {
            var element = _defs.FindBase("Element");
            return element is null ? null : ForStructure(element);
        }
        var baseType = _defs.FindBase(type);
        return baseType is null ? null : ForStructure(baseType);
    }
}
