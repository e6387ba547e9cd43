using System.Text;
using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>Foundations requests for provider tests: Find/Read a patient and Register a patient bodies (typed out here, not taken from the provider).</summary>
public static class FoundationsRequests
{
    public const string FindPatient = "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1";
    public const string RegisterPatient = "urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1";
    public const string PatientWrite = "patient/*.write";
    public const string PatientProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";

    /// <summary>Seeded registrable PDS demographics (Kowalski, Anna, 1987-04-12).</summary>
    public const string PoolFamily = "Kowalski";
    public const string PoolGiven = "Anna";
    public const string PoolBirthDate = "1987-04-12";

    public static Task<FhirResponse> FindPatientAsync(this ProviderSession s, string nhsNumber) =>
        s.GetAsync("/Patient?identifier=" + Uri.EscapeDataString("https://fhir.nhs.uk/Id/nhs-number") + "%7C" + nhsNumber, FindPatient, InteractionIds.PatientRead);

    public static Task<FhirResponse> ReadPatientAsync(this ProviderSession s, string id) =>
        s.GetAsync("/Patient/" + id, InteractionIds.ReadPatient, InteractionIds.PatientRead);

    /// <summary>A valid registerPatient Patient (meta.profile, NHS number, official name, birth date).</summary>
    public static JsonObject Patient(string nhsNumber, string family = PoolFamily, string given = PoolGiven, string birthDate = PoolBirthDate) => new()
    {
        ["resourceType"] = "Patient",
        ["meta"] = new JsonObject { ["profile"] = new JsonArray(PatientProfile) },
        ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = nhsNumber }),
        ["name"] = new JsonArray(new JsonObject { ["use"] = "official", ["family"] = family, ["given"] = new JsonArray(given) }),
        ["birthDate"] = birthDate,
    };

    /// <summary>The Parameters body around a Patient.</summary>
    public static JsonObject Parameters(JsonObject patient) => new()
    {
        ["resourceType"] = "Parameters",
        ["parameter"] = new JsonArray(new JsonObject { ["name"] = "registerPatient", ["resource"] = patient }),
    };

    public static Task<FhirResponse> RegisterAsync(this ProviderSession s, JsonObject patient) => s.RegisterBodyAsync(Parameters(patient).ToJsonString());

    public static Task<FhirResponse> RegisterBodyAsync(this ProviderSession s, string body, string mediaType = "application/fhir+json")
    {
        var request = s.Request("/Patient/$gpc.registerpatient", RegisterPatient, PatientWrite, HttpMethod.Post);
        request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        return s.SendAsync(request);
    }
}
