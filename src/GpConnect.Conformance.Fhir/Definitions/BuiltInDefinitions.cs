using System.Reflection;

namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>
/// The toolkit's own definitions, embedded in the assembly in the <see cref="DefinitionTextFormat"/>: the GP Connect
/// and CareConnect-GPC profiles and extensions in scope (with the 1.2.7 release-note changes), the STU3 datatypes and
/// the base resources the API returns or accepts, and the value sets they bind.
/// </summary>
public static class BuiltInDefinitions
{
    private static readonly Lazy<DefinitionSet> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared, read-only built-in set. Do not modify it; use <see cref="LoadFresh"/> for a copy you can change.</summary>
    public static DefinitionSet Instance => Shared.Value;

    /// <summary>Loads a fresh, modifiable copy of the built-in definitions.</summary>
    public static DefinitionSet LoadFresh() => Load();

    private static DefinitionSet Load()
    {
        var set = new DefinitionSet();
        var asm = typeof(BuiltInDefinitions).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".fdef", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            set.Merge(DefinitionTextFormat.Read(reader, name));
        }
        return set;
    }
}
