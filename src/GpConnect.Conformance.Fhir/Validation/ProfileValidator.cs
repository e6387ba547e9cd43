using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>
/// Validates FHIR STU3 element trees against profile definitions: the built-in GP Connect 1.2.7 set by default, or
/// official definitions loaded from a directory. Thread-safe once created.
/// </summary>
public sealed class ProfileValidator
{
    private readonly DefinitionSet _defs;
    private readonly ValidatorOptions _options;
    private readonly DefinitionNavigator _nav;

    private ProfileValidator(DefinitionSet defs, ValidatorOptions options)
    {
        _defs = defs;
        _options = options;
        _nav = new DefinitionNavigator(defs, ResolveResourceType);
    }

    /// <summary>The definitions this validator uses.</summary>
    public DefinitionSet Definitions => _defs;

    /// <summary>The options in force.</summary>
    public ValidatorOptions Options => _options;

    /// <summary>Names of the resource profiles and base resource definitions that can be validated against.</summary>
    public IReadOnlyList<string> KnownProfiles =>
        _defs.Structures.Where(s => s.Kind == StructureKind.Resource).Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>A validator over the built-in definitions (1.2.7 release-note changes included).</summary>
    public static ProfileValidator CreateDefault(ValidatorOptions? options = null)
    {
        options ??= new ValidatorOptions();
        if (options.ServiceTypeMax == 1) return new ProfileValidator(BuiltInDefinitions.Instance, options);
        var defs = BuiltInDefinitions.LoadFresh();
        ReleaseNoteOverrides.Apply(defs, options.ServiceTypeMax);
        return new ProfileValidator(defs, options);
    }

    /// <summary>
    /// A validator over official StructureDefinition/ValueSet/CodeSystem files (XML or JSON) in
    /// <paramref name="officialDefinitionsDirectory"/>, layered over the built-in definitions (which supply any base
    /// resource, datatype or value set the directory lacks). The release-note changes are applied unless
    /// <see cref="ValidatorOptions.ApplyReleaseNoteOverrides"/> is false.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidDataException">A file in it is not a FHIR resource.</exception>
    public static ProfileValidator FromDirectory(string officialDefinitionsDirectory, ValidatorOptions? options = null)
    {
        options ??= new ValidatorOptions();
        var defs = BuiltInDefinitions.LoadFresh();
        defs.Merge(OfficialDefinitionLoader.LoadDirectory(officialDefinitionsDirectory, defs));
        if (options.ApplyReleaseNoteOverrides) ReleaseNoteOverrides.Apply(defs, options.ServiceTypeMax);
        return new ProfileValidator(defs, options);
    }

