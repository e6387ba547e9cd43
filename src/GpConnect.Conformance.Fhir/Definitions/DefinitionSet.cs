namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>A set of structure definitions and value sets the validator works from.</summary>
public sealed class DefinitionSet
{
    /// <summary>Prefix of the HL7 base definitions.</summary>
    public const string Hl7Base = "http://hl7.org/fhir/StructureDefinition/";

    private readonly Dictionary<string, StructureInfo> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StructureInfo> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ValueSetInfo> _valueSets = new(StringComparer.Ordinal);

    /// <summary>All structures.</summary>
    public IEnumerable<StructureInfo> Structures => _byUrl.Values;

    /// <summary>All value sets.</summary>
    public IEnumerable<ValueSetInfo> ValueSets => _valueSets.Values;

    /// <summary>Adds or replaces a structure (keyed by URL and name).</summary>
    public void Add(StructureInfo structure)
    {
        _byUrl[structure.Url] = structure;
        _byName[structure.Name] = structure;
    }

    /// <summary>Adds or replaces a value set (keyed by URL).</summary>
    public void Add(ValueSetInfo valueSet) => _valueSets[valueSet.Url] = valueSet;

    /// <summary>Finds a structure by canonical URL (a <c>|version</c> suffix is ignored) or short name.</summary>
    public StructureInfo? FindStructure(string nameOrUrl)
    {
        var key = StripVersion(nameOrUrl.Trim());
        return _byUrl.GetValueOrDefault(key) ?? _byName.GetValueOrDefault(key);
    }

    /// <summary>The base HL7 definition of a datatype or resource (e.g. <c>Identifier</c>, <c>Bundle</c>), or null.</summary>
    public StructureInfo? FindBase(string type) => _byUrl.GetValueOrDefault(Hl7Base + type);

    /// <summary>Finds a value set by canonical URL (a <c>|version</c> suffix is ignored).</summary>
    public ValueSetInfo? FindValueSet(string url) => _valueSets.GetValueOrDefault(StripVersion(url));

    /// <summary>The resource or datatype a profile URL constrains (e.g. <c>Schedule</c> for GPConnect-Schedule-1), or null.</summary>
    public string? TypeOfProfile(string url)
    {
        var s = FindStructure(url);
        if (s is not null) return s.Type;
        var key = StripVersion(url);
        if (key.StartsWith(Hl7Base, StringComparison.Ordinal)) return key[Hl7Base.Length..];
        // An unloaded GP Connect / CareConnect profile (e.g. GPConnect-Device-1): its name carries the resource type.
        var name = System.Text.RegularExpressions.Regex.Replace(key[(key.LastIndexOf('/') + 1)..], @"^(GPConnect-|CareConnect-GPC-|CareConnect-)|-[0-9]+$", "");
        return FindValueSet("http://hl7.org/fhir/ValueSet/resource-types")?.HasCode(name) == true ? name : null;
    }

    /// <summary>Merges another set into this one (the other set wins on clashes).</summary>
    public void Merge(DefinitionSet other)
    {
        foreach (var s in other.Structures) Add(s);
        foreach (var v in other.ValueSets) Add(v);
    }

    private static string StripVersion(string url)
    {
        var bar = url.IndexOf('|');
        return bar < 0 ? url : url[..bar];
    }
}
