using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.Checks.Foundations;

/// <summary>Checks on a returned CareConnect-GPC-Patient-1 (spec: the Find, Read and Register a patient pages).</summary>
public static class PatientChecks
{
    public const string VerificationStatusUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public const string VerificationStatusSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    public const string RegistrationDetailsUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1";
    public const string NhsCommunicationUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1";
    public const string HumanLanguageSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1";
    public const string RegistrationTypeSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1";

    /// <summary>#643: the ISO 639-2 displays of CareConnect-HumanLanguage-1 v1.1.0 for the four corrected codes.</summary>
    public static IReadOnlyDictionary<string, string> CorrectedLanguageDisplays { get; } = new Dictionary<string, string>
    {
        ["bh"] = "Bihari languages",
        ["ii"] = "Sichuan Yi; Nuosu",
        ["ps"] = "Pushto; Pashto",
        ["ro"] = "Romanian; Moldavian; Moldovan",
    };

    /// <summary>Elements and extensions Foundations never returns for a patient (FND-045, FND-046).</summary>
    public static IReadOnlyList<string> ExcludedElements { get; } =
    [
        "maritalStatus", "multipleBirthBoolean", "photo", "animal", "communication",
        "EthnicCategory", "ReligiousAffiliation", "patient-cadavericDonor", "ResidentialStatus", "TreatmentCategory", "birthPlace",
    ];

    /// <summary>FND-034/035/036: the NHS number is the first identifier, with the searched value and a verified status (01).</summary>
    public static Check NhsNumber(ElementNode patient, string nhsNumber)
    {
        var check = FoundationsChecks.Identifier(patient, FoundationsRequests.NhsNumberSystem, nhsNumber, "FND-034 NHS number");
        if (!check.Passed) return check;
        var first = patient.Children("identifier").First();
        if (first.SelectValue("system") != FoundationsRequests.NhsNumberSystem)
            check.Fail("FND-034 NHS number first", first.Path, FoundationsRequests.NhsNumberSystem, first.SelectValue("system") ?? "absent",
                "The NHS number identifier must come before any other identifier.");
        var nhs = patient.Children("identifier").First(i => i.SelectValue("system") == FoundationsRequests.NhsNumberSystem);
        var status = nhs.Children("extension").FirstOrDefault(e => e.SelectValue("url") == VerificationStatusUrl);
        var coding = status?.Select("valueCodeableConcept.coding").FirstOrDefault();
        if (coding is null)
            return check.Fail("FND-035 verification status", $"{nhs.Path}.extension", VerificationStatusUrl, "absent",
                "The NHS number identifier must carry the NHSNumberVerificationStatus extension.");
        if (coding.SelectValue("system") != VerificationStatusSystem)
            check.Fail("FND-035 verification status", $"{coding.Path}.system", VerificationStatusSystem, coding.SelectValue("system") ?? "absent",
                "The verification status must be coded from CareConnect-NHSNumberVerificationStatus-1.");
        if (coding.SelectValue("code") != "01")
            check.Fail("FND-036 verified", $"{coding.Path}.code", "01", coding.SelectValue("code") ?? "absent",
                "Only verified patients are shared, so the NHS number verification status must be 01 (Number present and verified).");
        return check;
    }

    /// <summary>FND-037: exactly one official name, with a family name.</summary>
    public static Check OfficialName(ElementNode patient)
    {
        var check = new Check();
        var official = patient.Children("name").Where(n => n.SelectValue("use") == "official").ToList();
        if (official.Count != 1)
            return check.Fail("FND-037 official name", $"{patient.Path}.name", "one name with use official",
                $"{official.Count} (uses: {string.Join(", ", patient.Select("name.use").Select(u => u.Value ?? "none"))})",
                $"A patient must have exactly one name with use \"official\" (the PDS name); found {official.Count}.");
        if (string.IsNullOrWhiteSpace(official[0].SelectValue("family")))
            check.Fail("FND-037 family name", $"{official[0].Path}.family", "a family name", "absent", "The official name must have a family name.");
        return check;
    }