    /// <summary>Validates <paramref name="resource"/> against a profile given by name (<c>GPConnect-Slot-1</c>) or canonical URL.</summary>
    public ValidationReport Validate(ElementNode resource, string profileNameOrUrl)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(profileNameOrUrl);
        var sink = new Rules.FindingSink();
        var profile = _defs.FindStructure(profileNameOrUrl);
        if (profile is null || profile.Kind != StructureKind.Resource)
        {
            sink.Add(FindingSeverity.Error, resource, resource.Path, "profile.unknown", profileNameOrUrl, null,
                $"Profile '{profileNameOrUrl}' is not known. Known profiles: {string.Join(", ", KnownProfiles)}.");
            return new ValidationReport(sink.Findings);
        }
        return Run(resource, profile, sink);
    }

    /// <summary>Validates against the first known profile in <c>meta.profile</c>, else the base definition of the resource type.</summary>
    public ValidationReport ValidateDeclared(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var sink = new Rules.FindingSink();
        var profile = DeclaredProfile(resource, sink);
        if (profile is null)
        {
            sink.Add(FindingSeverity.Error, resource, resource.Path, "profile.unknown", null, resource.ResourceType,
                $"{resource.Path}: no definition is known for a {resource.ResourceType ?? resource.Name}.");
            return new ValidationReport(sink.Findings);
        }
        return Run(resource, profile, sink);
    }

    /// <summary>
    /// Validates each <c>entry.resource</c> of a Bundle against the GP Connect profile for its resource type
    /// (Slot → GPConnect-Slot-1, Patient → CareConnect-GPC-Patient-1, ...); other types against their declared profile.
    /// </summary>
    public ValidationReport ValidateBundleEntries(ElementNode bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var findings = new List<ValidationFinding>();
        if (bundle.ResourceType != "Bundle")
        {
            findings.Add(new ValidationFinding(FindingSeverity.Error, bundle.Path, "resource.type", "Bundle", bundle.ResourceType,
                $"{bundle.Path}: expected a Bundle, found a {bundle.ResourceType ?? bundle.Name}.") { Line = bundle.Line, Column = bundle.Column });
            return new ValidationReport(findings);
        }
        foreach (var resource in bundle.Select("entry.resource"))
        {
            var name = resource.ResourceType is null ? null : GpConnectProfiles.NameFor(resource.ResourceType);
            var report = name is not null && _defs.FindStructure(name) is not null ? Validate(resource, name) : ValidateDeclared(resource);
            findings.AddRange(report.Findings);
        }
        return new ValidationReport(findings);
    }

    private ValidationReport Run(ElementNode resource, StructureInfo profile, Rules.FindingSink sink)
    {
        var walker = new ResourceWalker(_defs, _nav, _options, sink, n => DeclaredProfile(n, sink));
        walker.ValidateResource(resource, profile);
        walker.EvaluateInvariants(resource);
        return new ValidationReport(sink.Findings);
    }

    /// <summary>The FHIR type the definitions give each node of <paramref name="resource"/> (for tests of the invariant engine).</summary>
    internal IReadOnlyDictionary<ElementNode, string> TypesOf(ElementNode resource)
    {
        var sink = new Rules.FindingSink();
        var profile = DeclaredProfile(resource, sink) ?? throw new ArgumentException("no definition for " + resource.ResourceType);
        var walker = new ResourceWalker(_defs, _nav, _options, sink, n => DeclaredProfile(n, sink));
        walker.ValidateResource(resource, profile);
        return walker.Types;
    }

    /// <summary>The profile a nested or top-level resource declares (first known meta.profile), else its base/GP Connect definition.</summary>
    private StructureInfo? DeclaredProfile(ElementNode resource, Rules.FindingSink sink)
    {
        var fallback = resource.ResourceType is null ? null : ResolveResourceType(resource.ResourceType);
        foreach (var p in resource.Select("meta.profile"))
        {
            if (p.Value is null) continue;
            var s = _defs.FindStructure(p.Value);
            if (s is not null && s.Kind == StructureKind.Resource && s.Type == resource.ResourceType) return s;
            if (s is not null && s.Kind == StructureKind.Resource)
            {
                sink.Add(FindingSeverity.Error, p, resource.Path + ".meta.profile", "meta.profile", GpConnectProfiles.UrlFor(resource.ResourceType ?? "") ?? "a " + resource.ResourceType + " profile", p.Value,
                    $"{resource.Path}.meta.profile names {s.Name}, a profile of {s.Type}, on a {resource.ResourceType}.");
                continue;
            }
            sink.Add(FindingSeverity.Warning, p, resource.Path + ".meta.profile", "meta.profile", "a known profile", p.Value,
                fallback is null
                    ? $"{p.Path}: profile '{p.Value}' is not known to the validator, which knows no other definition of a {resource.ResourceType}."
                    : $"{p.Path}: profile '{p.Value}' is not known to the validator; validating against {Describe(fallback)} instead.");
        }
        return fallback;
    }

    private static string Describe(StructureInfo s) =>
        s.Url.StartsWith(DefinitionSet.Hl7Base, StringComparison.Ordinal) ? $"the FHIR STU3 base definition of {s.Type}" : $"the GP Connect profile for {s.Type}, {s.Name}";

    private StructureInfo? ResolveResourceType(string resourceType) =>
        _defs.FindBase(resourceType) ?? (GpConnectProfiles.NameFor(resourceType) is { } n ? _defs.FindStructure(n) : null);
}
