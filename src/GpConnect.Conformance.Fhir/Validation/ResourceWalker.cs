using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Validation.Invariants;
using GpConnect.Conformance.Fhir.Validation.Rules;

namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>
/// Walks a resource against a profile: matches every child to its element definition (choices, slices, extensions,
/// datatypes), checks cardinality, unknown elements and JSON shape, and applies the element rules to each node.
/// </summary>
internal sealed class ResourceWalker
{
    private static readonly IElementRule[] Rules =
    {
        new PrimitiveFormatRule(), new FixedValueRule(), new BindingRule(), new ReferenceTargetRule(),
    };

    private readonly DefinitionSet _defs;
    private readonly DefinitionNavigator _nav;
    private readonly ValidatorOptions _options;
    private readonly FindingSink _sink;
    private readonly Func<ElementNode, StructureInfo?> _nestedProfile;
    private readonly InvariantChecker? _invariants;

    public ResourceWalker(DefinitionSet defs, DefinitionNavigator nav, ValidatorOptions options, FindingSink sink, Func<ElementNode, StructureInfo?> nestedProfile)
    {
        _defs = defs;
        _nav = nav;
        _options = options;
        _sink = sink;
        _nestedProfile = nestedProfile;
        _invariants = options.EvaluateInvariants ? new InvariantChecker(options.InvariantCrossCheck) : null;
    }

    /// <summary>Evaluates the invariants collected while walking <paramref name="resource"/> (call once, after <see cref="ValidateResource"/>).</summary>
    public void EvaluateInvariants(ElementNode resource) => _invariants?.Evaluate(resource, _sink);

    /// <summary>The FHIR type of each node walked (empty when invariants are off).</summary>
    public IReadOnlyDictionary<ElementNode, string> Types => _invariants?.Types ?? new Dictionary<ElementNode, string>();

    /// <summary>Records the invariants of <paramref name="def"/> and of the root of type <paramref name="type"/> for <paramref name="node"/>.</summary>
    private void CollectInvariants(ElementNode node, ElementDefinitionInfo? def, string? type, StructureInfo? typeStructure = null)
    {
        if (_invariants is null) return;
        _invariants.SetType(node, type);
        if (def is not null) _invariants.Add(node, def.Constraints);
        var root = (typeStructure ?? (type is null ? null : _defs.FindBase(type)))?.Root;
        if (root is not null && !ReferenceEquals(root, def)) _invariants.Add(node, root.Constraints);
    }

    public void ValidateResource(ElementNode resource, StructureInfo profile)
    {
        if (resource.ResourceType != profile.Type)
        {
            _sink.Error(resource, "resource.type", profile.Type, resource.ResourceType,
                $"{resource.Path}: a {resource.ResourceType} cannot be validated against {profile.Name}, which profiles {profile.Type}.");
            return;
        }
        if (_options.CheckMetaProfile && profile.Kind == StructureKind.Resource && !profile.Url.StartsWith(DefinitionSet.Hl7Base, StringComparison.Ordinal))
            CheckMetaProfile(resource, profile);
        var root = profile.Root ?? new ElementDefinitionInfo(profile.Type, 0, null);
        CollectInvariants(resource, root, resource.ResourceType);
        var ctx = new DefinitionContext(profile, root.Path);
        WalkChildren(resource, ctx, profile.Name);
    }

    private void CheckMetaProfile(ElementNode resource, StructureInfo profile)
    {
        var metaPath = resource.Path + ".meta.profile";
        if (_sink.Findings.Any(f => f.Rule == "meta.profile" && f.Path.StartsWith(metaPath, StringComparison.Ordinal))) return; // already reported while choosing the profile
        var declared = resource.Select("meta.profile").Where(p => p.Value is not null).ToList();
        if (declared.Count == 0)
        {
            _sink.Add(FindingSeverity.Warning, resource, resource.Path + ".meta.profile", "meta.profile", profile.Url, null,
                $"{resource.Path}.meta.profile is absent; GP Connect resources declare {profile.Url}.");
            return;
        }
        if (declared.Any(p => Same(p.Value!, profile.Url))) return;
        var at = declared[0];
        _sink.Add(FindingSeverity.Error, at, resource.Path + ".meta.profile", "meta.profile", profile.Url, string.Join(", ", declared.Select(d => d.Value)),
            $"{resource.Path}.meta.profile does not list {profile.Url} (found {string.Join(", ", declared.Select(d => d.Value))}).");
    }