    /// <summary>FND-038: birthDate and an administrative gender.</summary>
    public static Check BirthDateAndGender(ElementNode patient)
    {
        var check = new Check();
        if (string.IsNullOrWhiteSpace(patient.SelectValue("birthDate")))
            check.Fail("FND-038 birthDate", $"{patient.Path}.birthDate", "a birth date", "absent", "Patient.birthDate SHALL be populated.");
        var gender = patient.SelectValue("gender");
        if (gender is not ("male" or "female" or "other" or "unknown"))
            check.Fail("FND-038 gender", $"{patient.Path}.gender", "male, female, other or unknown", gender ?? "absent", "Patient.gender SHALL be populated from CareConnect-AdministrativeGender-1.");
        return check;
    }

    /// <summary>The registrationDetails sub-extension with this url, or null.</summary>
    public static ElementNode? RegistrationDetail(ElementNode patient, string url) =>
        patient.Children("extension").Where(e => e.SelectValue("url") == RegistrationDetailsUrl)
            .SelectMany(e => e.Children("extension")).FirstOrDefault(e => e.SelectValue("url") == url);

    /// <summary>FND-040: registrationDetails.preferredBranchSurgery references a Location; returns its id.</summary>
    public static Check PreferredBranch(ElementNode patient, out string? locationId)
    {
        locationId = null;
        var branch = RegistrationDetail(patient, "preferredBranchSurgery");
        if (branch is null)
            return new Check().Fail("FND-040 preferredBranchSurgery", $"{patient.Path}.extension", "registrationDetails.preferredBranchSurgery", "absent",
                "The patient's registrationDetails.preferredBranchSurgery must reference their preferred surgery (Location/[id]).");
        return FoundationsChecks.RelativeReference(branch, "valueReference", "Location", "FND-040 preferredBranchSurgery", out locationId);
    }

    /// <summary>FND-041: the recorded home address and telephone are returned, each with its use.</summary>
    public static Check AddressAndTelecom(ElementNode patient)
    {
        var check = new Check();
        if (!patient.Children("address").Any(a => a.SelectValue("use") == "home"))
            check.Fail("FND-041 address", $"{patient.Path}.address", "a home address", "absent", "The patient's recorded home address must be returned (with use home).");
        if (!patient.Children("telecom").Any(t => t.SelectValue("system") == "phone" && !string.IsNullOrWhiteSpace(t.SelectValue("use"))))
            check.Fail("FND-041 telecom", $"{patient.Path}.telecom", "a phone with use", "absent", "The patient's recorded telephone number must be returned, with system and use.");
        return check;
    }

    /// <summary>FND-042: contacts are present and each gives the relationship in text, without a coding, and a name with use.</summary>
    public static Check Contacts(ElementNode patient)
    {
        var check = new Check();
        var contacts = patient.Children("contact").ToList();
        if (contacts.Count == 0)
            return check.Fail("FND-042 contact", $"{patient.Path}.contact", "at least one contact", "none",
                "The patient has contacts recorded (test data) but none was returned.");
        foreach (var contact in contacts)
        {
            var relationships = contact.Children("relationship").ToList();
            if (relationships.Count == 0 || relationships.Any(r => string.IsNullOrWhiteSpace(r.SelectValue("text"))))
                check.Fail("FND-042 relationship.text", $"{contact.Path}.relationship.text", "the relationship in text", "absent", "Each contact's relationship SHALL be given in relationship.text.");
            if (relationships.Any(r => r.Children("coding").Any()))
                check.Fail("FND-042 relationship.coding", $"{contact.Path}.relationship.coding", "absent", "present", "contact.relationship.coding SHALL NOT be populated.");
            if (string.IsNullOrWhiteSpace(contact.SelectValue("name.use")))
                check.Fail("FND-042 contact.name.use", $"{contact.Path}.name.use", "a name use", "absent", "A contact's name must carry use.");
        }
        return check;
    }

    /// <summary>The nhsCommunication language coding, or null.</summary>
    public static ElementNode? LanguageCoding(ElementNode patient) =>
        patient.Children("extension").Where(e => e.SelectValue("url") == NhsCommunicationUrl)
            .SelectMany(e => e.Children("extension")).Where(e => e.SelectValue("url") == "language")
            .SelectMany(e => e.Select("valueCodeableConcept.coding")).FirstOrDefault();

