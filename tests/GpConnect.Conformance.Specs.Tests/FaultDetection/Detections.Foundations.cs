namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Foundations features (features/foundations/) and the Foundations release-note tickets must catch.</summary>
public static class FoundationsDetections
{
    private const string Capability = "features/foundations/get-the-fhir-capability-statement.feature";
    private const string FindPatient = "features/foundations/find-a-patient.feature";
    private const string Unverified = "features/foundations/find-a-patient-unverified-records.feature";
    private const string ReadPatient = "features/foundations/read-a-patient.feature";
    private const string Register = "features/foundations/register-a-patient.feature";
    private const string FindPractitioner = "features/foundations/find-a-practitioner.feature";
    private const string ReadPractitioner = "features/foundations/read-a-practitioner.feature";
    private const string FindOrganisation = "features/foundations/find-an-organisation.feature";
    private const string ReadOrganisation = "features/foundations/read-an-organisation.feature";
    private const string ReadLocation = "features/foundations/read-a-location.feature";
    private const string Ticket643 = "features/tickets/1.2.3/gpc-643-human-language-displays.feature";
    private const string Ticket658 = "features/tickets/1.2.7/gpc-658-847-sensitive-patients.feature";
    private const string Ticket697 = "features/tickets/1.2.7/gpc-697-register-meta-profile.feature";
    private const string Ticket921 = "features/tickets/1.2.7/gpc-921-unverified-patients-in-find.feature";

    private static string RegisterDivergence(string change) => $"A registration that {change} is refused as an invalid resource, or as NHS assurance expects";

    private static readonly string[] DivergentRegistrationChanges =
    [
        "omits the NHS number", "omits the birth date", "omits the official name", "has an official name without a family name",
        "has two home phone numbers", "has two registerPatient parameters",
    ];

