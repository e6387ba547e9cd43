using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// One observation per fault: true when the provider shows that fault's deviation. Each probe asks a question
/// a conformance check would ask, through plain HTTP.
/// </summary>
public static class FaultProbes
{
    private const string SlotQuery = "/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["capability-wrong-version"] = async s => (await s.MetadataAsync()).Json["version"]!.GetValue<string>() != "1.2.7",
            ["slot-two-service-types"] = async s => Resources(await Slots(s), "Slot").Any(r => r["serviceType"]!.AsArray().Count == 2),
            ["schedule-two-service-categories"] = async s => Resources(await Slots(s), "Schedule").Any(r => r["serviceCategory"] is JsonArray),
            ["accept-missing-interaction-id"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-InteractionID", null)),
            ["accept-wrong-ssp-to"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-To", "200000000115")),
            ["accept-expired-jwt"] = s => ServedWithPayload(s, p => { p["exp"] = s.Clock.Now.ToUnixTimeSeconds() - 600; p["iat"] = s.Clock.Now.ToUnixTimeSeconds() - 900; }),
            ["accept-wrong-jwt-audience"] = s => ServedWithPayload(s, p => p["aud"] = "https://elsewhere.example/X/STU3/1/gpconnect"),
            ["no-cache-control"] = async s => !(await s.MetadataAsync()).Headers.ContainsKey("Cache-Control"),
            ["unsupported-format-served-as-json"] = s => Served(s, r => r.Headers.TryAddWithoutValidation("Accept", "text/plain")),
            ["slot-search-window-unlimited"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-22&_include=Slot:schedule", InteractionIds.SearchSlots)).Status == HttpStatusCode.OK,
            ["slot-search-returns-visit"] = async s => Resources(await Slots(s), "Slot").Any(r => r["extension"]![0]!["valueCode"]!.GetValue<string>() == "Visit"),
            ["slot-search-omits-organization"] = async s => !Resources(await Slots(s), "Organization").Any(),
            ["slot-search-ignores-restrictions"] = async s =>
            {
                var restricted = PracticeSeeder.Seed("A20047", s.Clock).Slots(x => x.Restriction != BookingRestriction.None).Select(x => x.Id).ToHashSet();
                return Resources(await Slots(s), "Slot").Any(r => restricted.Contains(r["id"]!.GetValue<string>()));
            },
            ["slot-utc-times"] = async s => Resources(await Slots(s), "Slot").Any(r => r["start"]!.GetValue<string>().EndsWith('Z')),
            ["bundle-full-url"] = async s => (await Slots(s)).Json["entry"]?.AsArray().Any(e => e!.AsObject().ContainsKey("fullUrl")) == true,
            ["read-without-etag"] = async s => !(await s.GetAsync("/Location/1", InteractionIds.ReadLocation)).Headers.ContainsKey("ETag"),
            ["find-ignores-identifier-system"] = async s =>
                (await s.GetAsync("/Organization?identifier=https%3A%2F%2Fexample.org%2Fid%7CA20047", InteractionIds.FindOrganization)).Status == HttpStatusCode.OK,
            ["practitioner-with-telecom"] = async s => (await s.GetAsync("/Practitioner/1", InteractionIds.ReadPractitioner)).Json.ContainsKey("telecom"),
            ["location-address-array"] = async s => (await s.GetAsync("/Location/1", InteractionIds.ReadLocation)).Json["address"] is JsonArray,
            ["error-without-profile"] = async s => !(await s.GetAsync("/Location/999", InteractionIds.ReadLocation)).Json.ContainsKey("meta"),
        }.Concat(CoreFaultProbes.All).Concat(FoundationsFaultProbes.All).Concat(Appointments.AppointmentFaultProbes.All).Concat(SlotSearchFaultProbes.All).Concat(ClockChangeFaultProbes.All).Concat(HttpLevelFaultProbes.All).Concat(RequestValidationFaultProbes.All).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Task<FhirResponse> Slots(ProviderSession s) => s.GetAsync(SlotQuery, InteractionIds.SearchSlots);

    private static IEnumerable<JsonObject> Resources(FhirResponse response, string type) =>
        response.Status == HttpStatusCode.OK ? response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == type) : [];

    private static async Task<bool> Served(ProviderSession s, Action<HttpRequestMessage> spoil)
    {
        var request = s.Request("/metadata", InteractionIds.Metadata);
        spoil(request);
        return (await s.SendAsync(request)).Status == HttpStatusCode.OK;
    }

    private static Task<bool> ServedWithPayload(ProviderSession s, Action<JsonObject> spoil)
    {
        var payload = s.Payload();
        spoil(payload);
        return Served(s, r => ProviderSession.SetBearer(r, TestJwt.Encode(TestJwt.Header(), payload)));
    }
}
