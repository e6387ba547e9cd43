namespace GpConnect.Conformance.Fhir;

/// <summary>Recognises STU3 choice element names (<c>value[x]</c>, <c>deceased[x]</c>, ...) by base and type suffix.</summary>
internal static class ChoiceNames
{
    private static readonly string[] Bases =
    {
        "value", "deceased", "multipleBirth", "effective", "onset", "abatement", "occurrence", "timing", "born", "age",
        "defaultValue", "fixed", "pattern", "minValue", "maxValue", "serviced", "medication", "asNeeded", "item",
        "answer", "performed", "reported", "dose", "rate", "allowed", "product", "scheduled",
    };

    /// <summary>FHIR STU3 type names that may follow a choice base, with their suffix spelling.</summary>
    internal static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "Boolean", "Integer", "Decimal", "Base64Binary", "Instant", "String", "Uri", "Date", "DateTime", "Time", "Code",
        "Oid", "Id", "UnsignedInt", "PositiveInt", "Markdown", "Uuid", "Annotation", "Attachment", "Identifier",
        "CodeableConcept", "Coding", "Quantity", "Range", "Period", "Ratio", "SampledData", "Signature", "HumanName",
        "Address", "ContactPoint", "Timing", "Reference", "Meta", "Age", "Count", "Distance", "Duration", "Money",
        "SimpleQuantity", "ContactDetail", "Contributor", "DataRequirement", "ParameterDefinition",
        "RelatedArtifact", "TriggerDefinition", "UsageContext", "Dosage", "Narrative", "Extension",
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string?, string?)> Cache = new(StringComparer.Ordinal);

    public static (string? Base, string? Type) Split(string name)
    {
        if (Cache.TryGetValue(name, out var hit)) return hit;
        (string?, string?) result = (null, null);
        foreach (var b in Bases)
        {
            if (name.Length > b.Length && name.StartsWith(b, StringComparison.Ordinal) && char.IsUpper(name[b.Length]))
            {
                var suffix = name[b.Length..];
                if (TypeNames.Contains(suffix)) { result = (b, ToTypeCode(suffix)); break; }
            }
        }
        if (Cache.Count < 10_000) Cache[name] = result; // bounded: names come from input
        return result;
    }

    /// <summary>Turns a choice suffix into the FHIR type code (primitive types start lower-case).</summary>
    public static string ToTypeCode(string suffix)
    {
        var lower = char.ToLowerInvariant(suffix[0]) + suffix[1..];
        return PrimitiveTypes.IsPrimitive(lower) ? lower : suffix;
    }
}