    public static IReadOnlyList<Detection> All { get; } =
    [
        new("capability-wrong-version", Capability, "The capability statement carries the GP Connect version the provider implements", "CapabilityStatement.version"),
        new("capability-cors-as-string", Capability, "The provider returns a capability statement that is valid FHIR STU3", "cors"),
        new("capability-wrong-fhir-version", Capability, "The capability statement keeps the template's fixed values", "CapabilityStatement.fhirVersion should be \"3.0.1\""),
        new("capability-without-register-operation", Capability, "The capability statement declares the Foundations interactions and the register operation", "does not declare the gpc.registerpatient operation"),

        new("read-without-etag", ReadPatient, "The read answers an ETag carrying the patient's version", "must answer an ETag header"),
        new("read-without-etag", ReadPractitioner, "The read answers an ETag carrying the practitioner's version", "must answer an ETag header"),
        new("read-without-etag", ReadOrganisation, "The read answers an ETag carrying the organisation's version", "must answer an ETag header"),
        new("read-without-etag", ReadLocation, "The read answers an ETag carrying the location's version", "must answer an ETag header"),
        new("find-ignores-identifier-system", FindPatient, "An identifier system other than the NHS number is refused", "Expected Spine error code INVALID_IDENTIFIER_SYSTEM"),
        new("find-ignores-identifier-system", FindPractitioner, "An identifier system other than the SDS user id is refused", "Expected HTTP 400"),
        new("find-ignores-identifier-system", FindOrganisation, "An identifier system other than the ODS code is refused", "Expected HTTP 400"),
        new("find-without-identifier-answers-empty", FindPatient, "A search without an identifier is a bad request", "Expected HTTP 400"),
        new("find-without-identifier-answers-empty", FindPractitioner, "A search without an identifier is a bad request", "Expected HTTP 400"),
        new("find-without-identifier-answers-empty", FindOrganisation, "A search without an identifier is a bad request", "Expected HTTP 400"),
        new("find-no-match-not-found", FindPatient, "An NHS number the practice does not hold gives an empty Bundle, not an error", "Expected HTTP 200"),
        new("find-no-match-not-found", FindPractitioner, "An SDS user id the provider does not hold gives an empty Bundle, not an error", "Expected HTTP 200"),
        new("find-no-match-not-found", FindOrganisation, "An ODS code the provider does not hold gives an empty Bundle, not an error", "Expected HTTP 200"),
        new("find-incomplete-token-answers-empty", FindPatient, "An identifier without a system is refused", "Expected HTTP 422"),
        new("find-incomplete-token-answers-empty", FindPractitioner, "An identifier without a value is refused", "Expected HTTP 422"),
        new("find-without-identifier-answers-empty", FindPatient, "An identifier parameter written with the wrong case is ignored, so the search has no identifier", "Expected HTTP 400"),
        new("patient-version-per-request", ReadPatient, "Reading the patient Find returned gives the same patient", "meta.versionId changed"),
        new("patient-version-per-request", FindPatient, "Finding an unchanged patient twice gives the same version", "meta.versionId changed"),
        new("register-malformed-body-crashes", Register, "A body that is not well-formed JSON is a bad request", "Expected HTTP 400"),
        new("find-refuses-unknown-parameters", FindPatient, "An unknown search parameter is ignored", "Expected HTTP 200"),
        new("find-accepts-repeated-identifier", FindPatient, "An identifier sent twice is a bad request", "Expected HTTP 400"),
        new("find-accepts-repeated-identifier", FindPractitioner, "An identifier sent twice is a bad request", "Expected HTTP 400"),
        new("read-not-found-catch-all-code", ReadPatient, "An id the provider does not hold is patient not found", "carries NO_RECORD_FOUND"),
        new("read-not-found-catch-all-code", ReadPractitioner, "An id the provider does not hold is practitioner not found", "carries NO_RECORD_FOUND"),
        new("read-not-found-catch-all-code", ReadOrganisation, "An id the provider does not hold is organisation not found", "carries NO_RECORD_FOUND"),
        new("location-unknown-id-server-error", ReadLocation, "An id the provider does not hold is no record found", "Expected HTTP 404"),

        new("practitioner-with-telecom", FindPractitioner, "The practitioner found carries none of the details Foundations withholds", "Practitioner.telecom is present"),
        new("practitioner-with-telecom", ReadPractitioner, "The practitioner read carries none of the details Foundations withholds", "Practitioner.telecom is present"),
        new("practitioner-without-role-profiles", FindPractitioner, "The practitioner found carries its SDS role profile ids", "the provider holds 2"),
        new("practitioner-without-language", FindPractitioner, "A practitioner's recorded language is returned", "nhsCommunication"),
        new("practitioner-sds-id-wrong-system", FindPractitioner, "A practitioner is found by SDS user id", "exactly one identifier with system https://fhir.nhs.uk/Id/sds-user-id"),
        new("practitioner-sds-id-wrong-system", ReadPractitioner, "The practitioner is returned with the id requested and its GP Connect profile", "exactly one identifier with system https://fhir.nhs.uk/Id/sds-user-id"),
        new("organization-with-endpoint", FindOrganisation, "The organisation found carries no contact or endpoint", "Organization.endpoint is present"),
        new("organization-with-endpoint", ReadOrganisation, "The organisation read carries no contact or endpoint", "Organization.endpoint is present"),
        new("organization-ods-code-wrong-system", FindOrganisation, "The practice is found by its ODS code", "exactly one identifier with system https://fhir.nhs.uk/Id/ods-organization-code"),
        new("organization-ods-code-wrong-system", ReadOrganisation, "The practice is returned with the id requested and its GP Connect profile", "exactly one identifier with system https://fhir.nhs.uk/Id/ods-organization-code"),
        new("location-address-array", ReadLocation, "The surgery has a single address and none of the elements the profile forbids", "single Address object"),
        new("location-without-managing-organization", ReadLocation, "The surgery is managed by the practice addressed", "managingOrganization"),
        new("location-without-managing-organization", ReadLocation, "A branch surgery is returned managed by the same practice", "managingOrganization"),

        new("patient-without-meta-profile", FindPatient, "An active, verified patient is found by NHS number", "meta.profile must contain"),
        new("patient-without-meta-profile", ReadPatient, "The patient is returned with the id requested and its GP Connect profile", "meta.profile must contain"),
        new("patient-nhs-number-wrong-system", FindPatient, "The patient found carries the NHS number searched for, marked verified", "exactly one identifier with system https://fhir.nhs.uk/Id/nhs-number"),
        new("patient-nhs-number-wrong-system", ReadPatient, "Reading the patient Find returned gives the same patient", "exactly one identifier with system https://fhir.nhs.uk/Id/nhs-number"),
        new("patient-name-not-official", FindPatient, "The patient found has one official name, a birth date, a gender, an address and a telephone number", "use \"official\""),
        new("patient-without-managing-organization", FindPatient, "The patient found is managed by the practice addressed", "managingOrganization"),
        new("patient-without-preferred-branch", FindPatient, "The patient found names a preferred branch surgery the consumer can read", "preferredBranchSurgery"),
        new("patient-language-without-interpreter", FindPatient, "A patient's recorded language and interpreter need are returned", "interpreterRequired"),
        new("patient-contact-relationship-coded", FindPatient, "The patient's contacts give the relationship in words, never coded", "relationship.coding SHALL NOT be populated"),
        new("patient-shares-local-only-data", FindPatient, "Data Foundations must not share stays out of the patient found", "must not"),
        new("patient-find-invalid-nhs-number-accepted", FindPatient, "An NHS number with too few digits is refused", "Expected HTTP 400"),
        new("patient-find-returns-non-active", FindPatient, "A patient recorded as deceased is not found", "The searchset must be empty"),
        new("patient-find-returns-non-active", FindPatient, "A patient who has left the practice is not found", "The searchset must be empty"),
        new("patient-find-returns-sensitive", FindPatient, "A patient whose record is marked sensitive is left out of the Bundle", "The searchset must be empty"),
        new("patient-dissent-applied", FindPatient, "A patient who dissented from sharing is still found", "should hold exactly 1 Patient"),
        new("patient-dissent-applied", ReadPatient, "A patient who dissented from sharing is still returned", "Expected HTTP 200"),
        new("patient-find-only-regular", FindPatient, "A patient with a temporary registration is found", "should hold exactly 1 Patient"),
        new("patient-find-omits-unverified", Unverified, "A never-verified patient whose date of birth matches PDS is verified and found", "should hold exactly 1 Patient"),
        new("patient-find-omits-unverified", Unverified, "A never-verified patient whose date of birth nearly matches PDS is verified by name and found", "should hold exactly 1 Patient"),
        new("patient-read-returns-sensitive", ReadPatient, "A patient whose record is marked sensitive is patient not found", "Expected HTTP 404"),

        new("register-answers-201", Register, "A patient on PDS who is unknown to the practice is registered", "Expected HTTP 200"),
        new("register-bundle-without-profile", Register, "A patient on PDS who is unknown to the practice is registered", "GPConnect-Searchset-Bundle-1"),
        new("register-as-regular", Register, "The registration is temporary, never regular", "MUST NOT create a regular"),
        new("register-as-regular", Register, "A patient who left the practice is re-activated as a temporary patient with the same record", "MUST NOT create a regular"),
        new("register-accepts-duplicate", Register, "Registering the same patient twice is rejected as a duplicate", "Expected HTTP 409"),
        new("register-accepts-duplicate", Register, "A never-verified record at the practice that fails verification halts the registration", "Expected HTTP 400"),
        new("register-accepts-deceased", Register, "A patient recorded as deceased at the practice is not registered", "Expected HTTP 400"),
        new("register-accepts-deceased", Register, "A patient recorded as deceased on PDS is not registered", "Expected HTTP 400"),
        new("register-accepts-sensitive", Register, "A patient marked sensitive on PDS is not registered", "Expected HTTP 400"),
        new("register-pds-flags-as-demographics", Register, "An NHS number PDS marks superseded is refused", "INVALID_NHS_NUMBER"),
        new("register-pds-flags-as-demographics", Register, "An NHS number PDS flags invalid is refused", "INVALID_NHS_NUMBER"),
        new("register-skips-pds-verification", Register, "An NHS number PDS does not hold is refused", "Expected HTTP 400"),
        new("register-skips-pds-verification", Register, "Demographics that do not verify against PDS are refused", "Expected HTTP 400"),
        new("register-ignores-meta-profile", Register, "A Patient without meta.profile is an invalid resource", "Expected HTTP 422"),
        new("register-accepts-invalid-patient", Register, "A registration that omits the birth date is refused as an invalid resource, or as NHS assurance expects", "Expected HTTP 422"),
        // Divergence registerPatientRequestErrors: NHS assurance's 400 answers pass with a warning, and fail when strict.
        .. DivergentRegistrationChanges.Select(change =>
            new Detection("nhs-assurance-register-errors", Register, RegisterDivergence(change), "registerPatientRequestErrors=strict to fail it", Warns: true)),
        .. DivergentRegistrationChanges.Select(change =>
            new Detection("nhs-assurance-register-errors", Register, RegisterDivergence(change), "registerPatientRequestErrors=strict makes this a failure",
                Settings: "expectations:divergences:registerPatientRequestErrors=strict")),

        new("patient-language-old-display", Ticket643, "Find a patient returns the corrected language display", "Bihari languages"),
        new("patient-language-old-display", Ticket643, "Read a patient returns the corrected language display", "Bihari languages"),
        new("patient-find-returns-sensitive", Ticket658, "Find a patient leaves a sensitive patient out of the Bundle", "The searchset must be empty"),
        new("patient-read-returns-sensitive", Ticket658, "Read a patient answers patient not found for a sensitive patient", "Expected HTTP 404"),
        new("register-accepts-sensitive", Ticket658, "Register a patient refuses a patient marked sensitive on PDS", "Expected HTTP 400"),
        new("register-ignores-meta-profile", Ticket697, "A registration whose Patient lacks meta.profile is refused and registers nobody", "Expected HTTP 422"),
        new("register-answers-201", Ticket697, "A registration whose Patient declares meta.profile is accepted", "Expected HTTP 200"),
        new("patient-find-omits-unverified", Ticket921, "A never-verified patient who passes the PDS checks is found and marked verified", "should hold exactly 1 Patient"),
        new("patient-find-skips-pds-checks", Ticket921, "A never-verified patient whose demographics do not verify stays out of the Bundle", "The searchset must be empty"),

        new("accept-mismatched-interaction-id", FindPatient, "A find sent with the Read a patient interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", ReadPatient, "A read sent with the Find a patient interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", Register, "A registration sent with the Find a patient interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", FindPractitioner, "A find sent with the Read a practitioner interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", ReadPractitioner, "A read sent with the Read a location interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", FindOrganisation, "A find sent with the Read a practitioner interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", ReadOrganisation, "A read sent with the Read a practitioner interaction id is a bad request", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", ReadLocation, "A read sent with the Read a practitioner interaction id is a bad request", "Expected HTTP 400"),
        // Release notes of earlier targets: these scenarios apply only when the provider is run as that version.
        new("capability-wrong-version", "features/tickets/1.2.3/gpc-637-capability-statement-version.feature",
            "The capability statement of a 1.2.3 provider has version 1.2.3", "must declare \"1.2.3\" (#637)", SpecVersion: "1.2.3"),
        new("capability-wrong-version", "features/tickets/1.2.4/capability-statement-version-stays-1.2.3.feature",
            "The capability statement of a 1.2.4 provider keeps version 1.2.3", "must declare \"1.2.3\" (1.2.4 release note", SpecVersion: "1.2.4"),
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
    };
}
