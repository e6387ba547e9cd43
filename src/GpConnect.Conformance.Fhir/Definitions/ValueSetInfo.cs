namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>One code of a value set.</summary>
public sealed record CodeInfo(string System, string Code, string? Display);

/// <summary>An expanded value set: the codes it holds and any code systems it includes without an enumerable expansion.</summary>
public sealed class ValueSetInfo
{
    private readonly List<CodeInfo> _codes = new();
    private readonly Dictionary<(string, string), CodeInfo> _index = new();
    private readonly HashSet<string> _codesOnly = new(StringComparer.Ordinal);

    /// <summary>Creates an empty value set.</summary>
    public ValueSetInfo(string name, string url)
    {
        Name = name;
        Url = url;
    }

    /// <summary>Short name, e.g. <c>GPConnect-DeliveryChannel-1</c>.</summary>
    public string Name { get; }

    /// <summary>Canonical URL.</summary>
    public string Url { get; }

    /// <summary>The enumerated codes.</summary>
    public IReadOnlyList<CodeInfo> Codes => _codes;

    /// <summary>Code systems included wholesale that could not be expanded (any code of them is accepted).</summary>
    public List<string> OpenSystems { get; } = new();

    /// <summary>Adds a code (a repeated system+code replaces the display).</summary>
    public void Add(CodeInfo code)
    {
        if (_index.TryGetValue((code.System, code.Code), out var old)) _codes.Remove(old);
        _index[(code.System, code.Code)] = code;
        _codes.Add(code);
        _codesOnly.Add(code.Code);
    }

    /// <summary>The code with this system and code, or null.</summary>
    public CodeInfo? Find(string? system, string code) =>
        system is null ? null : _index.GetValueOrDefault((system, code));

    /// <summary>True when some system of the value set has this code.</summary>
    public bool HasCode(string code) => _codesOnly.Contains(code);

    /// <summary>True when the system is included wholesale without expansion.</summary>
    public bool IsOpen(string? system) => system is not null && OpenSystems.Contains(system);

    /// <summary>A copy that can be changed without affecting this one.</summary>
    public ValueSetInfo Clone()
    {
        var copy = new ValueSetInfo(Name, Url);
        foreach (var c in _codes) copy.Add(c);
        copy.OpenSystems.AddRange(OpenSystems);
        return copy;
    }

    /// <summary>The distinct systems of the enumerated codes.</summary>
    public IEnumerable<string> Systems => _codes.Select(c => c.System).Distinct();
}
