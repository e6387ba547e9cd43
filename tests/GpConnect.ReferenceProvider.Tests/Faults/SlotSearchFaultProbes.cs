using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// One observation per Search for free slots fault of the window, bundle-shape and parameter rules (merged into
/// FaultProbes.All). The test clock's today is Monday 2026-06-01 (BST), so 2026-06-02 is a weekday with seeded diaries.
/// </summary>
public static class SlotSearchFaultProbes
{
    private const string Week = "/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["slot-search-overlapping-slots"] = async s =>
                Of(await Search(s, "status=free&start=ge2026-06-03T09:15:00%2B01:00&end=le2026-06-03T13:10:00%2B01:00&_include=Slot:schedule"), "Slot")
                    .Any(slot => Instant(slot["start"]!) < new DateTimeOffset(2026, 6, 3, 9, 15, 0, TimeSpan.FromHours(1))
                        || Instant(slot["end"]!) > new DateTimeOffset(2026, 6, 3, 13, 10, 0, TimeSpan.FromHours(1))),
            ["slot-search-drops-a-schedule"] = async s =>
                await s.GetAsync(Week, InteractionIds.SearchSlots) is var week
                && Of(week, "Schedule").Count() < ScheduleReferences(week),
            ["slot-search-returns-all-schedules"] = async s =>
                await s.GetAsync(Week, InteractionIds.SearchSlots) is var week
                && Of(week, "Schedule").Count() > ScheduleReferences(week),
            ["schedule-without-location-actor"] = async s =>
                Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Schedule")
                    .Any(schedule => !schedule["actor"]!.AsArray().Any(a => a!["reference"]!.GetValue<string>().StartsWith("Location/", StringComparison.Ordinal))),
            ["slot-search-organization-when-empty"] = async s =>
                Of(await Search(s, "status=free&start=ge2026-08-03&end=le2026-08-07&_include=Slot:schedule"), "Organization").Any(),
            ["slot-with-specialty"] = async s => Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Slot").Any(slot => slot.ContainsKey("specialty")),
            ["schedule-with-comment"] = async s => Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Schedule").Any(schedule => schedule.ContainsKey("comment")),
            ["schedule-role-wrong-system"] = async s =>
                Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Schedule")
                    .Any(schedule => schedule["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["system"]!.GetValue<string>().Contains("hl7.org.uk", StringComparison.Ordinal)),
            ["schedule-role-unlisted-code"] = async s =>
                Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Schedule")
                    .Any(schedule => schedule["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>() == "R0050"),
            ["appointment-role-wrong-display"] = async s =>
                await ReadAsync(s, Visit) is { Status: HttpStatusCode.OK } read && read.Json["extension"]!.AsArray()
                    .Any(e => e!["valueCodeableConcept"]?["coding"]?[0]?["display"]?.GetValue<string>() == "Clinician"),
            ["slot-search-offers-unbookable"] = async s =>
            {
                var unbookable = PracticeSeeder.Seed("A20047", s.Clock).Slots(x => !x.GpConnectBookable).Select(x => x.Id).ToHashSet();
                return Of(await s.GetAsync(Week, InteractionIds.SearchSlots), "Slot").Any(slot => unbookable.Contains(slot["id"]!.GetValue<string>()));
            },
            ["slot-search-accepts-reversed-window"] = async s =>
                (await Search(s, "status=free&start=ge2026-06-05&end=le2026-06-02&_include=Slot:schedule")).Status == HttpStatusCode.OK,
            ["slot-search-status-optional"] = async s =>
                (await Search(s, "start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule")).Status == HttpStatusCode.OK,
            ["slot-search-defaults-unusable-bounds"] = async s =>
                (await Search(s, "status=free&start=geinvalidDate&end=le2026-06-05&_include=Slot:schedule")).Status == HttpStatusCode.OK,
            ["slot-search-ignores-prefixes"] = async s =>
                (await Search(s, "status=free&start=gt2026-06-02&end=le2026-06-05&_include=Slot:schedule")).Status == HttpStatusCode.OK,
            ["slot-search-date-end-exclusive"] = async s =>
                await Search(s, "status=free&start=ge2026-06-02&end=le2026-06-02&_include=Slot:schedule") is { Status: HttpStatusCode.OK } day && !Of(day, "Slot").Any(),
            ["slot-search-refuses-datetimes"] = async s =>
                (await Search(s, "status=free&start=ge2026-06-02T09:00:00%2B01:00&end=le2026-06-03T09:00:00%2B01:00&_include=Slot:schedule")).Status == HttpStatusCode.UnprocessableEntity,
            ["slot-search-refuses-two-weeks"] = async s =>
                (await Search(s, "status=free&start=ge2026-06-02T00:00:00%2B01:00&end=le2026-06-03T00:00:00%2B01:00&_include=Slot:schedule")).Status == HttpStatusCode.OK
                && (await Search(s, "status=free&start=ge2026-06-02T00:00:00%2B01:00&end=le2026-06-16T00:00:00%2B01:00&_include=Slot:schedule")).Status == HttpStatusCode.UnprocessableEntity,
            ["slot-search-ignores-booking-horizon"] = async s =>
                Of(await Search(s, "status=free&start=ge2026-06-24&end=le2026-06-26&_include=Slot:schedule"), "Slot").Any(),
            ["slot-search-refuses-past-window"] = async s =>
                (await Search(s, "status=free&start=ge2026-05-20&end=le2026-05-25&_include=Slot:schedule")).Status == HttpStatusCode.UnprocessableEntity,
        };

    /// <summary>How many different Schedules the returned slots reference (counts, so faults that rename ids do not look like these).</summary>
    private static int ScheduleReferences(FhirResponse response) =>
        Of(response, "Slot").Select(slot => slot["schedule"]!["reference"]!.GetValue<string>()).Distinct().Count();

    private static DateTimeOffset Instant(JsonNode value) =>
        DateTimeOffset.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static Task<FhirResponse> Search(ProviderSession s, string query) => s.GetAsync("/Slot?" + query, InteractionIds.SearchSlots);

    private static IEnumerable<JsonObject> Of(FhirResponse response, string type) =>
        response.Status == HttpStatusCode.OK ? response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == type) : [];
}
