using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Appointments;

/// <summary>
/// Appointment Management requests against a test provider, typed out here (not taken from the harness): free-slot search,
/// book, read, amend, cancel and retrieve, with the seeded ids of the reference practice (clock: Monday 1 June 2026).
/// </summary>
public static class AppointmentApi
{
    public const string Book = "urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1";
    public const string Read = "urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1";
    public const string Amend = "urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1";
    public const string Cancel = "urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1";
    public const string Retrieve = "urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1";
    public const string PatientWrite = "patient/*.write";
    public const string CancellationReasonUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";

    /// <summary>Seeded appointment ids (AppointmentSeeder order).</summary>
    public const string ByOtherOrganisation = "1", ByOtherOrganisationToCancel = "2", OutsideGpConnect = "3", Cancelled = "5", Past = "6", Visit = "7", BeyondTwoWeeks = "8";

    /// <summary>Free slots of the week after the clock's Monday, as the harness consumer (gp-practice, GPCC001).</summary>
    public static async Task<IReadOnlyList<JsonObject>> FreeSlotsAsync(ProviderSession s)
    {
        var response = await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule&_include:recurse=Schedule:actor:Location"
            + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CGPCC001&searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1%7Cgp-practice",
            InteractionIds.SearchSlots);
        return response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == "Slot").ToList();
    }

    /// <summary>A valid booking of the slots (one or several) for patient 1, at the location of the first slot's schedule, with a comment and the consumer's organisation type.</summary>
    public static JsonObject Booking(ProviderSession s, params JsonObject[] slots)
    {
        var location = LocationOf(slots[0]);
        return new JsonObject
        {
            ["resourceType"] = "Appointment",
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1") },
            ["contained"] = new JsonArray(new JsonObject
            {
                ["resourceType"] = "Organization",
                ["id"] = "1",
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/ods-organization-code", ["value"] = "GPCC001" }),
                ["type"] = new JsonArray(new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1", ["code"] = "gp-practice" }),
                }),
                ["name"] = "Test consumer",
                ["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = "0300 303 5678" }),
            }),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1",
                ["valueReference"] = new JsonObject { ["reference"] = "#1" },
            }),
            ["status"] = "booked",
            ["description"] = "Test booking",
            ["start"] = slots[0]["start"]!.GetValue<string>(),
            ["end"] = slots[^1]["end"]!.GetValue<string>(),
            ["slot"] = new JsonArray(slots.Select(x => (JsonNode?)new JsonObject { ["reference"] = $"Slot/{x["id"]}" }).ToArray()),
            ["created"] = "2026-06-01T11:00:00+01:00",
            ["comment"] = "Booked by the provider tests",
            ["participant"] = new JsonArray(
                new JsonObject { ["actor"] = new JsonObject { ["reference"] = "Patient/1" }, ["status"] = "accepted" },
                new JsonObject { ["actor"] = new JsonObject { ["reference"] = $"Location/{location}" }, ["status"] = "accepted" }),
        };
    }

    public static Task<FhirResponse> BookAsync(ProviderSession s, JsonObject appointment) => Send(s, HttpMethod.Post, "/Appointment", Book, appointment);

    public static Task<FhirResponse> ReadAsync(ProviderSession s, string id) => s.GetAsync($"/Appointment/{id}", Read, "patient/*.read");

    public static Task<FhirResponse> RetrieveAsync(ProviderSession s, string patientId, string from, string to) =>
        s.GetAsync($"/Patient/{patientId}/Appointment?start=ge{from}&start=le{to}", Retrieve, "patient/*.read");

    /// <summary>PUT with the amend or cancel interaction id and If-Match.</summary>
    public static Task<FhirResponse> PutAsync(ProviderSession s, string interactionId, string id, JsonObject appointment, string? ifMatch) =>
        Send(s, HttpMethod.Put, $"/Appointment/{id}", interactionId, appointment, ifMatch);

    /// <summary>Reads the appointment and sends it back with <paramref name="edit"/> applied, under the given interaction.</summary>
    public static async Task<FhirResponse> EditAsync(ProviderSession s, string interactionId, string id, Action<JsonObject> edit)
    {
        var read = await ReadAsync(s, id);
        if (read.Status != HttpStatusCode.OK) return read;
        var appointment = read.Json;
        edit(appointment);
        return await PutAsync(s, interactionId, id, appointment, read.Headers.GetValueOrDefault("ETag"));
    }

    public static void AddCancellationReason(JsonObject appointment, string reason = "No longer needed") =>
        appointment["extension"]!.AsArray().Add(new JsonObject { ["url"] = CancellationReasonUrl, ["valueString"] = reason });

    public static void MarkCancelled(JsonObject appointment)
    {
        appointment["status"] = "cancelled";
        AddCancellationReason(appointment);
    }

    private static string LocationOf(JsonObject slot) =>
        slot["schedule"]!["reference"]!.GetValue<string>() switch { "Schedule/2" or "Schedule/6" => "2", _ => "1" };

    private static Task<FhirResponse> Send(ProviderSession s, HttpMethod method, string path, string interactionId, JsonObject body, string? ifMatch = null)
    {
        var request = s.Request(path, interactionId, PatientWrite, method);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/fhir+json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return s.SendAsync(request);
    }
}
