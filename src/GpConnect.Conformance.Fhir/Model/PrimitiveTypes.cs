namespace GpConnect.Conformance.Fhir;

/// <summary>The FHIR STU3 primitive type codes.</summary>
public static class PrimitiveTypes
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "boolean", "integer", "decimal", "base64Binary", "instant", "string", "uri", "date", "dateTime", "time", "code",
        "oid", "id", "unsignedInt", "positiveInt", "markdown", "uuid", "xhtml",
    };

    /// <summary>True when <paramref name="typeCode"/> names a FHIR primitive type.</summary>
    public static bool IsPrimitive(string typeCode) => Codes.Contains(typeCode);
}
