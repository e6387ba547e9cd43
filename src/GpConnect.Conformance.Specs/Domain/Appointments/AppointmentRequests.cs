using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Builds the Appointment Management requests a consumer sends (the Appointment Management pages): a booking for one or more slots
/// found by a search, Read, Retrieve over a date range, and Amend/Cancel of an edited representation with If-Match.
/// </summary>
public static class AppointmentRequests
{
    public const string Profile = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";
    public const string OrganizationProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1";
    public const string BookingOrganisationUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1";
    public const string CancellationReasonUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";

    /// <summary>The telephone number the suite gives for the booking organisation.</summary>
    public const string ConsumerTelephone = "0300 303 5678";

    /// <summary>The booking organisation's name: the configured consumer name, or the suite's own.</summary>
    public static string ConsumerName(ConsumerSettings consumer) =>
        string.IsNullOrWhiteSpace(consumer.OrganisationName) ? "GP Connect Conformance Consumer" : consumer.OrganisationName;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// A valid booking of <paramref name="slots"/> (one, or several adjacent) for the patient: start of the first slot to end
    /// of the last, the Location (and Practitioner) of the first slot's Schedule, and the consumer as booking organisation.
    /// </summary>
    public static JsonObject Booking(IReadOnlyList<FreeSlot> slots, string patientId, ConsumerSettings consumer, TimeProvider clock,
        string description = "GP Connect Conformance booking", string? comment = "Booked by an automated conformance run")
    {
        if (slots.Count == 0) throw new ArgumentException("A booking needs at least one slot.", nameof(slots));
        var ordered = slots.OrderBy(s => s.StartInstant).ToList();
        var first = ordered[0];
        var participants = new JsonArray(Participant("Patient", patientId));
        if (first.LocationId is not null) participants.Add(Participant("Location", first.LocationId));
        if (first.PractitionerId is not null) participants.Add(Participant("Practitioner", first.PractitionerId));
        var appointment = new JsonObject
        {
            ["resourceType"] = "Appointment",
            ["meta"] = new JsonObject { ["profile"] = new JsonArray(Profile) },
            ["contained"] = new JsonArray(new JsonObject
            {
                ["resourceType"] = "Organization",
                ["id"] = "1",
                ["meta"] = new JsonObject { ["profile"] = new JsonArray(OrganizationProfile) },
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = SlotSearch.OdsSystem, ["value"] = consumer.OdsCode }),
                ["type"] = new JsonArray(new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = SlotSearch.OrganisationTypeSystem, ["code"] = "gp-practice" }),
                }),
                ["name"] = ConsumerName(consumer),
                ["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = ConsumerTelephone }),
            }),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = BookingOrganisationUrl,
                ["valueReference"] = new JsonObject { ["reference"] = "#1" },
            }),
            ["status"] = "booked",
            ["description"] = description,
            ["start"] = first.Start,
            ["end"] = ordered[^1].End,
            ["slot"] = new JsonArray(ordered.Select(s => (JsonNode?)new JsonObject { ["reference"] = $"Slot/{s.Id}" }).ToArray()),
            ["created"] = UkDateTimeText.Format(clock.GetUtcNow()),
        };
        if (comment is not null) appointment["comment"] = comment;
        appointment["participant"] = participants;
        return appointment;
    }

    public static GpConnectRequest Book(JsonObject appointment) =>
        new GpConnectRequest(Interactions.BookAppointment).WithBody(appointment.ToJsonString(Compact));

    public static GpConnectRequest Read(string id) => GpConnectRequest.For(Interactions.ReadAppointment, id);

    /// <summary>Retrieve with <c>start=ge{from}</c> and <c>start=le{to}</c> (full dates).</summary>
    public static GpConnectRequest Retrieve(string patientId, DateOnly from, DateOnly to) =>
        RetrieveWithStarts(patientId, "ge" + Date(from), "le" + Date(to));

    /// <summary>Retrieve with the given raw <c>start</c> values (for the parameter-rule scenarios).</summary>
    public static GpConnectRequest RetrieveWithStarts(string patientId, params string[] starts)
    {
        var request = GpConnectRequest.For(Interactions.RetrievePatientAppointments, patientId);
        foreach (var start in starts) request.AddQuery("start", start);
        return request;
    }

    /// <summary>Amend (update interaction) of the edited representation, with If-Match.</summary>
    public static GpConnectRequest Amend(string id, JsonObject appointment, string? eTag) => Put(Interactions.AmendAppointment, id, appointment, eTag);

    /// <summary>Cancel (cancel interaction) of the edited representation, with If-Match.</summary>
    public static GpConnectRequest Cancel(string id, JsonObject appointment, string? eTag) => Put(Interactions.CancelAppointment, id, appointment, eTag);

    private static GpConnectRequest Put(Interaction interaction, string id, JsonObject appointment, string? eTag)
    {
        var request = GpConnectRequest.For(interaction, id).WithBody(appointment.ToJsonString(Compact));
        if (eTag is not null) request.IfMatch = eTag;
        return request;
    }

    private static JsonObject Participant(string type, string id) => new()
    {
        ["actor"] = new JsonObject { ["reference"] = $"{type}/{id}" },
        ["status"] = "accepted",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