    private static bool Same(string declared, string url)
    {
        var bar = declared.IndexOf('|');
        return (bar < 0 ? declared : declared[..bar]) == url;
    }

    private void ValidateElement(ElementNode node, DefinitionContext ctx, ElementDefinitionInfo def, string? chosenType, string profileName)
    {
        if (node.IsResource)
        {
            if (!_options.ValidateNestedResources) return;
            var nested = _nestedProfile(node);
            if (nested is null)
            {
                _sink.Add(FindingSeverity.Information, node, node.Path, "profile.unknown", null, node.ResourceType,
                    $"{node.Path}: no definition for a {node.ResourceType}; its content was not validated.");
                return;
            }
            ValidateResource(node, nested);
            return;
        }
        var type = chosenType ?? def.SingleTypeCode;
        if (type is "Resource" or "DomainResource")
        {
            _sink.Error(node, "resource.type", "a resource", null,
                $"{node.Path}: {def.Name} must hold a resource, but this one names no resource type (JSON 'resourceType' / XML resource element).");
            return;
        }
        if (node.Value is not null && (type is null ? def.Types.Count == 0 : !PrimitiveTypes.IsPrimitive(type)))
        {
            _sink.Error(node, "value.unexpected", $"a {type ?? "complex element"} with child elements", node.Value,
                $"{node.Path}: holds the primitive value '{node.Value}', but {def.Name} is a {type ?? "complex element"}.");
            return;
        }
        if (type is not null && PrimitiveTypes.IsPrimitive(type) && node.Children().Any(c => c.Name is not ("id" or "extension")))
        {
            _sink.Error(node, "value.missing", $"a {type} value", "child elements",
                $"{node.Path}: holds child elements ({string.Join(", ", node.Children().Select(c => c.Name).Distinct())}) where a {type} value belongs.");
            return;
        }
        CollectInvariants(node, def, type);
        var visit = new ElementVisit(node, def, type, profileName, _defs, _options);
        foreach (var rule in Rules) rule.Check(visit, _sink);

        var childCtx = _nav.Descend(ctx, def, chosenType, node);
        if (childCtx is null)
        {
            if (node.Children().Count > 0 && type is not null)
                _sink.Add(FindingSeverity.Information, node, node.Path, "definition.missing", type, null,
                    $"{node.Path}: no definition of type {type}; its children were not validated.");
            return;
        }
        var nextProfile = childCtx.Value.Structure.Kind == StructureKind.Extension ? childCtx.Value.Structure.Name
            : childCtx.Value.Structure.Kind == StructureKind.Resource ? childCtx.Value.Structure.Name : profileName;
        WalkChildren(node, childCtx.Value, nextProfile);
    }

