namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults in request validation (register request body, booking references, TLS) and the scenarios that must catch them.</summary>
public static class RequestValidationDetections
{
    private const string Register = "features/foundations/register-a-patient.feature";

    private static readonly string[] ForbiddenElements =
    [
        "animal", "photo", "deceasedBoolean", "deceasedDateTime", "contact", "multipleBirthBoolean", "multipleBirthInteger",
        "communication", "link", "a registrationDetails extension",
    ];

    private static string Forbidden(string element) => $"A registration that sets {element}, which a consumer must not send, is an invalid resource";

    private const string IdentifierWithoutSystem =
        "A registration that has a second identifier without a system is refused as an invalid resource, or as NHS assurance expects";

    public static IReadOnlyList<Detection> All { get; } =
    [
        .. ForbiddenElements.Select(element => new Detection("register-accepts-forbidden-elements", Register, Forbidden(element), "Expected HTTP 422 but the provider answered 200")),
        new("register-ignores-resource-types", Register, "A registration whose resources have the wrong resourceType is an invalid resource", "Expected HTTP 422 but the provider answered 200"),
        new("register-accepts-identifier-without-system", Register, IdentifierWithoutSystem, "answered 200"),
        // Divergence registerPatientRequestErrors: NHS assurance's 400 BAD_REQUEST passes with a warning, and fails when strict.
        new("nhs-assurance-register-errors", Register, IdentifierWithoutSystem, "registerPatientRequestErrors=strict to fail it", Warns: true),
        new("nhs-assurance-register-errors", Register, IdentifierWithoutSystem, "registerPatientRequestErrors=strict makes this a failure",
            Settings: "expectations:divergences:registerPatientRequestErrors=strict"),
    ];
}
