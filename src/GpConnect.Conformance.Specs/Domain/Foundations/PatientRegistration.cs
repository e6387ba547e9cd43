using System.Text.Json;
using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Foundations;

/// <summary>
/// The body of a Register a patient request (spec: Register a patient): a Parameters resource with one
/// <c>registerPatient</c> parameter holding a Patient with meta.profile (#697), the NHS number with its verification
/// status, one official name, birth date and gender. Valid by default; scenarios change one thing at a time with
/// <see cref="Change"/> (the named changes in <see cref="Changes"/>).
/// </summary>
public sealed class PatientRegistration
{
    /// <summary>The profile the Patient declares in meta.profile.</summary>
    public const string PatientProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";
    private const string VerificationUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";
    private const string VerificationSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1";
    private const string NhsCommunicationUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1";

    private readonly JsonObject _parameters;

    /// <summary>A registration for the given demographics.</summary>
    public PatientRegistration(string nhsNumber, string family, string given, string birthDate, string? gender = null)
    {
        NhsNumber = nhsNumber;
        Family = family;
        Given = given;
        BirthDate = birthDate;
        Patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["meta"] = new JsonObject { ["profile"] = new JsonArray(PatientProfile) },
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["extension"] = new JsonArray(new JsonObject
                {
                    ["url"] = VerificationUrl,
                    ["valueCodeableConcept"] = new JsonObject
                    {
                        ["coding"] = new JsonArray(new JsonObject { ["system"] = VerificationSystem, ["code"] = "01", ["display"] = "Number present and verified" }),
                    },
                }),
                ["system"] = FoundationsRequests.NhsNumberSystem,
                ["value"] = nhsNumber,
            }),
            ["name"] = new JsonArray(new JsonObject { ["use"] = "official", ["family"] = family, ["given"] = new JsonArray(given) }),
        };
        if (gender is not null) Patient["gender"] = gender;
        Patient["birthDate"] = birthDate;
        _parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(new JsonObject { ["name"] = "registerPatient", ["resource"] = Patient }),
        };
    }

    /// <summary>The NHS number being registered.</summary>
    public string NhsNumber { get; }
    /// <summary>The official family name sent.</summary>
    public string Family { get; private set; }
    /// <summary>The first given name sent.</summary>
    public string Given { get; }
    /// <summary>The birth date sent (yyyy-mm-dd).</summary>
    public string BirthDate { get; private set; }

    /// <summary>The Patient inside the Parameters (edit it to make a request invalid).</summary>
    public JsonObject Patient { get; }

    /// <summary>Scenario wording of each supported change → what it does. Unknown wording is a step-definition error.</summary>
    public static IReadOnlyDictionary<string, Action<PatientRegistration>> Changes { get; } = new Dictionary<string, Action<PatientRegistration>>(StringComparer.Ordinal)
    {
        ["omits meta.profile"] = r => r.Patient.Remove("meta"),
        ["omits the NHS number"] = r => r.Patient.Remove("identifier"),
        ["omits the birth date"] = r => r.Patient.Remove("birthDate"),
        ["omits the official name"] = r => r.Patient.Remove("name"),
        ["has an official name without a family name"] = r => ((JsonObject)r.Patient["name"]![0]!).Remove("family"),
        ["has two official names"] = r => ((JsonArray)r.Patient["name"]!).Add(new JsonObject { ["use"] = "official", ["family"] = r.Family, ["given"] = new JsonArray("Second") }),
        ["has two home addresses"] = r => r.Add("address", Address("home"), Address("home")),
        ["has a work address"] = r => r.Add("address", Address("work")),
        ["has two home phone numbers"] = r => r.Add("telecom", Phone("home", "01130000001"), Phone("home", "01130000002")),
        ["has two email addresses"] = r => r.Add("telecom", Email("one@example.org"), Email("two@example.org")),
        ["has two nhsCommunication extensions"] = r => r.Add("extension", Communication("en"), Communication("fr")),
        ["sets active"] = r => r.Insert("active", JsonValue.Create(true)),
        ["sets maritalStatus"] = r => r.Insert("maritalStatus", new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/v3/MaritalStatus", ["code"] = "S", ["display"] = "Never Married" }) }),
        ["sets managingOrganization"] = r => r.Patient["managingOrganization"] = new JsonObject { ["reference"] = "Organization/1" },
        ["sets generalPractitioner"] = r => r.Patient["generalPractitioner"] = new JsonArray(new JsonObject { ["reference"] = "Practitioner/1" }),
        ["sets animal"] = r => r.Patient["animal"] = new JsonObject { ["species"] = new JsonObject { ["text"] = "Dog" } },
        ["sets photo"] = r => r.Patient["photo"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["url"] = "https://example.org/photo.png" }),
        ["sets deceasedBoolean"] = r => r.Insert("deceasedBoolean", JsonValue.Create(false)),
        ["sets deceasedDateTime"] = r => r.Insert("deceasedDateTime", "2020-01-01T10:00:00+00:00"),
        ["sets contact"] = r => r.Patient["contact"] = new JsonArray(new JsonObject { ["name"] = new JsonObject { ["family"] = "Relative", ["given"] = new JsonArray("Next") } }),
        ["sets multipleBirthBoolean"] = r => r.Patient["multipleBirthBoolean"] = true,
        ["sets multipleBirthInteger"] = r => r.Patient["multipleBirthInteger"] = 2,
        ["sets communication"] = r => r.Patient["communication"] = new JsonArray(new JsonObject { ["language"] = new JsonObject { ["text"] = "English" } }),
        ["sets link"] = r => r.Patient["link"] = new JsonArray(new JsonObject { ["other"] = new JsonObject { ["reference"] = "Patient/1" }, ["type"] = "seealso" }),
        ["sets a registrationDetails extension"] = r => r.Add("extension", new JsonObject
        {
            ["url"] = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1",
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "registrationType",
                ["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1", ["code"] = "R" }) },
            }),
        }),
        ["has a second identifier without a system"] = r => ((JsonArray)r.Patient["identifier"]!).Add(new JsonObject { ["value"] = "LOCAL-12345" }),
        ["names its body a Bundle instead of Parameters"] = r => SetResourceType(r._parameters, "Bundle"),
        ["names the registerPatient resource an Organization"] = r => SetResourceType(r.Patient, "Organization"),
        ["is a bare Patient instead of Parameters"] = r => r.BareBody = true,
        ["has two registerPatient parameters"] = r => ((JsonArray)r._parameters["parameter"]!).Add(new JsonObject { ["name"] = "registerPatient", ["resource"] = r.Patient.DeepClone() }),
        ["has a different family name"] = r => r.SetFamily("Different"),
        ["has a birth date two parts away from PDS"] = r => r.ShiftBirthDate(months: 3, days: 3),
        ["has a birth date one part away from PDS"] = r => r.ShiftBirthDate(months: 0, days: 1),
        ["has a home address and a temporary address"] = r => r.Add("address", Address("home"), Address("temp")),
        ["has home, mobile and temporary phones and an email"] = r => r.Add("telecom", Phone("home", "01130000001"), Phone("mobile", "07700900001"), Phone("temp", "01130000009"), Email("patient@example.org")),
        ["has one nhsCommunication extension"] = r => r.Add("extension", Communication("fr")),
    };

    /// <summary>Applies the named change (see <see cref="Changes"/>).</summary>
    public PatientRegistration Change(string change)
    {
        if (!Changes.TryGetValue(change, out var apply))
            throw new ArgumentException($"Unknown registration change \"{change}\". Known: {string.Join("; ", Changes.Keys)}.");
        apply(this);
        return this;
    }

    private bool BareBody { get; set; }

    /// <summary>The request body as JSON.</summary>
    public string ToJson() => (BareBody ? Patient : _parameters).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    /// <summary>Rewrites a resource's resourceType, keeping it the first property.</summary>
    private static void SetResourceType(JsonObject resource, string resourceType) => resource["resourceType"] = resourceType;

    private void SetFamily(string family)
    {
        Family = family;
        ((JsonObject)Patient["name"]![0]!)["family"] = family;
    }

    private void ShiftBirthDate(int months, int days)
    {
        var date = DateOnly.ParseExact(BirthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(months).AddDays(days);
        BirthDate = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Patient["birthDate"] = BirthDate;
    }

    private void Add(string element, params JsonNode[] values)
    {
        if (Patient[element] is not JsonArray array) Insert(element, array = []);
        foreach (var value in values) array.Add(value);
    }

    /// <summary>Puts an element in FHIR order (before name for extension/active, after birthDate otherwise).</summary>
    private void Insert(string element, JsonNode value)
    {
        var order = new[] { "resourceType", "meta", "extension", "identifier", "active", "name", "telecom", "gender", "birthDate", "address", "maritalStatus" };
        var rank = Array.IndexOf(order, element);
        var properties = Patient.ToList();
        foreach (var (key, _) in properties) Patient.Remove(key);
        var inserted = false;
        foreach (var (key, node) in properties)
        {
            var keyRank = Array.IndexOf(order, key);
            if (!inserted && rank >= 0 && keyRank > rank) { Patient[element] = value; inserted = true; }
            Patient[key] = node;
        }
        if (!inserted) Patient[element] = value;
    }

    private static JsonObject Address(string use) => new()
    {
        ["use"] = use,
        ["line"] = new JsonArray("2 Station Road"),
        ["city"] = "Leeds",
        ["postalCode"] = "LS1 4DY",
    };

    private static JsonObject Phone(string use, string number) => new() { ["system"] = "phone", ["value"] = number, ["use"] = use };

    private static JsonObject Email(string address) => new() { ["system"] = "email", ["value"] = address, ["use"] = "home" };

    private static JsonObject Communication(string language) => new()
    {
        ["url"] = NhsCommunicationUrl,
        ["extension"] = new JsonArray(
            new JsonObject
            {
                ["url"] = "language",
                ["valueCodeableConcept"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1", ["code"] = language }),
                },
            },
            new JsonObject { ["url"] = "interpreterRequired", ["valueBoolean"] = true }),
    };
}