    private void WalkChildren(ElementNode node, DefinitionContext ctx, string profileName)
    {
        var children = node.Children();
        // Most elements have a handful of children: scan them rather than allocate hash sets for every element walked.
        var seen = children.Count > SmallChildCount ? new HashSet<string>(StringComparer.Ordinal) : null;
        var matched = new List<ElementDefinitionInfo>(children.Count);
        CheckXmlOrder(node, children, ctx);
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (seen is not null ? !seen.Add(child.Name) : NameBefore(children, i)) continue;
            var group = new List<ElementNode>(1) { child };
            for (var j = i + 1; j < children.Count; j++)
                if (children[j].Name == child.Name) group.Add(children[j]);
            var def = _nav.FindChild(ctx, child.Name, out var choiceType);
            if (def is null)
            {
                foreach (var g in group)
                    _sink.Error(g, "element.unknown", null, g.Name,
                        $"{g.Path}: element '{g.Name}' is not defined for {Describe(ctx)} in {profileName}.");
                continue;
            }
            matched.Add(def);
            if (def.IsChoice && choiceType is not null && !def.Types.Any(t => t.Code == choiceType))
            {
                foreach (var g in group)
                    _sink.Error(g, "type.choice", string.Join(" | ", def.Types.Select(t => t.Code)), choiceType,
                        $"{g.Path}: type {choiceType} is not allowed for {def.Name} in {profileName} (allowed: {string.Join(", ", def.Types.Select(t => t.Code))}).");
                continue;
            }
            CheckJsonShape(group, def);
            ValidateGroup(node, group, ctx, def, choiceType, profileName);
        }
        // Required elements that are absent.
        foreach (var d in ctx.Structure.ChildrenOf(ctx.Path))
        {
            if (d.Min == 0 || Contains(matched, d)) continue;
            if (d.SliceName is not null)
            {
                // Slices of an element that is present are counted in ValidateGroup.
                if (seen is not null ? seen.Contains(d.Name) : NameBefore(children, children.Count, d.Name)) continue;
                var slicePath = $"{node.Path}.{d.Name}:{d.SliceName}";
                _sink.Add(FindingSeverity.Error, node, slicePath, "cardinality.min", $"{d.Min}..{d.MaxText}", "0",
                    $"{slicePath}: missing, profile {profileName} requires at least {d.Min}");
                continue;
            }
            var path = $"{node.Path}.{d.Name}";
            _sink.Add(FindingSeverity.Error, node, path, "cardinality.min", $"{d.Min}..{d.MaxText}", "0",
                $"{path}: missing, profile {profileName} requires at least {d.Min}");
        }
    }

    private const int SmallChildCount = 16;

    /// <summary>Whether a child before position <paramref name="end"/> is named <paramref name="name"/> (by default, the name of the child at <paramref name="end"/>).</summary>
    private static bool NameBefore(IReadOnlyList<ElementNode> children, int end, string? name = null)
    {
        name ??= children[end].Name;
        for (var k = 0; k < end; k++)
            if (children[k].Name == name) return true;
        return false;
    }

    private static bool Contains(List<ElementDefinitionInfo> list, ElementDefinitionInfo d)
    {
        foreach (var x in list)
            if (ReferenceEquals(x, d)) return true;
        return false;
    }

    private void ValidateGroup(ElementNode parent, List<ElementNode> group, DefinitionContext ctx, ElementDefinitionInfo def, string? choiceType, string profileName)
    {
        if (def.Max is { } limit && group.Count > limit || group.Count < def.Min)
            CheckCardinality(parent, GroupPath(parent, group, def), group.Count, def, profileName, group);

        var slices = _nav.SlicesOf(ctx, def.Name).ToList();
        var isExtension = def.Name is "extension" or "modifierExtension";
        if (slices.Count == 0 && !isExtension)
        {
            foreach (var node in group) ValidateElement(node, ctx, def, choiceType, profileName);
            return;
        }
        var path = GroupPath(parent, group, def);
        var counts = new Dictionary<ElementDefinitionInfo, List<ElementNode>>();
        var unmatched = new Dictionary<StructureInfo, List<ElementNode>>();
        foreach (var node in group)
        {
            var slice = slices.Count > 0 ? MatchSlice(node, ctx, slices, isExtension) : null;
            if (slice is not null)
            {
                if (!counts.TryGetValue(slice, out var l)) counts[slice] = l = new List<ElementNode>();
                l.Add(node);
                ValidateElement(node, ctx, slice, choiceType, profileName);
                continue;
            }
            if (isExtension)
            {
                var url = node.SelectValue("url");
                if (url is not null && _defs.FindStructure(url) is { Kind: StructureKind.Extension } known)
                {
                    if (!unmatched.TryGetValue(known, out var u)) unmatched[known] = u = new List<ElementNode>();
                    u.Add(node);
                }
                if (ValidateUnmatchedExtension(node, slices.Count > 0, profileName)) continue;
            }
            else if (def.SlicingClosed && slices.Count > 0)
            {
                _sink.Error(node, "slicing.closed", string.Join(", ", slices.Select(s => s.SliceName)), DescribeDiscriminators(node, def),
                    $"{node.Path}: matches none of the slices of {def.Name} ({string.Join(", ", slices.Select(s => s.SliceName))}), and profile {profileName} closes the slicing " +
                    $"(found {DescribeDiscriminators(node, def)}).");
                continue;
            }
            ValidateElement(node, ctx, def, choiceType, profileName);
        }
        foreach (var slice in slices)
        {
            var n = counts.TryGetValue(slice, out var l) ? l.Count : 0;
            var slicePath = $"{path}:{slice.SliceName}";
            var (max, maxText, why) = EffectiveMax(slice, profileName);
            if (n < slice.Min)
                _sink.Add(FindingSeverity.Error, parent, slicePath, "cardinality.min", $"{slice.Min}..{slice.MaxText}", n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{slicePath}: {Entries(n)}, profile {profileName} requires at least {slice.Min}");
            else if (max is { } m && n > m)
                _sink.Add(FindingSeverity.Error, l![m], slicePath, "cardinality.max", $"{slice.Min}..{maxText}", n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{slicePath}: {Entries(n)}, {why} allows at most {m}");
        }
        // Extensions no slice claims are still limited by their own definition (e.g. an extension defined 0..1).
        foreach (var (known, nodes) in unmatched)
        {
            if (known.Root?.Max is not { } m || nodes.Count <= m) continue;
            var extPath = $"{path}:{known.Name}";
            _sink.Add(FindingSeverity.Error, nodes[m], extPath, "cardinality.max", $"{known.Root.Min}..{known.Root.MaxText}", nodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{extPath}: {Entries(nodes.Count)}, the extension's definition {known.Name} allows at most {m}");
        }
    }

    /// <summary>
    /// A slice's maximum, lowered by the definition of the extension it holds: a profile that leaves an extension slice
    /// open (<c>0..*</c>) cannot allow more than the extension's own definition (<c>Extension 0..1</c>).
    /// </summary>
    private (int? Max, string MaxText, string Why) EffectiveMax(ElementDefinitionInfo slice, string profileName)
    {
        var why = $"profile {profileName}";
        int? max = slice.Max;
        foreach (var t in slice.Types)
        {
            if (t.Code != "Extension") continue;
            foreach (var p in t.Profiles)
                if (_defs.FindStructure(p) is { Kind: StructureKind.Extension, Root.Max: { } em } ext && (max is null || em < max))
                {
                    max = em;
                    why = $"the extension's definition {ext.Name}";
                }
        }
        return (max, max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*", why);
    }

    private static string DescribeDiscriminators(ElementNode node, ElementDefinitionInfo def) =>
        def.Discriminators.Count == 0 ? "no discriminator"
            : string.Join(", ", def.Discriminators.Select(d => $"{d} = {node.SelectValue(d) ?? "(absent)"}"));

    /// <summary>An extension no slice claims: validate it against its own definition when known; warn about its url when the profile slices extensions.</summary>
    private bool ValidateUnmatchedExtension(ElementNode node, bool profileSlices, string profileName)
    {
        var url = node.SelectValue("url");
        var known = url is null ? null : _defs.FindStructure(url);
        if (node.Name == "modifierExtension" && url is not null && known is null)
            _sink.Error(node, "extension.url", "a known modifier extension", url,
                $"{node.Path}: modifier extension '{url}' is not known; a modifier extension that is not understood makes the resource unsafe to process.");
        else if (profileSlices && url is not null)
            _sink.Warning(node, "extension.url", "an extension defined by " + profileName, url,
                $"{node.Path}: extension '{url}' is not one of the extensions profile {profileName} defines here.");
        else if (known is null && url is not null && !url.Contains(':'))
            _sink.Warning(node, "extension.url", "an absolute extension url", url, $"{node.Path}: extension url '{url}' is not absolute and matches no defined sub-extension.");
        if (known is null || known.Kind != StructureKind.Extension) return false;
        CollectInvariants(node, known.Root, "Extension");
        var ctx = DefinitionNavigator.ForStructure(known);
        WalkChildren(node, ctx, known.Name);
        return true;
    }

    private ElementDefinitionInfo? MatchSlice(ElementNode node, DefinitionContext ctx, List<ElementDefinitionInfo> slices, bool isExtension)
    {
        if (isExtension)
        {
            var url = node.SelectValue("url");
            if (url is null) return null;
            foreach (var s in slices)
            {
                if (s.Types.Any(t => t.Profiles.Contains(url))) return s;
                var fixedUrl = ctx.Structure.Find(s.Path + ".url")?.Fixed.FirstOrDefault(f => f.Key.Length == 0).Value;
                if (fixedUrl == url) return s;
            }
            return null;
        }
        var baseDef = ctx.Structure.Find(slices[0].Path[..slices[0].Path.LastIndexOf(':')]);
        var discriminators = baseDef?.Discriminators ?? Array.Empty<string>();
        if (discriminators.Count == 0) return null;
        foreach (var s in slices)
        {
            var all = true;
            foreach (var disc in discriminators)
            {
                var expected = FixedAt(ctx.Structure, s, disc);
                if (expected is null || !node.Select(disc).Any(n => n.Value == expected)) { all = false; break; }
            }
            if (all) return s;
        }
        return null;
    }

    private static string? FixedAt(StructureInfo structure, ElementDefinitionInfo slice, string disc)
    {
        var own = slice.Fixed.Concat(slice.Pattern).FirstOrDefault(kv => kv.Key == disc).Value;
        if (own is not null) return own;
        var child = structure.Find(slice.Path + "." + disc);
        return child?.Fixed.Concat(child.Pattern).FirstOrDefault(kv => kv.Key.Length == 0).Value;
    }

    private void CheckCardinality(ElementNode parent, string path, int count, ElementDefinitionInfo def, string profileName, List<ElementNode> group)
    {
        if (def.Max is { } max && count > max)
        {
            var message = max == 0
                ? $"{path}: {Entries(count)}, profile {profileName} does not allow this element (0..0)"
                : $"{path}: {Entries(count)}, profile {profileName} allows at most {max}";
            _sink.Add(FindingSeverity.Error, group[Math.Min(max, group.Count - 1)], path, "cardinality.max", $"{def.Min}..{def.MaxText}",
                count.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        }
        if (count < def.Min)
            _sink.Add(FindingSeverity.Error, parent, path, "cardinality.min", $"{def.Min}..{def.MaxText}",
                count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{path}: {Entries(count)}, profile {profileName} requires at least {def.Min}");
    }

    /// <summary>FHIR XML gives elements in the order of their definitions; the first element that comes too late is reported (rule <c>xml.order</c>).</summary>
    private void CheckXmlOrder(ElementNode node, IReadOnlyList<ElementNode> children, DefinitionContext ctx)
    {
        if (children.Count < 2 || children[0].FromJson) return;
        var order = ctx.Structure.ChildrenOf(ctx.Path);
        var highest = -1;
        ElementNode? highestNode = null;
        foreach (var child in children)
        {
            // XML attributes (an element's id, an extension's url) have no place in the element order.
            if ((child.Name == "id" && !node.IsResource) || (child.Name == "url" && node.Name is "extension" or "modifierExtension")) continue;
            var def = _nav.FindChild(ctx, child.Name, out _);
            if (def is null) continue;
            var at = IndexOf(order, def);
            if (at < 0) continue;
            if (at < highest)
            {
                _sink.Error(child, "xml.order", $"'{child.Name}' before '{highestNode!.Name}'", $"'{child.Name}' after '{highestNode.Name}'",
                    $"{child.Path}: element '{child.Name}' comes after '{highestNode.Name}', but FHIR XML gives the elements of {ctx.Path} in the order of their definitions ('{child.Name}' first).");
                return;
            }
            if (at > highest) { highest = at; highestNode = child; }
        }
    }

    private static int IndexOf(IReadOnlyList<ElementDefinitionInfo> list, ElementDefinitionInfo def)
    {
        for (var i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], def) || list[i].Path == def.Path) return i;
        return -1;
    }

    private void CheckJsonShape(List<ElementNode> group, ElementDefinitionInfo def)
    {
        foreach (var node in group)
        {
            if (!node.FromJson) continue;
            if (node.InJsonArray && def.BaseMax == 1)
                _sink.Error(node, "json.array", "a single value or object", "an array",
                    $"{node.Path}: a JSON array where a single {(node.Value is null ? "object" : "value")} belongs ({def.Name} repeats at most once in FHIR).");
            else if (!node.InJsonArray && def.BaseMax != 1)
                _sink.Error(node, "json.not-array", "an array", "a single value or object",
                    $"{node.Path}: {def.Name} repeats in FHIR, so JSON must hold it in an array.");
        }
    }

    private static string GroupPath(ElementNode parent, List<ElementNode> group, ElementDefinitionInfo def) =>
        $"{parent.Path}.{(def.IsChoice ? group[0].Name : def.Name)}";

    private static string Entries(int n) => n == 1 ? "1 entry" : $"{n} entries";

    private static string Describe(DefinitionContext ctx) => ctx.Path;
}
