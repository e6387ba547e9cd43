using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Appointments;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// Probes for the HTTP-level faults (Cache-Control on every answer, format negotiation per interaction, capability
/// statement declarations, JWT lifetime, URLs and methods): each true only when its own fault's deviation shows, so each
/// also checks that the behaviour a broader fault would change is still right.
/// </summary>
public static class HttpLevelFaultProbes
{
    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["no-cache-control-on-appointments"] = async s =>
                NoStore(await s.MetadataAsync()) && !NoStore(await AppointmentApi.ReadAsync(s, AppointmentApi.ByOtherOrganisation)),
            // Every class of error answer lacks it (a fault of one class alone leaves the others with it).
            ["no-cache-control-on-errors"] = async s =>
            {
                if (!NoStore(await s.MetadataAsync())) return false;
                foreach (var (expected, send) in ErrorAnswers)
                    if (await send(s) is var response && (response.Status != expected || NoStore(response))) return false;
                return true;
            },
            ["no-cache-control-on-bad-request"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.BadRequest),
            ["no-cache-control-on-not-found"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.NotFound),
            ["no-cache-control-on-conflict"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.Conflict),
            ["no-cache-control-on-unsupported-media-type"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.UnsupportedMediaType),
            ["no-cache-control-on-unprocessable"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.UnprocessableEntity),
            ["no-cache-control-on-not-implemented"] = s => OnlyThisErrorClassLacksNoStore(s, HttpStatusCode.NotImplemented),
            ["practitioner-read-ignores-format"] = async s =>
                IsXml(await WithAccept(s, "/metadata", InteractionIds.Metadata, InteractionIds.OrganizationRead))
                && !IsXml(await WithAccept(s, "/Practitioner/1", InteractionIds.ReadPractitioner, InteractionIds.OrganizationRead)),
            ["find-patient-xml-label-on-json"] = async s =>
                await WithAccept(s, "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9690000012", FoundationsRequests.FindPatient, InteractionIds.PatientRead) is var found
                && IsXml(found) && found.Body.TrimStart().StartsWith('{'),
            ["capability-without-appointment-update"] = async s => !Interactions(await s.MetadataAsync(), "Appointment").Contains("update"),
            ["capability-without-slot-practitioner-include"] = async s =>
                !(Resource(await s.MetadataAsync(), "Slot")?["searchInclude"]?.AsArray().Any(i => i!.GetValue<string>() == "Schedule:actor:Practitioner") ?? false),
            ["capability-without-software-version"] = async s => (await s.MetadataAsync()).Json["software"]?["version"] is null,
            ["capability-format-without-xml"] = async s => !(await s.MetadataAsync()).Json["format"]!.AsArray().Any(f => f!.GetValue<string>() == "application/fhir+xml"),
            ["accept-jwt-lifetime-not-300"] = async s =>
            {
                var payload = s.Payload();
                payload["exp"] = payload["iat"]!.GetValue<long>() + 299;
                var request = s.Request("/metadata", InteractionIds.Metadata);
                ProviderSession.SetBearer(request, TestJwt.Encode(TestJwt.Header(), payload));
                return (await s.SendAsync(request)).Status == HttpStatusCode.OK;
            },
            ["paths-case-insensitive"] = async s => (await s.GetAsync("/Metadata", InteractionIds.Metadata)).Status == HttpStatusCode.OK,
            ["empty-id-server-error"] = async s => (await s.GetAsync("/Patient/", InteractionIds.ReadPatient, InteractionIds.PatientRead)).Status == HttpStatusCode.InternalServerError,
            ["operation-name-prefix-matched"] = async s =>
                SpineCode(await Post(s, "/Patient/$gpc.registerpatien", FoundationsRequests.RegisterPatient, new JsonObject { ["resourceType"] = "Parameters" })) is not ("BAD_REQUEST" or "NOT_IMPLEMENTED"),
            ["booking-on-instance-url"] = async s =>
                SpineCode(await Post(s, "/Appointment/1", AppointmentApi.Book, new JsonObject { ["resourceType"] = "Appointment" })) is not ("BAD_REQUEST" or "NOT_IMPLEMENTED"),
        };

    /// <summary>
    /// True when the error answer of <paramref name="status"/> lacks Cache-Control: no-store while a success and every
    /// other class of error answer keep it, each request giving the status it is sent for (so the fault's own run proves the
    /// requests reach their class).
    /// </summary>
    private static async Task<bool> OnlyThisErrorClassLacksNoStore(ProviderSession s, HttpStatusCode status)
    {
        if (!NoStore(await s.MetadataAsync())) return false;
        foreach (var (expected, send) in ErrorAnswers)
        {
            var response = await send(s);
            if (response.Status != expected || NoStore(response) == (expected == status)) return false;
        }
        return true;
    }

    /// <summary>One request per class of error answer the provider gives, none of which changes the practice's data.</summary>
    private static readonly (HttpStatusCode Status, Func<ProviderSession, Task<FhirResponse>> Send)[] ErrorAnswers =
    [
        (HttpStatusCode.BadRequest, s =>
        {
            var request = s.Request("/metadata", InteractionIds.Metadata);
            ProviderSession.SetHeader(request, "Ssp-From", null);
            return s.SendAsync(request);
        }),
        (HttpStatusCode.NotFound, s => s.GetAsync("/Location/999", InteractionIds.ReadLocation)),
        (HttpStatusCode.Conflict, async s =>
        {
            var read = await AppointmentApi.ReadAsync(s, AppointmentApi.ByOtherOrganisation);
            return await AppointmentApi.PutAsync(s, AppointmentApi.Amend, AppointmentApi.ByOtherOrganisation, read.Json, "W/\"stale\"");
        }),
        (HttpStatusCode.UnsupportedMediaType, s =>
        {
            var request = s.Request("/metadata", InteractionIds.Metadata);
            request.Headers.Remove("Accept");
            request.Headers.TryAddWithoutValidation("Accept", "text/plain");
            return s.SendAsync(request);
        }),
        (HttpStatusCode.UnprocessableEntity, s => AppointmentApi.BookAsync(s, new JsonObject { ["resourceType"] = "Appointment" })),
        (HttpStatusCode.NotImplemented, s => s.GetAsync("/Encounter/1", InteractionIds.Metadata)),
    ];

    private static bool NoStore(FhirResponse response) =>
        response.Headers.TryGetValue("Cache-Control", out var value) && value.Contains("no-store", StringComparison.OrdinalIgnoreCase);

    private static bool IsXml(FhirResponse response) => (response.ContentType ?? "").StartsWith("application/fhir+xml", StringComparison.Ordinal);

    private static Task<FhirResponse> WithAccept(ProviderSession s, string path, string interactionId, string scope)
    {
        var request = s.Request(path, interactionId, scope);
        request.Headers.Remove("Accept");
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");
        return s.SendAsync(request);
    }

    private static Task<FhirResponse> Post(ProviderSession s, string path, string interactionId, JsonObject body)
    {
        var request = s.Request(path, interactionId, AppointmentApi.PatientWrite, HttpMethod.Post);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/fhir+json");
        return s.SendAsync(request);
    }

    /// <summary>The Spine code of an OperationOutcome answer; null for any other answer (e.g. a success).</summary>
    private static string? SpineCode(FhirResponse response) =>
        response.Body.TrimStart().StartsWith('{') && response.Json["resourceType"]?.GetValue<string>() == "OperationOutcome"
            ? response.Json["issue"]?[0]?["details"]?["coding"]?[0]?["code"]?.GetValue<string>()
            : null;

    private static JsonObject? Resource(FhirResponse metadata, string type) =>
        metadata.Json["rest"]?[0]?["resource"]?.AsArray().OfType<JsonObject>().FirstOrDefault(r => r["type"]?.GetValue<string>() == type);

    private static IReadOnlyList<string> Interactions(FhirResponse metadata, string type) =>
        Resource(metadata, type)?["interaction"]?.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList() ?? [];
}
