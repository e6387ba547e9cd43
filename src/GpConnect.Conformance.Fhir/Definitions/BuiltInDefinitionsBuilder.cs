namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>
/// Produces the generated part of the built-in definitions (<c>Data/GpConnect.fdef</c>) from official assets: the
/// in-scope GP Connect/CareConnect-GPC profiles, every extension they use (transitively), the STU3 complex datatypes,
/// the value sets bound with a non-example strength, then the 1.2.7 release-note changes. Base resources, HL7
/// extensions and HL7 value sets the official folder lacks are hand-maintained in <c>Data/Hl7Base.fdef</c>.
/// </summary>
public static class BuiltInDefinitionsBuilder
{
    /// <summary>The profiles in scope, by name.</summary>
    public static readonly IReadOnlyList<string> InScopeProfiles = new[]
    {
        "GPConnect-Slot-1", "GPConnect-Schedule-1", "GPConnect-Appointment-1", "GPConnect-OperationOutcome-1",
        "GPConnect-Searchset-Bundle-1", "CareConnect-GPC-Patient-1", "CareConnect-GPC-Practitioner-1",
        "CareConnect-GPC-PractitionerRole-1", "CareConnect-GPC-Organization-1", "CareConnect-GPC-Location-1",
    };

    private const string Header =
        "# GP Connect Conformance built-in definitions: GP Connect / CareConnect-GPC profiles and extensions, STU3 datatypes, bound value sets.\n" +
        "# Facts (paths, cardinalities, types, fixed values, bindings, codes) in the toolkit's own format; release-note changes of 1.2.7 applied.\n";

    /// <summary>Selects the in-scope definitions from <paramref name="official"/> and applies the release-note changes.</summary>
    /// <param name="official">Definitions loaded with <see cref="OfficialDefinitionLoader"/>.</param>
    /// <param name="missing">URLs referenced but absent from <paramref name="official"/> (supplied by Hl7Base.fdef or unchecked).</param>
    /// <exception cref="InvalidDataException">An in-scope profile is missing.</exception>
    public static DefinitionSet Build(DefinitionSet official, out IReadOnlyList<string> missing)
    {
        var result = new DefinitionSet();
        var absent = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<StructureInfo>();
        foreach (var p in InScopeProfiles)
            queue.Enqueue(official.FindStructure(p) ?? throw new InvalidDataException($"In-scope profile {p} is not among the official definitions."));
        foreach (var s in official.Structures.Where(s => s.Kind == StructureKind.ComplexType && s.Url.StartsWith(DefinitionSet.Hl7Base, StringComparison.Ordinal) && s.Type != "ElementDefinition"))
            queue.Enqueue(s);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (!seen.Add(s.Url)) continue;
            result.Add(s.Clone());
            foreach (var url in s.Elements.SelectMany(e => e.Types).Where(t => t.Code == "Extension").SelectMany(t => t.Profiles))
            {
                var ext = official.FindStructure(url);
                if (ext is null) absent.Add(url);
                else queue.Enqueue(ext);
            }
        }
        var valueSets = new SortedSet<string>(StringComparer.Ordinal) { ReleaseNoteOverrides.PractitionerRoleValueSet };
        foreach (var e in result.Structures.SelectMany(s => s.Elements))
            if (e.Binding is { } b && b.Strength != "example") valueSets.Add(b.ValueSet.Split('|')[0]);
        foreach (var url in valueSets)
        {
            var vs = official.FindValueSet(url);
            if (vs is null) absent.Add(url);
            else result.Add(vs.Clone());
        }
        ReleaseNoteOverrides.Apply(result);
        missing = absent.ToList();
        return result;
    }

    /// <summary>The text of <c>GpConnect.fdef</c> for <paramref name="built"/>.</summary>
    public static string Render(DefinitionSet built)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.Write(Header);
        DefinitionTextFormat.Write(built, w);
        return w.ToString();
    }

    /// <summary>The embedded text of the generated file, for comparison.</summary>
    public static string EmbeddedText()
    {
        using var stream = typeof(BuiltInDefinitionsBuilder).Assembly.GetManifestResourceStream("GpConnect.Conformance.Fhir.Definitions.GpConnect.fdef")
            ?? throw new InvalidOperationException("GpConnect.fdef is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
