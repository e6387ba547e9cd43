using System.Globalization;

namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>
/// Loads official StructureDefinition, ValueSet and CodeSystem resources (XML or JSON, single resources or Bundles)
/// into the toolkit's definition model, using the snapshot elements (min, max, base max, types, fixed/pattern, binding).
/// </summary>
public static class OfficialDefinitionLoader
{
    /// <summary>Loads every <c>*.xml</c> and <c>*.json</c> file under <paramref name="directory"/> (recursively).</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidDataException">A file cannot be parsed; the message names it.</exception>
    /// <param name="directory">The folder to read.</param>
    /// <param name="fallback">Definitions used for base types a differential-only profile needs but the folder lacks.</param>
    public static DefinitionSet LoadDirectory(string directory, DefinitionSet? fallback = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Definitions directory not found: {directory}");
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);
        var resources = new List<ElementNode>();
        foreach (var file in files)
        {
            var parsed = FhirParser.Parse(File.ReadAllText(file));
            if (parsed.Root is null)
                throw new InvalidDataException($"{file}: not a FHIR resource: {string.Join("; ", parsed.Findings.Select(f => f.Message))}");
            Collect(parsed.Root, resources);
        }
        return FromResources(resources, fallback);
    }

    /// <summary>Converts already-parsed conformance resources into a definition set.</summary>
    public static DefinitionSet FromResources(IEnumerable<ElementNode> resources, DefinitionSet? fallback = null)
    {
        var set = new DefinitionSet();
        var list = resources.ToList();
        var codeSystems = new Dictionary<string, List<CodeInfo>>(StringComparer.Ordinal);
        foreach (var cs in list.Where(r => r.ResourceType == "CodeSystem"))
        {
            var url = cs.SelectValue("url");
            if (url is null) continue;
            var codes = new List<CodeInfo>();
            AddConcepts(url, cs.Children("concept"), codes);
            codeSystems[url] = codes;
        }
        var differentialOnly = new List<StructureInfo>();
        foreach (var sd in list.Where(r => r.ResourceType == "StructureDefinition"))
        {
            var s = ReadStructure(sd, out var fromDifferential);
            if (s is null) continue;
            set.Add(s);
            if (fromDifferential) differentialOnly.Add(s);
        }
        foreach (var s in differentialOnly) CompleteFromBase(s, set, fallback);
        foreach (var vs in list.Where(r => r.ResourceType == "ValueSet"))
        {
            var url = vs.SelectValue("url");
            if (url is null) continue;
            var info = new ValueSetInfo(url[(url.LastIndexOf('/') + 1)..], url);
            foreach (var include in vs.Select("compose.include"))
            {
                var system = include.SelectValue("system");
                if (system is null) continue;
                var concepts = include.Children("concept").ToList();
                var known = codeSystems.GetValueOrDefault(system);
                if (concepts.Count > 0)
                {
                    foreach (var c in concepts)
                    {
                        var code = c.SelectValue("code");
                        if (code is null) continue;
                        var display = c.SelectValue("display") ?? known?.FirstOrDefault(k => k.Code == code)?.Display;
                        info.Add(new CodeInfo(system, code, display));
                    }
                }
                else if (known is not null && !include.Children("filter").Any())
                {
                    foreach (var c in known) info.Add(c);
                }
                else info.OpenSystems.Add(system);
            }
            set.Add(info);
        }
        return set;
    }

    private static void Collect(ElementNode root, List<ElementNode> into)
    {
        if (root.ResourceType == "Bundle")
        {
            foreach (var r in root.Select("entry.resource")) Collect(r, into);
        }
        else into.Add(root);
    }

    private static void AddConcepts(string system, IEnumerable<ElementNode> concepts, List<CodeInfo> into)
    {
        foreach (var c in concepts)
        {
            var code = c.SelectValue("code");
            if (code is not null) into.Add(new CodeInfo(system, code, c.SelectValue("display")));
            AddConcepts(system, c.Children("concept"), into);
        }
    }

    private static StructureInfo? ReadStructure(ElementNode sd, out bool fromDifferential)
    {
        fromDifferential = false;
        var url = sd.SelectValue("url");
        var type = sd.SelectValue("type");
        var kindText = sd.SelectValue("kind");
        if (url is null || type is null) return null;
        if (kindText == "primitive-type" || kindText == "logical") return null;
        var kind = type == "Extension" && sd.SelectValue("derivation") == "constraint" ? StructureKind.Extension
            : kindText == "resource" ? StructureKind.Resource : StructureKind.ComplexType;
        var name = url[(url.LastIndexOf('/') + 1)..];
        var s = new StructureInfo(name, url, type, kind, sd.SelectValue("baseDefinition"));
        var qualified = new Dictionary<string, string>(StringComparer.Ordinal);
        var elements = sd.Select("snapshot.element").ToList();
        if (elements.Count == 0)
        {
            elements = sd.Select("differential.element").ToList();
            fromDifferential = true;
        }
        foreach (var el in elements)
        {
            var path = el.SelectValue("path");
            if (path is null) continue;
            var slice = el.SelectValue("sliceName");
            path = NormaliseConcreteChoice(path, ref slice);
            var dot = path.LastIndexOf('.');
            var q = dot < 0 ? path : (qualified.GetValueOrDefault(path[..dot]) ?? path[..dot]) + path[dot..];
            if (slice is not null)
            {
                if (slice.Contains('/')) continue; // re-slicing is out of scope
                q += ":" + slice;
            }
            qualified[path] = q;
            var e = new ElementDefinitionInfo(q, ParseInt(el.SelectValue("min")) ?? -1, el.SelectValue("max") is { } mx ? ParseMax(mx) : -1);
            e.BaseMax = el.Child("base") is { } b ? ParseMax(b.SelectValue("max")) : e.Max;
            e.BaseMin = el.Child("base") is { } bm ? ParseInt(bm.SelectValue("min")) : null;
            e.Types = el.Children("type").Select(t => new TypeRef(
                t.SelectValue("code") ?? "Element",
                t.Children("profile").Select(p => p.Value!).Where(v => v is not null).ToList(),
                t.Children("targetProfile").Select(p => p.Value!).Where(v => v is not null).ToList())).ToList();
            e.Fixed = Flatten(el.Children("fixed").FirstOrDefault());
            e.Pattern = Flatten(el.Children("pattern").FirstOrDefault());
            if (el.Child("binding") is { } bind && bind.SelectValue("strength") is { } strength)
            {
                var vs = bind.SelectValue("valueSetReference.reference") ?? bind.SelectValue("valueSetUri") ?? bind.SelectValue("valueSet");
                if (vs is not null) e.Binding = new BindingInfo(strength, vs);
            }
            var cref = el.SelectValue("contentReference");
            if (cref is not null) e.ContentReference = cref.TrimStart('#');
            var disc = el.Select("slicing.discriminator").Select(d => d.SelectValue("path") ?? d.Value).Where(v => v is not null).Select(v => v!).ToList();
            if (disc.Count > 0) e.Discriminators = disc;
            if (el.SelectValue("slicing.rules") == "closed") e.SlicingClosed = true;
            e.Constraints = el.Children("constraint").Select(c => new ConstraintInfo(
                    c.SelectValue("key") ?? "", c.SelectValue("severity") ?? "error", c.SelectValue("human") ?? "", c.SelectValue("expression") ?? ""))
                .Where(c => c.Key.Length > 0 && c.Expression.Length > 0).ToList();
            if (!fromDifferential)
            {
                if (e.Min < 0) e.Min = 0;
                if (e.Max == -1) e.Max = null;
                if (e.BaseMax == -1) e.BaseMax = e.Max;
            }
            s.Add(e);
        }
        return s;
    }

    /// <summary>
    /// Some assets declare a choice by its concrete name as a slice (<c>Extension.valueCode</c>, sliceName <c>valueCode</c>);
    /// that is the choice element restricted to one type.
    /// </summary>
    private static string NormaliseConcreteChoice(string path, ref string? slice)
    {
        var dot = path.LastIndexOf('.');
        var last = path[(dot + 1)..];
        var (choiceBase, _) = ChoiceNames.Split(last);
        if (choiceBase is null || (slice is not null && slice != last)) return path;
        slice = null;
        return path[..(dot + 1)] + choiceBase + "[x]";
    }

    /// <summary>
    /// A structure published with a differential only: start from its base definition (the declared base when loaded,
    /// else the HL7 base, else the base cardinalities recorded in another snapshot of the same type), expand datatypes the
    /// differential reaches into, then overlay what the differential states (min/max -1 mark "not stated").
    /// </summary>
    private static void CompleteFromBase(StructureInfo s, DefinitionSet set, DefinitionSet? fallback)
    {
        var declaredBase = s.BaseDefinition is null ? null : set.FindStructure(s.BaseDefinition) ?? fallback?.FindStructure(s.BaseDefinition);
        var baseStructure = declaredBase ?? set.FindBase(s.Type) ?? fallback?.FindBase(s.Type)
            ?? SynthesiseBase(s.Type, set) ?? (fallback is null ? null : SynthesiseBase(s.Type, fallback));
        var diff = s.Elements.ToList();
        var result = new StructureInfo(s.Name, s.Url, s.Type, s.Kind, s.BaseDefinition);
        if (baseStructure is not null)
            foreach (var b in baseStructure.Elements) result.Add(Copy(b)!);
        foreach (var d in diff)
        {
            var unsliced = d.SliceName is null ? d.Path : d.Path[..d.Path.LastIndexOf(':')];
            var b = Ensure(result, unsliced, set, fallback);
            var e = d.SliceName is null && b is not null ? b : Copy(b, d.Path) ?? d;
            if (d.Min >= 0) e.Min = d.Min;
            if (d.Max != -1) e.Max = d.Max;
            if (e.Min < 0) e.Min = 0;
            if (e.Max == -1) e.Max = null;
            e.BaseMax = b?.BaseMax ?? (e.BaseMax == -1 ? e.Max : e.BaseMax);
            if (d.Types.Count > 0) e.Types = d.Types;
            if (d.Fixed.Count > 0) e.Fixed = d.Fixed;
            if (d.Pattern.Count > 0) e.Pattern = d.Pattern;
            if (d.Binding is not null) e.Binding = d.Binding;
            if (d.Discriminators.Count > 0) e.Discriminators = d.Discriminators;
            if (d.SlicingClosed) e.SlicingClosed = true;
            if (d.Constraints.Count > 0) e.Constraints = e.Constraints.Concat(d.Constraints).DistinctBy(c => c.Key).ToList();
            if (!ReferenceEquals(e, b)) result.Add(e);
        }
        set.Add(result);
    }

    /// <summary>Makes sure <paramref name="path"/> exists in <paramref name="s"/>, expanding parent datatypes as needed.</summary>
    private static ElementDefinitionInfo? Ensure(StructureInfo s, string path, DefinitionSet set, DefinitionSet? fallback)
    {
        var existing = s.Find(path);
        if (existing is not null) return existing;
        var dot = path.LastIndexOf('.');
        if (dot < 0) return null;
        var parent = Ensure(s, path[..dot], set, fallback);
        if (parent?.SingleTypeCode is not { } typeName || s.HasChildren(parent.Path)) return s.Find(path);
        var type = set.FindBase(typeName) ?? fallback?.FindBase(typeName);
        if (type is null) return null;
        foreach (var t in type.Elements)
        {
            if (t.ParentPath is null) continue;
            var rebased = parent.Path + t.Path[typeName.Length..];
            if (s.Find(rebased) is null) s.Add(Copy(t, rebased)!);
        }
        return s.Find(path);
    }

    /// <summary>A base definition made from the base cardinalities another snapshot of the same type records.</summary>
    private static StructureInfo? SynthesiseBase(string type, DefinitionSet set)
    {
        var donor = set.Structures.FirstOrDefault(x => x.Type == type && x.Kind == StructureKind.Resource && x.Elements.All(e => e.Min >= 0) && x.Elements.Count > 1);
        if (donor is null) return null;
        var b = new StructureInfo(type, DefinitionSet.Hl7Base + type, type, StructureKind.Resource, null);
        foreach (var e in donor.Elements)
        {
            if (e.Path.Contains(':')) continue;
            b.Add(new ElementDefinitionInfo(e.Path, e.BaseMin ?? e.Min, e.BaseMax)
            {
                BaseMax = e.BaseMax, Types = e.Types, Binding = e.Binding, ContentReference = e.ContentReference, Constraints = e.Constraints,
            });
        }
        return b;
    }

    private static ElementDefinitionInfo? Copy(ElementDefinitionInfo? b, string? path = null) => b?.Clone(path);

    /// <summary>Flattens a fixed/pattern value to (relative path, value) pairs; primitives give one pair with an empty path.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string>> Flatten(ElementNode? node)
    {
        if (node is null) return Array.Empty<KeyValuePair<string, string>>();
        var result = new List<KeyValuePair<string, string>>();
        if (node.Value is not null) result.Add(new("", node.Value));
        void Walk(ElementNode n, string prefix)
        {
            foreach (var c in n.Children())
            {
                if (c.Name is "id" or "extension") continue;
                var p = prefix.Length == 0 ? c.Name : prefix + "." + c.Name;
                if (c.Value is not null) result.Add(new(p, c.Value));
                Walk(c, p);
            }
        }
        Walk(node, "");
        return result;
    }

    private static int? ParseInt(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? ParseMax(string? s) => s is null or "*" ? null : ParseInt(s);
}
