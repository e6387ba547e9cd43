using System.Globalization;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Patients;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>
/// Renders a practice patient as a CareConnect-GPC-Patient-1 resource (spec: Find a patient population table): NHS
/// number with its verification status first, one official name, birth date, gender, home/temporary addresses and
/// telecoms, contacts with the relationship in text, registration details, nhsCommunication and the managing
/// organisation (the practice addressed). Local-only data (ethnicity, religion, marital status…) is never shared.
/// </summary>
internal sealed class PatientResource(PracticeStore practice, ActiveFaults faults)
{
    public const string RegistrationDetailsUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1";
    public const string NhsCommunicationUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1";
    public const string VerificationStatusUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    public const string VerificationStatusSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    public const string RegistrationTypeSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1";
    public const string HumanLanguageSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1";
    private const string EthnicCategoryUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-EthnicCategory-1";
    private const string EthnicCategorySystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-EthnicCategory-1";

    /// <summary>The displays #643 corrected to ISO 639-2, and what they were before (used only by the fault that undoes #643).</summary>
    private static readonly IReadOnlyDictionary<string, string> DisplaysBefore643 = new Dictionary<string, string>
    {
        ["bh"] = "Bihari", ["ii"] = "Sichuan Yi", ["ps"] = "Pushto", ["ro"] = "Romanian",
    };

    /// <summary>The Patient resource; <paramref name="withRegistrationType"/> for Register responses (registrationType SHALL be populated).</summary>
    public JsonObject Render(PracticePatient p, bool withRegistrationType = false)
    {
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = p.Id,
            ["meta"] = new JsonObject { ["versionId"] = p.VersionId, ["profile"] = new JsonArray(Profiles.Patient) },
        };
        var extensions = new JsonArray();
        var registration = new JsonArray();
        if (p.RegistrationStart is { } start)
            registration.Add(new JsonObject { ["url"] = "registrationPeriod", ["valuePeriod"] = new JsonObject { ["start"] = Date(start) } });
        if (withRegistrationType)
            registration.Add(new JsonObject { ["url"] = "registrationType", ["valueCodeableConcept"] = Coded(RegistrationTypeSystem, p.RegistrationType, p.RegistrationType == PracticePatient.Temporary ? "Temporary" : "Regular") });
        if (p.PreferredBranchLocationId is { } branch)
            registration.Add(new JsonObject { ["url"] = "preferredBranchSurgery", ["valueReference"] = new JsonObject { ["reference"] = $"Location/{branch}" } });
        if (registration.Count > 0) extensions.Add(new JsonObject { ["url"] = RegistrationDetailsUrl, ["extension"] = registration });
        if (p.Language is { } language)
        {
            var display = faults.Waives(ProviderRule.PatientLanguageDisplaysIso6392) && DisplaysBefore643.TryGetValue(language.Code, out var old) ? old : language.Display;
            var parts = new JsonArray(new JsonObject { ["url"] = "language", ["valueCodeableConcept"] = Coded(HumanLanguageSystem, language.Code, display) });
            if (language.InterpreterRequired is { } interpreter) parts.Add(new JsonObject { ["url"] = "interpreterRequired", ["valueBoolean"] = interpreter });
            extensions.Add(new JsonObject { ["url"] = NhsCommunicationUrl, ["extension"] = parts });
        }
        var leak = p.LocalOnly is not null && faults.Waives(ProviderRule.PatientWithholdsLocalOnlyData) ? p.LocalOnly : null;
        if (leak is not null)
            extensions.Add(new JsonObject { ["url"] = EthnicCategoryUrl, ["valueCodeableConcept"] = Coded(EthnicCategorySystem, "N", leak.Ethnicity) });
        if (extensions.Count > 0) patient["extension"] = extensions;

        patient["identifier"] = new JsonArray(new JsonObject
        {
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = VerificationStatusUrl,
                ["valueCodeableConcept"] = Coded(VerificationStatusSystem, "01", "Number present and verified"),
            }),
            ["system"] = Systems.NhsNumber,
            ["value"] = p.NhsNumber,
        });
        patient["active"] = p.Status == RegistrationStatus.Active;
        patient["name"] = new JsonArray(Name(p.Name, "official"));
        if (p.Telecoms.Count > 0) patient["telecom"] = new JsonArray(p.Telecoms.Select(Telecom).ToArray<JsonNode?>());
        patient["gender"] = p.Gender;
        patient["birthDate"] = Date(p.BirthDate);
        if (p.Addresses.Count > 0) patient["address"] = new JsonArray(p.Addresses.Select(Address).ToArray<JsonNode?>());
        if (leak is not null)
        {
            patient["maritalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/v3/MaritalStatus", ["code"] = "M", ["display"] = leak.MaritalStatus }) };
            patient["multipleBirthBoolean"] = leak.MultipleBirth;
        }
        if (p.Contacts.Count > 0) patient["contact"] = new JsonArray(p.Contacts.Select(Contact).ToArray<JsonNode?>());
        patient["managingOrganization"] = new JsonObject { ["reference"] = $"Organization/{practice.Organization.Id}" };
        return faults.Decorate(patient);
    }

    /// <summary>The Register response: a GPConnect-Searchset-Bundle-1 (no total, no link) holding the one Patient.</summary>
    public JsonObject RegisterBundle(PracticePatient p) => faults.Decorate(new JsonObject
    {
        ["resourceType"] = "Bundle",
        ["meta"] = new JsonObject { ["profile"] = new JsonArray(Profiles.SearchsetBundle) },
        ["type"] = "searchset",
        ["entry"] = new JsonArray(new JsonObject { ["resource"] = Render(p, withRegistrationType: true) }),
    });

    private static JsonObject Name(PersonName name, string use)
    {
        var node = new JsonObject { ["use"] = use, ["family"] = name.Family };
        if (name.Given.Count > 0) node["given"] = Strings(name.Given);
        if (name.Prefix.Count > 0) node["prefix"] = Strings(name.Prefix);
        return node;
    }

    private static JsonObject Telecom(PatientTelecom t)
    {
        var node = new JsonObject { ["system"] = t.System, ["value"] = t.Value, ["use"] = t.Use };
        if (t.End is { } end) node["period"] = new JsonObject { ["end"] = Date(end) };
        return node;
    }

    private static JsonObject Address(PatientAddress a)
    {
        var node = new JsonObject
        {
            ["use"] = a.Use,
            ["type"] = "physical",
            ["line"] = Strings(a.Address.Lines),
            ["city"] = a.Address.City,
            ["district"] = a.Address.District,
            ["postalCode"] = a.Address.PostalCode,
        };
        if (a.End is { } end) node["period"] = new JsonObject { ["end"] = Date(end) };
        return node;
    }

    private static JsonObject Contact(PatientContact c)
    {
        var node = new JsonObject
        {
            ["relationship"] = new JsonArray(new JsonObject { ["text"] = c.Relationship }),
            ["name"] = Name(c.Name, "usual"),
        };
        if (c.Telephone is not null) node["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = c.Telephone, ["use"] = "mobile" });
        return node;
    }

    private static JsonObject Coded(string system, string code, string display) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }) };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
