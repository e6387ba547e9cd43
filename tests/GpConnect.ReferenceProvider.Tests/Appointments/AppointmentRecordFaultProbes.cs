using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Appointments;

/// <summary>
/// One observation per fault of the booking rules, Retrieve's range, past and Visit appointments, identifiers, Prefer and
/// cancellation (merged into <see cref="AppointmentFaultProbes.All"/>). The clock is <see cref="FixedClock.SummerMonday"/>:
/// the cancelled seeded appointment is on Thursday 2026-06-04 and the midnight appointment (id 9) is today.
/// </summary>
public static class AppointmentRecordFaultProbes
{
    private const string EarlierToday = "9", PatientWithoutAppointments = "3", DissentingPatient = "9", TemporaryPatient = "10";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["book-client-errors-as-server-error"] = async s =>
            {
                var booking = await ValidBookingAsync(s);
                booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/no-such-slot" });
                return (await BookAsync(s, booking)).Status == HttpStatusCode.InternalServerError;
            },
            ["book-invalid-as-bad-request"] = async s =>
            {
                var booking = await ValidBookingAsync(s);
                booking.Remove("description");
                return await BookAsync(s, booking) is { Status: HttpStatusCode.BadRequest } refused && refused.Body.Contains("BAD_REQUEST", StringComparison.Ordinal);
            },
            ["book-accepts-past-slot"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s)).First(x => x["schedule"]!["reference"]!.GetValue<string>() == "Schedule/2"));
                booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/P1" });
                booking["start"] = "2026-05-31T17:00:00+01:00";
                booking["end"] = "2026-05-31T17:15:00+01:00";
                return (await BookAsync(s, booking)).Status == HttpStatusCode.Created;
            },
            ["book-requires-optional-elements"] = async s =>
            {
                var booking = await ValidBookingAsync(s);
                booking.Remove("comment");
                return (await BookAsync(s, booking)).Status == HttpStatusCode.UnprocessableEntity;
            },
            ["book-keeps-sent-slot-type"] = async s =>
            {
                var booking = await ValidBookingAsync(s);
                booking["serviceType"] = new JsonArray(new JsonObject { ["text"] = "Chosen by the consumer" });
                return (await BookAsync(s, booking)).Json["serviceType"]?[0]?["text"]?.GetValue<string>() == "Chosen by the consumer";
            },
            ["book-ignores-slot-limit"] = async s =>
            {
                var slots = await FreeSlotsAsync(s);
                HttpStatusCode second = default;
                for (var i = 0; i < 2; i++)
                {
                    var booking = Booking(s, slots[i]);
                    booking["contained"]![0]!["identifier"]![0]!["value"] = "Y99001";
                    second = (await BookAsync(s, booking)).Status;
                }
                return second == HttpStatusCode.Created;
            },
            ["book-refuses-xml"] = async s =>
            {
                var request = s.Request("/Appointment", Book, PatientWrite, HttpMethod.Post);
                request.Content = new StringContent("<Appointment xmlns=\"http://hl7.org/fhir\"/>", Encoding.UTF8, "application/fhir+xml");
                return (await s.SendAsync(request)).Body.Contains("must be sent as JSON", StringComparison.Ordinal);
            },
            ["ignores-prefer-minimal"] = async s =>
            {
                var request = s.Request("/Appointment", Book, PatientWrite, HttpMethod.Post);
                request.Content = new StringContent((await ValidBookingAsync(s)).ToJsonString(), Encoding.UTF8, "application/fhir+json");
                request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
                return await s.SendAsync(request) is { Status: HttpStatusCode.Created } created && created.Body.Length > 0;
            },
            ["appointments-refuse-temporary-patients"] = async s =>
            {
                var booking = await ValidBookingAsync(s);
                booking["participant"]![0]!["actor"]!["reference"] = $"Patient/{TemporaryPatient}";
                return (await BookAsync(s, booking)).Status == HttpStatusCode.UnprocessableEntity;
            },
            ["appointments-apply-dissent"] = async s => (await RetrieveAsync(s, DissentingPatient, "2026-06-01", "2026-06-15")).Status == HttpStatusCode.NotFound,
            ["retrieve-omits-gp-connect-bookings"] = async s =>
            {
                var booked = await BookAsync(s, await ValidBookingAsync(s));
                return booked.Status == HttpStatusCode.Created
                    && !Ids(await RetrieveAsync(s, "1", "2026-06-01", "2026-06-15")).Contains(booked.Json["id"]!.GetValue<string>());
            },
            ["retrieve-from-now"] = async s => Ids(await RetrieveAsync(s, "2", "2026-06-01", "2026-06-15")) is var ids
                && ids.Contains(OutsideGpConnect) && !ids.Contains(EarlierToday),
            ["retrieve-upper-bound-exclusive"] = async s => Ids(await RetrieveAsync(s, "2", "2026-06-01", "2026-06-04")) is var ids
                && ids.Contains(OutsideGpConnect) && !ids.Contains(Cancelled) && !ids.Contains(Visit),
            ["retrieve-ignores-upper-bound"] = async s => Ids(await RetrieveAsync(s, "2", "2026-06-01", "2026-06-02")).Contains(Cancelled),
            ["retrieve-lists-every-patient"] = async s => Ids(await RetrieveAsync(s, PatientWithoutAppointments, "2026-06-01", "2026-06-15")).Length > 0,
            ["retrieve-refuses-unknown-parameters"] = async s =>
                (await s.GetAsync("/Patient/2/Appointment?start=ge2026-06-01&start=le2026-06-15&_sort=date", Retrieve, "patient/*.read")).Status == HttpStatusCode.UnprocessableEntity,
            ["past-appointments-changeable"] = async s => (await ReadAsync(s, Past)).Status == HttpStatusCode.OK,
            ["appointment-identifier-with-use"] = async s => (await ReadAsync(s, OutsideGpConnect)).Json["identifier"]?[0]?["use"] is not null,
            ["appointment-without-schedule-details"] = async s =>
                await ReadAsync(s, OutsideGpConnect) is { Status: HttpStatusCode.OK } read
                && !read.Json["extension"]!.AsArray().Any(e => e!["url"]!.GetValue<string>().Contains("DeliveryChannel", StringComparison.Ordinal)),
            ["visit-shows-surgery-location"] = async s =>
                (await ReadAsync(s, Visit)).Json["participant"] is JsonArray participants
                && participants.Any(p => p?["actor"]?["reference"]?.GetValue<string>() == "Location/1"),
            ["cancel-clears-comment"] = async s =>
                await EditAsync(s, Cancel, OutsideGpConnect, MarkCancelled) is { Status: HttpStatusCode.OK } cancelled && !cancelled.Json.ContainsKey("comment"),
            ["cancel-accepts-incomplete-cancellation"] = async s =>
                (await EditAsync(s, Cancel, ByOtherOrganisationToCancel, WithoutReasonButCancelled)).Status == HttpStatusCode.OK,
            // A fresh booking, cancelled twice: the first valid cancellation fails with 500, the retry cancels it.
            ["cancel-fails-once"] = async s =>
            {
                var booked = await BookAsync(s, Booking(s, (await FreeSlotsAsync(s))[0]));
                if (booked.Status != HttpStatusCode.Created) return false;
                var id = booked.Json["id"]!.GetValue<string>();
                return (await EditAsync(s, Cancel, id, MarkCancelled)).Status == HttpStatusCode.InternalServerError
                    && (await EditAsync(s, Cancel, id, MarkCancelled)).Status == HttpStatusCode.OK;
            },
        };

    /// <summary>status cancelled, and no cancellation-reason extension (even one an earlier probe stored).</summary>
    private static void WithoutReasonButCancelled(JsonObject appointment)
    {
        appointment["status"] = "cancelled";
        var extensions = appointment["extension"]!.AsArray();
        foreach (var reason in extensions.Where(e => e!["url"]!.GetValue<string>() == CancellationReasonUrl).ToList()) extensions.Remove(reason);
    }

    private static async Task<JsonObject> ValidBookingAsync(ProviderSession s) => Booking(s, (await FreeSlotsAsync(s))[0]);

    private static string[] Ids(FhirResponse response) =>
        response.Status == HttpStatusCode.OK ? response.Entries().Select(r => r["id"]!.GetValue<string>()).ToArray() : [];
}