    /// <summary>FND-043: nhsCommunication carries a language coded from CareConnect-HumanLanguage-1 and interpreterRequired.</summary>
    public static Check Language(ElementNode patient)
    {
        var check = new Check();
        var coding = LanguageCoding(patient);
        if (coding is null)
            return check.Fail("FND-043 nhsCommunication", $"{patient.Path}.extension", "nhsCommunication.language", "absent", "The patient's recorded language must be returned in nhsCommunication.");
        if (coding.SelectValue("system") != HumanLanguageSystem || string.IsNullOrWhiteSpace(coding.SelectValue("code")))
            check.Fail("FND-043 language coding", coding.Path, $"a code from {HumanLanguageSystem}", $"{coding.SelectValue("system")}|{coding.SelectValue("code")}",
                "nhsCommunication.language must be coded from CareConnect-HumanLanguage-1.");
        var interpreter = patient.Children("extension").Where(e => e.SelectValue("url") == NhsCommunicationUrl)
            .SelectMany(e => e.Children("extension")).FirstOrDefault(e => e.SelectValue("url") == "interpreterRequired")?.SelectValue("valueBoolean");
        if (interpreter is not ("true" or "false"))
            check.Fail("FND-043 interpreterRequired", $"{patient.Path}.extension", "interpreterRequired true/false", interpreter ?? "absent",
                "The patient's recorded interpreter need must be returned in nhsCommunication.interpreterRequired.");
        return check;
    }

    /// <summary>FND-044 / #643: a corrected language code carries the ISO 639-2 display of CareConnect-HumanLanguage-1 v1.1.0.</summary>
    public static Check CorrectedLanguageDisplay(ElementNode patient)
    {
        var check = new Check();
        var coding = LanguageCoding(patient);
        var code = coding?.SelectValue("code");
        if (code is null || !CorrectedLanguageDisplays.TryGetValue(code, out var expected))
            return check.Fail("FND-044 language code", $"{patient.Path}.extension", "language bh, ii, ps or ro", code ?? "absent",
                "The test patient must have one of the languages #643 corrected (bh, ii, ps, ro); check the test data.");
        var display = coding!.SelectValue("display");
        if (display is not null && display != expected)
            check.Fail("FND-044 #643 display", $"{coding.Path}.display", expected, display,
                $"Language {code} must be displayed \"{expected}\" (CareConnect-HumanLanguage-1 v1.1.0, #643), not \"{display}\".");
        return check;
    }

    /// <summary>FND-084/085: registrationType is coded from CareConnect-RegistrationType-1 and is temporary, never regular (R).</summary>
    public static Check TemporaryRegistration(ElementNode patient)
    {
        var check = new Check();
        var coding = RegistrationDetail(patient, "registrationType")?.Select("valueCodeableConcept.coding").FirstOrDefault();
        if (coding is null)
            return check.Fail("FND-084 registrationType", $"{patient.Path}.extension", "registrationDetails.registrationType", "absent",
                "A registered patient SHALL carry registrationDetails.registrationType.");
        if (coding.SelectValue("system") != RegistrationTypeSystem)
            check.Fail("FND-084 registrationType system", $"{coding.Path}.system", RegistrationTypeSystem, coding.SelectValue("system") ?? "absent",
                "registrationType must be coded from CareConnect-RegistrationType-1.");
        var code = coding.SelectValue("code");
        if (code != "T")
            check.Fail("FND-085 temporary", $"{coding.Path}.code", "T", code ?? "absent",
                code == "R" ? "Register a patient MUST NOT create a regular (GMS) registration." : $"Register a patient creates a temporary registration (T), not \"{code}\".");
        return check;
    }

    /// <summary>FND-086/087: the registered patient carries the official name and birth date sent.</summary>
    public static Check DemographicsSent(ElementNode patient, PatientRegistration sent)
    {
        var check = new Check();
        var official = patient.Children("name").FirstOrDefault(n => n.SelectValue("use") == "official");
        if (official?.SelectValue("family") != sent.Family)
            check.Fail("FND-087 family", $"{patient.Path}.name.family", sent.Family, official?.SelectValue("family") ?? "absent", "The registered patient's family name should be the one sent.");
        if (patient.SelectValue("birthDate") != sent.BirthDate)
            check.Fail("FND-087 birthDate", $"{patient.Path}.birthDate", sent.BirthDate, patient.SelectValue("birthDate") ?? "absent", "The registered patient's birth date should be the one sent.");
        return check;
    }
}
