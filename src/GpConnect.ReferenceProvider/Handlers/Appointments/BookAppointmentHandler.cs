using System.Globalization;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Appointments;
using static GpConnect.ReferenceProvider.Handlers.Appointments.AppointmentBody;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// Book an appointment (spec: Book an appointment): validates the posted Appointment (mandatory and forbidden elements, booking
/// organisation, references), the slots (exist, not in the past, not Visit, adjacent on one schedule with one delivery
/// channel and one slot type, start/end spanning them) and books atomically: a slot no longer free → 409 DUPLICATE_REJECTED.
/// </summary>
internal sealed class BookAppointmentHandler(AppointmentBook book, AppointmentMapper mapper, ActiveFaults faults, TimeProvider clock, Func<string, bool> patientExists)
    : IInteractionHandler
{
    private static readonly string[] Forbidden = ["reason", "specialty", "appointmentType", "indication", "supportingInformation", "incomingReferral", "requestedPeriod"];

    public Interaction Interaction => Interaction.BookAppointment;

    public ProviderResponse Handle(ProviderRequest request)
    {
        try
        {
            return Book(request);
        }
        catch (ProviderException refusal) when (refusal.Error == SpineError.InvalidResource && faults.Waives(ProviderRule.BookInvalidBodyIsInvalidResource))
        {
            throw ProviderException.BadRequest(refusal.Message);
        }
        catch (ProviderException refusal) when ((refusal.Error == SpineError.BadRequest || refusal.Error == AppointmentErrors.ReferenceNotFound)
            && faults.Waives(ProviderRule.BookReportsClientErrors))
        {
            throw new ProviderException(SpineError.InternalServerError, $"Booking failed: {refusal.Message}");
        }
    }

    private ProviderResponse Book(ProviderRequest request)
    {
        if (request.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true && faults.Waives(ProviderRule.BookAcceptsXml))
            throw new ProviderException(SpineError.BadRequest, "Appointments must be sent as JSON.");
        var body = Read(request);
        foreach (var name in Forbidden)
        {
            if (!body.ContainsKey(name)) continue;
            if (faults.Waives(ProviderRule.BookRefusesForbiddenElements)) body.Remove(name);
            else Invalid($"Appointment.{name} must not be sent when booking.");
        }
        if (body.ContainsKey("id")) Invalid("A new Appointment must not carry an id.");
        if (HasAbsoluteReference(body))
        {
            if (faults.Waives(ProviderRule.BookRefusesAbsoluteReferences)) MakeRelative(body);
            else Invalid("Only relative references (Type/id, #id) are allowed.");
        }
        foreach (var identifier in (body["identifier"] as JsonArray ?? []).OfType<JsonObject>())
            if (string.IsNullOrWhiteSpace(Text(identifier, "system")) || string.IsNullOrWhiteSpace(Text(identifier, "value")))
                Invalid("Every Appointment.identifier needs a system and a value.");

        var cancellationReason = Extensions(body, AppointmentExtensions.CancellationReason).FirstOrDefault();
        var cancelledOnArrival = false;
        if (cancellationReason is not null)
        {
            if (!faults.Waives(ProviderRule.BookRefusesCancellationReason))
                Invalid("The cancellation-reason extension must not be sent when booking (#695).");
            cancelledOnArrival = true;
        }

        if (Text(body, "status") != AppointmentStatuses.Booked) Invalid($"Appointment.status must be \"booked\", not \"{Text(body, "status") ?? "absent"}\".");
        var description = Text(body, "description");
        if (string.IsNullOrWhiteSpace(description)) Invalid("Appointment.description is mandatory.");
        var comment = Text(body, "comment");
        (description, comment) = TextRules.Store(description!, comment, faults);
        var start = Instant(body, "start");
        var end = Instant(body, "end");
        var created = Instant(body, "created");

        var references = ParticipantReferences(body);
        var patientId = ParticipantId(references, "Patient") ?? throw Invalid("The Appointment needs a participant whose actor is the Patient.");
        var locationId = ParticipantId(references, "Location") ?? throw Invalid("The Appointment needs a participant whose actor is the Location.");
        var practitionerId = ParticipantId(references, "Practitioner");
        var bookedBy = BookingOrganisationOf(body);
        if (AppointmentSeeder.SlotLimits.TryGetValue(bookedBy.OdsCode, out var limit) && !faults.Waives(ProviderRule.BookAppliesSlotLimits)
            && book.BookedBy(bookedBy.OdsCode, clock.GetUtcNow()) >= limit)
            Invalid($"The practice allows {bookedBy.OdsCode} at most {limit} booked appointment(s) at a time, and that limit is reached.");
        if (faults.Waives(ProviderRule.BookOptionalElementsOptional) && (string.IsNullOrWhiteSpace(comment) || bookedBy.OrganisationType is null))
            Invalid("A booking needs a comment and the booking organisation's type.");

        var slotIds = (body["slot"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => s["reference"]?.GetValue<string>() ?? "")
            .Select(r => r.StartsWith("Slot/", StringComparison.Ordinal) ? r[5..] : throw Invalid($"'{r}' is not a Slot reference."))
            .ToList();
        if (slotIds.Count == 0) Invalid("Appointment.slot must reference at least one Slot.");
        if (!patientExists(patientId))
            throw new ProviderException(faults.Waives(ProviderRule.BookUnknownPatientIsReferenceNotFound) ? AppointmentErrors.PatientNotFound : AppointmentErrors.ReferenceNotFound,
                $"Patient/{patientId} does not exist at this practice.");
        var unknownSlot = faults.Waives(ProviderRule.BookUnknownSlotIsReferenceNotFound) ? SpineError.InvalidResource : AppointmentErrors.ReferenceNotFound;
        var slots = slotIds.Select(id => book.Store.FindSlot(id) ?? throw new ProviderException(unknownSlot, $"Slot/{id} does not exist.")).ToList();
        CheckSlots(slots, start, end, locationId, practitionerId);

        var first = slots[0];
        var schedule = book.Store.FindSchedule(first.ScheduleId)!;
        var draft = new PracticeAppointment("", "", patientId, slotIds, schedule.Id, locationId, practitionerId, start, end, created,
            cancelledOnArrival ? AppointmentStatuses.Cancelled : AppointmentStatuses.Booked, description, comment, bookedBy,
            cancelledOnArrival ? cancellationReason!["valueString"]?.GetValue<string>() : null,
            first.DeliveryChannel, SlotTypeOf(body, first), schedule.ScheduleType, schedule.Role);

        var (booked, refusal, slotId) = book.Book(draft, faults.Waives(ProviderRule.BookRefusesTakenSlots), !faults.Waives(ProviderRule.BookTakesSlots));
        if (refusal == BookingRefusal.SlotNotFree)
        {
            var diagnostics = $"Slot/{slotId} is no longer free.";
            throw faults.Waives(ProviderRule.BookConflictIsDuplicateRejected)
                ? new ProviderException(SpineError.InvalidResource, diagnostics)
                : new ProviderException(AppointmentErrors.DuplicateRejected, diagnostics);
        }
        var resource = mapper.Appointment(booked!);
        var location = faults.Waives(ProviderRule.BookAnswersLocation) ? null : $"Appointment/{booked!.Id}/_history/{booked.VersionId}";
        return new ProviderResponse(201, resource, booked!.VersionId, location);
    }

    private void CheckSlots(IReadOnlyList<PracticeSlot> slots, DateTimeOffset start, DateTimeOffset end, string locationId, string? practitionerId)
    {
        var ordered = slots.OrderBy(s => s.Start).ToList();
        foreach (var slot in ordered)
        {
            var visitWaived = slot.DeliveryChannel == DeliveryChannels.Visit && faults.Waives(ProviderRule.BookRefusesVisitSlots);
            if (slot.DeliveryChannel == DeliveryChannels.Visit && !visitWaived)
                Invalid($"Slot/{slot.Id} is a Visit slot: visits cannot be booked through GP Connect (#826).");
            if (!slot.GpConnectBookable && !visitWaived) Invalid($"Slot/{slot.Id} is not available for GP Connect booking.");
            if (slot.Start < clock.GetUtcNow() && !faults.Waives(ProviderRule.BookRefusesPastSlots)) Invalid($"Slot/{slot.Id} starts in the past ({UkDateTime.Format(slot.Start)}).");
        }
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, next) = (ordered[i - 1], ordered[i]);
            if (!faults.Waives(ProviderRule.BookAdjacentSlotsOnly))
            {
                if (next.ScheduleId != previous.ScheduleId) Invalid($"Slot/{previous.Id} and Slot/{next.Id} belong to different schedules.");
                if (next.Start != previous.End) Invalid($"Slot/{previous.Id} and Slot/{next.Id} are not adjacent.");
                if (next.DeliveryChannel != previous.DeliveryChannel) Invalid($"Slot/{previous.Id} and Slot/{next.Id} have different delivery channels.");
            }
            if (next.ScheduleId == previous.ScheduleId && next.SlotType != previous.SlotType && !faults.Waives(ProviderRule.BookAdjacentSlotsShareSlotType))
                Invalid($"Slot/{previous.Id} and Slot/{next.Id} have different slot types (\"{previous.SlotType}\", \"{next.SlotType}\"); adjacent slots booked together must share the slot type (1.2.7).");
        }
        var visitBooking = ordered[0].DeliveryChannel == DeliveryChannels.Visit && faults.Waives(ProviderRule.BookRefusesVisitSlots);
        if ((start != ordered[0].Start || end != ordered[^1].End) && !visitBooking)
            Invalid($"Appointment start/end must be {UkDateTime.Format(ordered[0].Start)} to {UkDateTime.Format(ordered[^1].End)}, the span of the booked slots.");
        var schedule = book.Store.FindSchedule(ordered[0].ScheduleId)!;
        var expectedLocation = ordered[0].DeliveryChannel == DeliveryChannels.Visit ? locationId : schedule.LocationId;
        if (locationId != expectedLocation) Invalid($"The Location participant must be Location/{schedule.LocationId}, where the slot's schedule is.");
        if (practitionerId is not null && practitionerId != schedule.PractitionerId) Invalid($"Practitioner/{practitionerId} is not the practitioner of the slot's schedule.");
    }

    /// <summary>The slot's own type (#912): a serviceType the consumer sends is ignored, unless a fault takes it.</summary>
    private string SlotTypeOf(JsonObject body, PracticeSlot slot) =>
        faults.Waives(ProviderRule.BookSlotTypeFromSlot) && body["serviceType"]?[0]?["text"]?.GetValue<string>() is { Length: > 0 } sent ? sent : slot.SlotType;

    private static BookingOrganisation BookingOrganisationOf(JsonObject body)
    {
        var extension = Extensions(body, AppointmentExtensions.BookingOrganisation).FirstOrDefault()
            ?? throw Invalid("The booking-organisation extension is mandatory.");
        var reference = extension["valueReference"]?["reference"]?.GetValue<string>() ?? "";
        if (!reference.StartsWith('#')) Invalid("The booking-organisation extension must reference a contained Organization (#id).");
        var organization = (body["contained"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(c => Text(c, "resourceType") == "Organization" && "#" + Text(c, "id") == reference)
            ?? throw Invalid($"No contained Organization with id '{reference[1..]}' for the booking-organisation extension.");
        var ods = (organization["identifier"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(i => Text(i, "system") == Systems.OdsOrganizationCode);
        var odsCode = ods is null ? null : Text(ods, "value");
        if (string.IsNullOrWhiteSpace(odsCode)) Invalid("The booking organisation needs an ODS code identifier with a value.");
        var name = Text(organization, "name");
        if (string.IsNullOrWhiteSpace(name)) Invalid("The booking organisation needs a name.");
        var telephone = (organization["telecom"] as JsonArray ?? []).OfType<JsonObject>().Select(t => Text(t, "value")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (telephone is null) Invalid("The booking organisation needs a telecom.");
        var type = organization["type"]?[0]?["coding"]?[0]?["code"]?.GetValue<string>();
        return new BookingOrganisation(odsCode!, name!, telephone!, type);
    }

    private static DateTimeOffset Instant(JsonObject body, string name)
    {
        var text = Text(body, name);
        if (string.IsNullOrWhiteSpace(text)) Invalid($"Appointment.{name} is mandatory.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) Invalid($"Appointment.{name} '{text}' is not a dateTime.");
        return value;
    }
}
