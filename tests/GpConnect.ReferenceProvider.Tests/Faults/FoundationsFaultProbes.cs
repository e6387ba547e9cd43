using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>One observation per Foundations fault, each on records no other Foundations probe changes.</summary>
public static class FoundationsFaultProbes
{
    private const string OdsQuery = "/Organization?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7C";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } = new Dictionary<string, Func<ProviderSession, Task<bool>>>
    {
        ["capability-wrong-fhir-version"] = async s => (await s.MetadataAsync()).Json["fhirVersion"]!.GetValue<string>() != "3.0.1",
        ["capability-cors-as-string"] = async s => (await s.MetadataAsync()).Json["rest"]![0]!["security"]?["cors"]?.GetValueKind() == System.Text.Json.JsonValueKind.String,
        ["capability-without-register-operation"] = async s => (await s.MetadataAsync()).Json["rest"]![0]!["operation"] is null,
        ["find-without-identifier-answers-empty"] = async s => (await s.GetAsync("/Organization", InteractionIds.FindOrganization)).Status == HttpStatusCode.OK,
        ["find-no-match-not-found"] = async s => (await s.GetAsync(OdsQuery + "X99999", InteractionIds.FindOrganization)).Status == HttpStatusCode.NotFound,
        ["find-refuses-unknown-parameters"] = async s => (await s.GetAsync(OdsQuery + "A20047&_count=1", InteractionIds.FindOrganization)).Status == HttpStatusCode.BadRequest,
        ["find-accepts-repeated-identifier"] = async s =>
            (await s.GetAsync(OdsQuery + "A20047&identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CA20047", InteractionIds.FindOrganization)).Status == HttpStatusCode.OK,
        ["find-incomplete-token-answers-empty"] = async s => (await s.GetAsync("/Organization?identifier=A20047", InteractionIds.FindOrganization)).Status == HttpStatusCode.OK,
        ["register-malformed-body-crashes"] = async s => (await s.RegisterBodyAsync("{\"resourceType\":")).Status == HttpStatusCode.InternalServerError,
        ["patient-version-per-request"] = async s =>
            (await s.ReadPatientAsync("2")).Json["meta"]!["versionId"]!.GetValue<string>() != (await s.ReadPatientAsync("2")).Json["meta"]!["versionId"]!.GetValue<string>(),
        ["read-not-found-catch-all-code"] = async s => (await s.GetAsync("/Practitioner/999", InteractionIds.ReadPractitioner)).Body.Contains("NO_RECORD_FOUND", StringComparison.Ordinal),
        ["location-unknown-id-server-error"] = async s => (await s.GetAsync("/Location/999", InteractionIds.ReadLocation)).Status == HttpStatusCode.InternalServerError,
        ["organization-with-endpoint"] = async s => (await s.GetAsync("/Organization/1", InteractionIds.ReadOrganization)).Json.ContainsKey("endpoint"),
        ["organization-ods-code-wrong-system"] = async s =>
            (await s.GetAsync("/Organization/1", InteractionIds.ReadOrganization)).Json["identifier"]![0]!["system"]!.GetValue<string>() != "https://fhir.nhs.uk/Id/ods-organization-code",
        ["practitioner-sds-id-wrong-system"] = async s =>
            (await s.GetAsync("/Practitioner/1", InteractionIds.ReadPractitioner)).Json["identifier"]![0]!["system"]!.GetValue<string>() != "https://fhir.nhs.uk/Id/sds-user-id",
        ["practitioner-without-role-profiles"] = async s => !(await s.GetAsync("/Practitioner/3", InteractionIds.ReadPractitioner)).Body.Contains("sds-role-profile-id", StringComparison.Ordinal),
        ["practitioner-without-language"] = async s => !(await s.GetAsync("/Practitioner/4", InteractionIds.ReadPractitioner)).Json.ContainsKey("extension"),
        ["location-without-managing-organization"] = async s => !(await s.GetAsync("/Location/2", InteractionIds.ReadLocation)).Json.ContainsKey("managingOrganization"),

        ["patient-find-invalid-nhs-number-accepted"] = async s => (await s.FindPatientAsync("969000000")).Status == HttpStatusCode.OK,
        ["patient-find-returns-non-active"] = async s => await Found(s, "9690000047") == 1,
        ["patient-find-returns-sensitive"] = async s => await Found(s, "9690000071") == 1,
        ["patient-find-omits-unverified"] = async s => await Found(s, "9690000128") == 0,
        ["patient-find-skips-pds-checks"] = async s => await Found(s, "9690000144") == 1,
        ["patient-find-only-regular"] = async s => await Found(s, "9690000101") == 0,
        ["patient-dissent-applied"] = async s => (await s.ReadPatientAsync("9")).Status == HttpStatusCode.NotFound,
        ["patient-read-returns-sensitive"] = async s => (await s.ReadPatientAsync("8")).Status == HttpStatusCode.OK,
        ["patient-shares-local-only-data"] = async s => (await s.FindPatientAsync("9690000039")).Entries().Single().ContainsKey("maritalStatus"),
        ["patient-language-old-display"] = async s => Language(await s.FindPatientAsync("9690000020"))?["display"]?.GetValue<string>() == "Bihari",
        ["patient-language-without-interpreter"] = async s =>
            !(await s.FindPatientAsync("9690000012")).Entries().Single()["extension"]!.AsArray().Any(e => e!["extension"]?.AsArray().Any(x => x!["url"]!.GetValue<string>() == "interpreterRequired") == true),
        ["patient-without-meta-profile"] = async s => (await s.ReadPatientAsync("1")).Json["meta"]!["profile"] is null,
        ["patient-nhs-number-wrong-system"] = async s => (await s.ReadPatientAsync("1")).Json["identifier"]![0]!["system"]!.GetValue<string>() != "https://fhir.nhs.uk/Id/nhs-number",
        ["patient-name-not-official"] = async s => (await s.ReadPatientAsync("1")).Json["name"]![0]!["use"]!.GetValue<string>() != "official",
        ["patient-without-managing-organization"] = async s => !(await s.ReadPatientAsync("1")).Json.ContainsKey("managingOrganization"),
        ["patient-without-preferred-branch"] = async s => !(await s.ReadPatientAsync("1")).Body.Contains("preferredBranchSurgery", StringComparison.Ordinal),
        ["patient-contact-relationship-coded"] = async s => (await s.ReadPatientAsync("1")).Json["contact"]![0]!["relationship"]![0]!["coding"] is not null,

        ["register-answers-201"] = async s => (await s.RegisterAsync(FoundationsRequests.Patient("9690000209"))).Status == HttpStatusCode.Created,
        ["register-bundle-without-profile"] = async s => (await s.RegisterAsync(FoundationsRequests.Patient("9690000217"))).Json["meta"] is null,
        ["register-as-regular"] = async s => (await s.RegisterAsync(FoundationsRequests.Patient("9690000225"))).Body.Contains("\"code\":\"R\"", StringComparison.Ordinal),
        ["register-accepts-duplicate"] = async s => Registered(await s.RegisterAsync(FoundationsRequests.Patient("9690000004", "Jackson", "Jane", "1952-05-31"))),
        ["register-accepts-deceased"] = async s => Registered(await s.RegisterAsync(FoundationsRequests.Patient("9690000349", "Ashworth", "Edith", "1940-01-30"))),
        ["register-accepts-sensitive"] = async s => Registered(await s.RegisterAsync(FoundationsRequests.Patient("9690000357", "Private", "Sam", "1985-08-08"))),
        ["register-pds-flags-as-demographics"] = async s =>
            (await s.RegisterAsync(FoundationsRequests.Patient("9690000365", "Holt", "Brian", "1972-06-14"))).Body.Contains("INVALID_PATIENT_DEMOGRAPHICS", StringComparison.Ordinal),
        ["register-skips-pds-verification"] = async s => Registered(await s.RegisterAsync(FoundationsRequests.Patient("9690000381", "Nobody", "Nora", "1980-02-02"))),
        ["register-ignores-meta-profile"] = async s =>
        {
            var patient = FoundationsRequests.Patient("9690000233");
            patient.Remove("meta");
            return Registered(await s.RegisterAsync(patient));
        },
        ["nhs-assurance-register-errors"] = async s =>
        {
            var patient = FoundationsRequests.Patient("9690000268");
            patient.Remove("birthDate");
            var response = await s.RegisterAsync(patient);
            return response.Status == HttpStatusCode.BadRequest && response.Body.Contains("BAD_REQUEST", StringComparison.Ordinal);
        },
        ["register-accepts-invalid-patient"] = async s =>
        {
            var patient = FoundationsRequests.Patient("9690000241");
            patient.Remove("birthDate");
            return Registered(await s.RegisterAsync(patient));
        },
    };

    /// <summary>How many patients Find returns for the NHS number, or -1 when it does not answer a searchset.</summary>
    private static async Task<int> Found(ProviderSession s, string nhsNumber)
    {
        var response = await s.FindPatientAsync(nhsNumber);
        return response.Status == HttpStatusCode.OK ? response.Entries().Count : -1;
    }

    private static bool Registered(FhirResponse response) => (int)response.Status is >= 200 and < 300;

    private static JsonNode? Language(FhirResponse response) =>
        response.Entries().Single()["extension"]!.AsArray()
            .Select(e => e!["extension"]?.AsArray().FirstOrDefault(x => x!["url"]!.GetValue<string>() == "language"))
            .FirstOrDefault(x => x is not null)?["valueCodeableConcept"]!["coding"]![0];
}
