namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Foundations features (features/foundations/) must catch.</summary>
public static class FoundationsDetections
{
    public static IReadOnlyList<Detection> All { get; } =
    [
        new("capability-wrong-version", "features/foundations/get-the-fhir-capability-statement.feature",
            "The capability statement carries the GP Connect version the provider implements", "CapabilityStatement.version"),
        new("capability-cors-as-string", "features/foundations/get-the-fhir-capability-statement.feature",
            "The provider returns a capability statement that is valid FHIR STU3", "cors"),
        new("capability-wrong-fhir-version", "features/foundations/get-the-fhir-capability-statement.feature",
            "The capability statement keeps the template's fixed values", "CapabilityStatement.fhirVersion should be \"3.0.1\""),
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
        ["read-without-etag"] = "issue 4: Foundations read features (and issue 6: Core resource conventions)",
        ["find-ignores-identifier-system"] = "issue 4: Find an organisation / Find a practitioner features",
        ["practitioner-with-telecom"] = "issue 4: Read a practitioner feature",
        ["location-address-array"] = "issue 4: Read a location feature",
    };
}
