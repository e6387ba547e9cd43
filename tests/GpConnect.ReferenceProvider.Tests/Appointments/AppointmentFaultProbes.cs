using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Appointments;

/// <summary>One observation per Appointment Management fault (merged into FaultProbes.All).</summary>
public static class AppointmentFaultProbes
{
    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["slot-search-hides-extended-roles"] = async s =>
                !(await FreeSlotsAsync(s)).Any(slot => slot["schedule"]!["reference"]!.GetValue<string>() == "Schedule/4"),
            ["book-double-books"] = async s =>
            {
                var slot = (await FreeSlotsAsync(s))[0];
                await BookAsync(s, Booking(s, slot));
                var taken = !(await FreeSlotsAsync(s)).Any(x => x["id"]!.ToJsonString() == slot["id"]!.ToJsonString());
                return taken && (await BookAsync(s, Booking(s, slot))).Status == HttpStatusCode.Created;
            },
            ["book-conflict-wrong-code"] = async s =>
            {
                var slot = (await FreeSlotsAsync(s))[0];
                await BookAsync(s, Booking(s, slot));
                return (await BookAsync(s, Booking(s, slot))).Status == HttpStatusCode.UnprocessableEntity;
            },
            ["book-accepts-visit-slot"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/V1" });
                return (await BookAsync(s, booking)).Status == HttpStatusCode.Created;
            },
            ["book-accepts-non-adjacent-slots"] = async s =>
            {
                var slots = await FreeSlotsAsync(s);
                var pair = slots.SelectMany(a => slots.Select(b => (a, b))).First(p => SameKind(p.a, p.b)
                    && p.b["start"]!.GetValue<string>()[..10] == p.a["start"]!.GetValue<string>()[..10]
                    && string.CompareOrdinal(p.b["start"]!.GetValue<string>(), p.a["end"]!.GetValue<string>()) > 0);
                return (await BookAsync(s, Booking(s, pair.a, pair.b))).Status == HttpStatusCode.Created;
            },
            ["book-accepts-mixed-slot-types"] = async s =>
            {
                var nurse = (await FreeSlotsAsync(s)).Where(x => x["schedule"]!["reference"]!.GetValue<string>() == "Schedule/2").ToList();
                return (await BookAsync(s, Booking(s, nurse[0], nurse[1]))).Status == HttpStatusCode.Created;
            },
            ["book-cancellation-reason-cancels"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                AddCancellationReason(booking);
                var response = await BookAsync(s, booking);
                return response.Status == HttpStatusCode.Created && response.Json["status"]!.GetValue<string>() == "cancelled";
            },
            ["gp-connect-bookings-only"] = async s => (await ReadAsync(s, OutsideGpConnect)).Status == HttpStatusCode.NotFound,
            ["retrieve-omits-cancelled"] = async s => Ids(await RetrieveAsync(s, "2", "2026-06-01", "2026-06-15")) is var ids
                && ids.Contains(ByOtherOrganisation) && !ids.Contains(Cancelled),
            ["retrieve-omits-visits"] = async s => Ids(await RetrieveAsync(s, "2", "2026-06-01", "2026-06-15")) is var ids
                && ids.Contains(ByOtherOrganisation) && !ids.Contains(Visit),
            ["retrieve-accepts-past-range"] = async s => (await RetrieveAsync(s, "2", "2026-05-01", "2026-06-02")).Status == HttpStatusCode.OK,
            ["visit-appointments-changeable"] = async s =>
                (await EditAsync(s, Amend, Visit, a => a["description"] = "Changed by the Visit probe")).Status == HttpStatusCode.OK,
            ["ignores-if-match"] = async s =>
            {
                var read = await ReadAsync(s, ByOtherOrganisation);
                var appointment = read.Json;
                appointment["description"] = "Changed by the If-Match probe";
                return (await PutAsync(s, Amend, ByOtherOrganisation, appointment, "W/\"stale\"")).Status == HttpStatusCode.OK;
            },
            ["amend-accepts-other-changes"] = async s =>
                (await EditAsync(s, Amend, ByOtherOrganisation, a => a["priority"] = 1)).Status == HttpStatusCode.OK,
            ["amend-accepts-cancelled"] = async s =>
                (await EditAsync(s, Amend, Cancelled, a => a["description"] = "Changed by the #601 probe")).Status == HttpStatusCode.OK,
            ["amend-accepts-cancellation-reason"] = async s =>
                (await EditAsync(s, Amend, ByOtherOrganisation, a => AddCancellationReason(a))).Status == HttpStatusCode.OK,
            ["cancel-accepts-other-changes"] = async s =>
                (await EditAsync(s, Cancel, ByOtherOrganisation, a => { MarkCancelled(a); a["description"] = "Changed by the cancel probe"; })).Status == HttpStatusCode.OK,
            ["appointment-two-service-types"] = async s => (await ReadAsync(s, Visit)).Json["serviceType"]?.AsArray().Count == 2,
            ["appointment-without-slot-type"] = async s => await ReadAsync(s, Visit) is { Status: HttpStatusCode.OK } read && !read.Json.ContainsKey("serviceType"),
            ["slot-search-accepts-any-status"] = async s =>
                (await s.GetAsync("/Slot?status=busy&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots)).Status == HttpStatusCode.OK,
            ["slot-search-accepts-times-without-offset"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02T09:00:00&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots)).Status == HttpStatusCode.OK,
            ["slot-search-without-schedule-include"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05", InteractionIds.SearchSlots)).Status == HttpStatusCode.OK,
            ["slot-search-includes-unrequested-actors"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots))
                .Entries().Any(r => r["resourceType"]!.GetValue<string>() == "Location"),
            ["slot-search-rejects-unknown-filter"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule&searchFilter=https://example.org/disposition%7CDx01",
                    InteractionIds.SearchSlots)).Status == HttpStatusCode.UnprocessableEntity,
            ["appointments-show-sensitive-patients"] = async s => (await RetrieveAsync(s, "8", "2026-06-01", "2026-06-15")).Status == HttpStatusCode.OK
                && (await RetrieveAsync(s, "999", "2026-06-01", "2026-06-15")).Status == HttpStatusCode.NotFound,
            ["book-without-location-header"] = async s =>
                await BookAsync(s, Booking(s, (await FreeSlotsAsync(s))[0])) is { Status: HttpStatusCode.Created } booked && !booked.Headers.ContainsKey("Location"),
            ["contained-organization-with-version"] = async s =>
                await ReadAsync(s, ByOtherOrganisation) is { Status: HttpStatusCode.OK } read && read.Json["contained"]?[0]?["meta"]?["versionId"] is not null,
            ["appointment-two-booking-organisations"] = async s =>
                await ReadAsync(s, ByOtherOrganisation) is { Status: HttpStatusCode.OK } read
                && read.Json["extension"]!.AsArray().Count(e => e!["url"]!.GetValue<string>().EndsWith("Extension-GPConnect-BookingOrganisation-1", StringComparison.Ordinal)) == 2,
            ["booking-organisation-without-telecom"] = async s =>
                await ReadAsync(s, ByOtherOrganisation) is { Status: HttpStatusCode.OK } read && read.Json["contained"]?[0]?["telecom"] is null,
            ["retrieve-accepts-malformed-range"] = async s =>
                (await s.GetAsync("/Patient/2/Appointment?start=ge2026-06&start=le2026-06-05", Retrieve, "patient/*.read")).Status == HttpStatusCode.OK,
            ["retrieve-unknown-patient-empty"] = async s => (await RetrieveAsync(s, "999", "2026-06-01", "2026-06-15")).Status == HttpStatusCode.OK,
            ["unknown-appointment-bad-request"] = async s => (await ReadAsync(s, "999")).Body.Contains("BAD_REQUEST", StringComparison.Ordinal),
            ["book-accepts-forbidden-elements"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                booking["specialty"] = new JsonObject { ["text"] = "Not allowed" };
                return (await BookAsync(s, booking)).Status == HttpStatusCode.Created;
            },
            ["truncates-long-text"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                booking["description"] = new string('d', 100);
                var response = await BookAsync(s, booking);
                return response.Status == HttpStatusCode.Created && response.Json["description"]!.GetValue<string>().Length < 100;
            },
            ["booking-leaves-slot-free"] = async s =>
            {
                var slot = (await FreeSlotsAsync(s))[0];
                var booked = await BookAsync(s, Booking(s, slot));
                return booked.Status == HttpStatusCode.Created && (await FreeSlotsAsync(s)).Any(x => x["id"]!.ToJsonString() == slot["id"]!.ToJsonString());
            },
            ["amend-not-persisted"] = async s =>
            {
                var amended = await EditAsync(s, Amend, OutsideGpConnect, a => a["description"] = "Persistence probe");
                return amended.Status == HttpStatusCode.OK && (await ReadAsync(s, OutsideGpConnect)).Json["description"]!.GetValue<string>() != "Persistence probe";
            },
            ["appointment-utc-times"] = async s => (await ReadAsync(s, Visit)).Json["start"]?.GetValue<string>().EndsWith('Z') == true,
            ["appointment-with-specialty"] = async s => (await ReadAsync(s, Visit)).Json.ContainsKey("specialty"),
            ["slot-with-service-category"] = async s => (await FreeSlotsAsync(s)).Any(slot => slot.ContainsKey("serviceCategory")),
            ["schedule-with-service-type"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots))
                .Entries().Any(r => r["resourceType"]!.GetValue<string>() == "Schedule" && r.ContainsKey("serviceType")),
        }.Concat(AppointmentRecordFaultProbes.All).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static bool SameKind(JsonObject a, JsonObject b) =>
        a["schedule"]!.ToJsonString() == b["schedule"]!.ToJsonString()
        && a["extension"]!.ToJsonString() == b["extension"]!.ToJsonString()
        && a["serviceType"]?.ToJsonString() == b["serviceType"]?.ToJsonString();

    private static string[] Ids(FhirResponse response) =>
        response.Status == HttpStatusCode.OK ? response.Entries().Select(r => r["id"]!.GetValue<string>()).ToArray() : [];
}
