namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>The GP Connect 1.2.7 profile in force for each resource type the API returns or accepts.</summary>
public static class GpConnectProfiles
{
    /// <summary>Base of GP Connect / CareConnect-GPC structure definition URLs.</summary>
    public const string StructureDefinitionBase = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["Slot"] = "GPConnect-Slot-1",
        ["Schedule"] = "GPConnect-Schedule-1",
        ["Appointment"] = "GPConnect-Appointment-1",
        ["OperationOutcome"] = "GPConnect-OperationOutcome-1",
        ["Bundle"] = "GPConnect-Searchset-Bundle-1",
        ["Patient"] = "CareConnect-GPC-Patient-1",
        ["Practitioner"] = "CareConnect-GPC-Practitioner-1",
        ["PractitionerRole"] = "CareConnect-GPC-PractitionerRole-1",
        ["Organization"] = "CareConnect-GPC-Organization-1",
        ["Location"] = "CareConnect-GPC-Location-1",
    };

    /// <summary>Resource types that have a GP Connect profile.</summary>
    public static IReadOnlyCollection<string> ResourceTypes => ByType.Keys;

    /// <summary>The profile name for a resource type (e.g. <c>Slot</c> → <c>GPConnect-Slot-1</c>), or null.</summary>
    public static string? NameFor(string resourceType) => ByType.GetValueOrDefault(resourceType);

    /// <summary>The full profile URL for a resource type (e.g. <c>Patient</c> → <c>https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1</c>), or null.</summary>
    public static string? UrlFor(string resourceType) => NameFor(resourceType) is { } n ? StructureDefinitionBase + n : null;
}
