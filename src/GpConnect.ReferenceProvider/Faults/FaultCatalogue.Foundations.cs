using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in the capability statement and the Foundations interactions.</summary>
    private static IReadOnlyList<FaultDefinition> FoundationsFaults =>
    [
        new ResourceDecorationFault(
            new("capability-wrong-version", "CapabilityStatement.version reports 1.2.2 instead of the release the provider implements."),
            "CapabilityStatement",
            cs => cs["version"] = "1.2.2"),
        new RuleWaiverFault(
            new("nhs-assurance-register-errors", "Register-a-patient request errors are answered as NHS assurance expects (400 INVALID_NHS_NUMBER without an NHS number, 400 BAD_REQUEST for a missing birth date or official name, two registerPatient parameters, two phones of one use) instead of 422 INVALID_RESOURCE (a divergence the suite warns on)."),
            ProviderRule.RegisterRequestErrorsAreInvalidResource),
        new RuleWaiverFault(
            new("read-without-etag", "Read responses omit the ETag header."),
            ProviderRule.ReadETag),
        new RuleWaiverFault(
            new("find-ignores-identifier-system", "Find organisation/practitioner accept any identifier system instead of 400 INVALID_IDENTIFIER_SYSTEM."),
            ProviderRule.FindChecksIdentifierSystem),
        new ResourceDecorationFault(
            new("practitioner-with-telecom", "Practitioner resources carry telecom, which Foundations says SHALL NOT be populated."),
            "Practitioner",
            p => InsertAfter(p, "name", "telecom", new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = "01130000000", ["use"] = "work" }))),
        new ResourceDecorationFault(
            new("location-address-array", "Location.address (0..1 in STU3) is written as a JSON array."),
            "Location",
            l => { if (l["address"] is JsonObject address) { l.Remove("address"); InsertAfter(l, "telecom", "address", new JsonArray(address)); } }),
        new ResourceDecorationFault(
            new("capability-cors-as-string", "CapabilityStatement.rest.security.cors is the string \"true\" instead of a JSON boolean (invalid STU3)."),
            "CapabilityStatement",
            cs => { if (cs["rest"]?[0]?["security"] is JsonObject security) security["cors"] = "true"; }),
        new ResourceDecorationFault(
            new("capability-wrong-fhir-version", "CapabilityStatement.fhirVersion is 3.0.2 instead of the template's 3.0.1."),
            "CapabilityStatement",
            cs => cs["fhirVersion"] = "3.0.2"),
        new ResourceDecorationFault(
            new("capability-without-register-operation", "The CapabilityStatement does not declare the gpc.registerpatient operation."),
            "CapabilityStatement",
            cs => (cs["rest"]?[0] as JsonObject)?.Remove("operation")),
        new RuleWaiverFault(
            new("find-without-identifier-answers-empty", "A Find without the identifier parameter is answered with an empty searchset instead of 400 BAD_REQUEST."),
            ProviderRule.FindRequiresIdentifier),
        new RuleWaiverFault(
            new("find-no-match-not-found", "A Find that matches nothing is answered 404 NO_RECORD_FOUND instead of a 200 empty searchset."),
            ProviderRule.FindNoMatchIsEmptyBundle),
        new RuleWaiverFault(
            new("read-not-found-catch-all-code", "A Read of an unknown patient, practitioner or organisation id answers the catch-all NO_RECORD_FOUND instead of its own not-found code."),
            ProviderRule.ReadUnknownIdIsNotFound),
        new RuleWaiverFault(
            new("location-unknown-id-server-error", "A Read of an unknown Location id fails with 500 INTERNAL_SERVER_ERROR instead of 404 NO_RECORD_FOUND."),
            ProviderRule.LocationReadHandlesUnknownId),
        new ResourceDecorationFault(
            new("organization-with-endpoint", "Organization resources carry endpoint, which Foundations says SHALL NOT be populated."),
            "Organization",
            o => o["endpoint"] = new JsonArray(new JsonObject { ["reference"] = "Endpoint/1" })),
        new ResourceDecorationFault(
            new("organization-ods-code-wrong-system", "The Organization's ODS code uses an old (DSTU2) identifier system."),
            "Organization",
            o => { if (o["identifier"]?[0] is JsonObject id) id["system"] = "http://fhir.nhs.net/Id/ods-organization-code"; }),
        new ResourceDecorationFault(
            new("practitioner-without-role-profiles", "Practitioner resources leave out the practitioner's SDS role profile identifiers."),
            "Practitioner",
            p => { if (p["identifier"] is JsonArray ids) foreach (var id in ids.OfType<JsonObject>().Where(i => i["system"]?.GetValue<string>() == "https://fhir.nhs.uk/Id/sds-role-profile-id").ToList()) ids.Remove(id); }),
        new ResourceDecorationFault(
            new("practitioner-without-language", "Practitioner resources leave out the recorded language (nhsCommunication)."),
            "Practitioner",
            p => p.Remove("extension")),
        new ResourceDecorationFault(
            new("practitioner-sds-id-wrong-system", "The Practitioner's SDS user id uses an old (DSTU2) identifier system."),
            "Practitioner",
            p => { if (p["identifier"]?[0] is JsonObject id) id["system"] = "http://fhir.nhs.net/Id/sds-user-id"; }),
        new ResourceDecorationFault(
            new("location-without-managing-organization", "Location resources omit managingOrganization, which Foundations says SHALL be populated."),
            "Location",
            l => l.Remove("managingOrganization")),
        new RuleWaiverFault(
            new("patient-find-invalid-nhs-number-accepted", "Find a patient answers a structurally invalid NHS number with an empty searchset instead of 400 INVALID_NHS_NUMBER."),
            ProviderRule.FindPatientValidatesNhsNumber),
        new RuleWaiverFault(
            new("patient-find-returns-non-active", "Find a patient returns deceased and inactive (left) patients."),
            ProviderRule.FindPatientOnlyActive),
        new RuleWaiverFault(
            new("patient-find-returns-sensitive", "Find a patient returns S-flagged patients instead of omitting them (#658/#847)."),
            ProviderRule.FindPatientOmitsSensitive),
        new RuleWaiverFault(
            new("patient-find-omits-unverified", "Find a patient omits active patients whose NHS number was never verified instead of verifying them on PDS (undoes #921)."),
            ProviderRule.FindPatientVerifiesUnverifiedRecords),
        new RuleWaiverFault(
            new("patient-find-skips-pds-checks", "Find a patient returns never-verified patients without the PDS checks (#921)."),
            ProviderRule.FindPatientChecksPdsBeforeSharing),
        new RuleWaiverFault(
            new("patient-read-returns-sensitive", "Read a patient returns an S-flagged patient instead of 404 PATIENT_NOT_FOUND (#658/#847)."),
            ProviderRule.ReadPatientHidesSensitive),
        new RuleWaiverFault(
            new("patient-shares-local-only-data", "Patient resources carry ethnicity, marital status and multiple birth, which Foundations says SHALL NOT be returned."),
            ProviderRule.PatientWithholdsLocalOnlyData),
        new RuleWaiverFault(
            new("patient-language-old-display", "HumanLanguage displays for bh, ii, ps and ro are the pre-#643 texts (undoes #643)."),
            ProviderRule.PatientLanguageDisplaysIso6392),
        new ResourceDecorationFault(
            new("patient-without-meta-profile", "Patient resources omit meta.profile CareConnect-GPC-Patient-1."),
            "Patient",
            p => (p["meta"] as JsonObject)?.Remove("profile")),
        new ResourceDecorationFault(
            new("patient-nhs-number-wrong-system", "The Patient's NHS number uses the old (DSTU2) identifier system."),
            "Patient",
            p => { if (p["identifier"]?[0] is JsonObject id) id["system"] = "http://fhir.nhs.net/Id/nhs-number"; }),
        new ResourceDecorationFault(
            new("patient-name-not-official", "The Patient's PDS name is sent with use 'usual' instead of 'official'."),
            "Patient",
            p => { if (p["name"]?[0] is JsonObject name) name["use"] = "usual"; }),
        new ResourceDecorationFault(
            new("patient-without-managing-organization", "Patient resources omit managingOrganization."),
            "Patient",
            p => p.Remove("managingOrganization")),
        new ResourceDecorationFault(
            new("patient-without-preferred-branch", "Patient resources omit registrationDetails.preferredBranchSurgery."),
            "Patient",
            RemovePreferredBranch),
        new ResourceDecorationFault(
            new("patient-language-without-interpreter", "nhsCommunication leaves out the patient's recorded interpreter need (interpreterRequired)."),
            "Patient",
            RemoveInterpreterRequired),
        new ResourceDecorationFault(
            new("patient-contact-relationship-coded", "Patient.contact.relationship carries a coding, which Foundations says SHALL NOT be populated."),
            "Patient",
            CodeContactRelationships),
        new RuleWaiverFault(
            new("register-ignores-meta-profile", "Register a patient accepts a Patient without meta.profile (undoes #697)."),
            ProviderRule.RegisterRequiresMetaProfile),
        new RuleWaiverFault(
            new("register-accepts-invalid-patient", "Register a patient accepts a Patient missing minimum data or breaking the request rules instead of 422 INVALID_RESOURCE."),
            ProviderRule.RegisterValidatesPatient),
        new RuleWaiverFault(
            new("register-accepts-duplicate", "Register a patient registers an already active patient again instead of 409 DUPLICATE_REJECTED."),
            ProviderRule.RegisterRejectsDuplicates),
        new RuleWaiverFault(
            new("register-accepts-deceased", "Register a patient registers a patient recorded as deceased."),
            ProviderRule.RegisterRefusesDeceased),
        new RuleWaiverFault(
            new("register-accepts-sensitive", "Register a patient registers an S-flagged patient instead of 400 INVALID_PATIENT_DEMOGRAPHICS (#658/#847)."),
            ProviderRule.RegisterRefusesSensitive),
        new RuleWaiverFault(
            new("register-skips-pds-verification", "Register a patient registers NHS numbers that are not on PDS or whose demographics do not verify."),
            ProviderRule.RegisterVerifiesDemographicsOnPds),
        new RuleWaiverFault(
            new("register-pds-flags-as-demographics", "Register a patient reports PDS invalid/superseded numbers as INVALID_PATIENT_DEMOGRAPHICS instead of INVALID_NHS_NUMBER."),
            ProviderRule.RegisterReportsPdsNumberFlags),
        new RuleWaiverFault(
            new("register-as-regular", "Register a patient creates a regular (GMS) registration instead of a temporary one."),
            ProviderRule.RegisterOnlyTemporary),
        new RuleWaiverFault(
            new("register-answers-201", "Register a patient answers 201 Created instead of 200."),
            ProviderRule.RegisterAnswers200),
        new RuleWaiverFault(
            new("find-incomplete-token-answers-empty", "A Find whose identifier has no system or no value is answered with an empty searchset instead of an error."),
            ProviderRule.FindRefusesIncompleteToken),
        new RuleWaiverFault(
            new("register-malformed-body-crashes", "Register a patient fails with 500 on a body that is not well-formed JSON instead of 400 BAD_REQUEST."),
            ProviderRule.RegisterRefusesMalformedBody),
        new ResourceDecorationFault(
            new("patient-version-per-request", "Patient.meta.versionId changes on every request although the record has not changed."),
            "Patient",
            p => { if (p["meta"] is JsonObject meta) meta["versionId"] = Guid.NewGuid().ToString("N"); }),
        new RuleWaiverFault(
            new("find-refuses-unknown-parameters", "Find interactions refuse search parameters they do not know (e.g. _count) with 400 instead of ignoring them."),
            ProviderRule.FindIgnoresUnknownParameters),
        new RuleWaiverFault(
            new("find-accepts-repeated-identifier", "Find interactions accept a repeated identifier parameter instead of 400 BAD_REQUEST."),
            ProviderRule.FindRefusesRepeatedIdentifier),
        new RuleWaiverFault(
            new("patient-dissent-applied", "The dissent-to-share flag hides patients from Find and Read, which Foundations SHALL NOT do."),
            ProviderRule.PatientDissentNotApplied),
        new RuleWaiverFault(
            new("patient-find-only-regular", "Find a patient returns only regular (GMS) registrations, leaving out temporary patients."),
            ProviderRule.FindPatientAnyRegistrationType),
        new ResourceDecorationFault(
            new("register-bundle-without-profile", "The Register response Bundle omits meta.profile GPConnect-Searchset-Bundle-1."),
            "Bundle",
            b => b.Remove("meta")),
    ];

    private static void RemovePreferredBranch(JsonObject patient)
    {
        foreach (var extension in (patient["extension"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (extension["extension"] is not JsonArray parts) continue;
            foreach (var part in parts.OfType<JsonObject>().Where(p => p["url"]?.GetValue<string>() == "preferredBranchSurgery").ToList()) parts.Remove(part);
        }
    }

    private static void RemoveInterpreterRequired(JsonObject patient)
    {
        foreach (var extension in (patient["extension"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (extension["extension"] is not JsonArray parts) continue;
            foreach (var part in parts.OfType<JsonObject>().Where(p => p["url"]?.GetValue<string>() == "interpreterRequired").ToList()) parts.Remove(part);
        }
    }

    private static void CodeContactRelationships(JsonObject patient)
    {
        foreach (var contact in (patient["contact"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            foreach (var relationship in (contact["relationship"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                var text = relationship["text"]?.DeepClone();
                relationship.Remove("text");
                relationship["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/v2/0131", ["code"] = "N", ["display"] = "Next-of-Kin" });
                if (text is not null) relationship["text"] = text;
            }
        }
    }
}
