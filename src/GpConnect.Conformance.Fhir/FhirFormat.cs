namespace GpConnect.Conformance.Fhir;

/// <summary>The two FHIR STU3 serialisation formats the toolkit reads.</summary>
public enum FhirFormat
{
    /// <summary>FHIR JSON (application/fhir+json).</summary>
    Json,
    /// <summary>FHIR XML (application/fhir+xml).</summary>
    Xml,
}
