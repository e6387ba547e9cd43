using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in Search for free slots and the Appointment Management interactions.</summary>
    private static IReadOnlyList<FaultDefinition> AppointmentFaults =>
    [
        new ResourceDecorationFault(
            new("slot-two-service-types", "Each Slot carries two serviceType entries (seed #912 allows at most one)."),
            "Slot",
            AddSecondServiceType),
        new ResourceDecorationFault(
            new("schedule-two-service-categories", "Each Schedule carries two serviceCategory entries (#912 allows at most one)."),
            "Schedule",
            DuplicateServiceCategory),
        new RuleWaiverFault(
            new("slot-search-window-unlimited", "Slot search accepts windows longer than two weeks instead of 422 INVALID_PARAMETER."),
            ProviderRule.SlotSearchWindowLimit),
        new RuleWaiverFault(
            new("slot-search-returns-visit", "Slot search returns free slots whose delivery channel is Visit (#826)."),
            ProviderRule.SlotSearchExcludesVisit),
        new RuleWaiverFault(
            new("slot-search-omits-organization", "Slot search leaves the Organization out unless Location:managingOrganization is requested."),
            ProviderRule.SlotSearchAlwaysIncludesOrganization),
        new RuleWaiverFault(
            new("slot-search-ignores-restrictions", "Slot search returns slots restricted to other organisation types or ODS codes."),
            ProviderRule.SlotSearchAppliesRestrictions),
        new ResourceDecorationFault(
            new("slot-utc-times", "Slot start and end are written in UTC with a Z suffix instead of a +00:00/+01:00 offset."),
            "Slot",
            WriteSlotTimesInUtc),
        new ResourceDecorationFault(
            new("slot-with-service-category", "Each Slot also carries serviceCategory, which GPConnect-Slot-1 prohibits (0..0)."),
            "Slot",
            slot => slot["serviceCategory"] = new JsonObject { ["text"] = "Slot category" }),
        new ResourceDecorationFault(
            new("schedule-with-service-type", "Each Schedule also carries serviceType, which GPConnect-Schedule-1 prohibits (0..0)."),
            "Schedule",
            schedule => schedule["serviceType"] = new JsonArray(new JsonObject { ["text"] = "Schedule service type" })),
        new RuleWaiverFault(
            new("slot-search-hides-extended-roles", "Slot search leaves out schedules whose practitioner role is one of the #636 extended job roles."),
            ProviderRule.SlotSearchIncludesExtendedRoles),
        new RuleWaiverFault(
            new("book-double-books", "Book accepts a slot that is already booked (no 409 DUPLICATE_REJECTED)."),
            ProviderRule.BookRefusesTakenSlots),
        new RuleWaiverFault(
            new("book-conflict-wrong-code", "Book refuses a slot that is no longer free with 422 INVALID_RESOURCE instead of 409 DUPLICATE_REJECTED."),
            ProviderRule.BookConflictIsDuplicateRejected),
        new RuleWaiverFault(
            new("book-accepts-visit-slot", "Book accepts Visit slots as if they were GP Connect bookable, at the slot's own times (#826 undone)."),
            ProviderRule.BookRefusesVisitSlots),
        new RuleWaiverFault(
            new("book-accepts-non-adjacent-slots", "Book accepts several slots that are not adjacent, on different schedules or with different delivery channels."),
            ProviderRule.BookAdjacentSlotsOnly),
        new RuleWaiverFault(
            new("book-accepts-mixed-slot-types", "Book accepts adjacent slots with different slot types (1.2.7 multiple-adjacent-slots rule undone)."),
            ProviderRule.BookAdjacentSlotsShareSlotType),
        new RuleWaiverFault(
            new("book-cancellation-reason-cancels", "Book with the cancellation-reason extension creates a cancelled appointment (#695)."),
            ProviderRule.BookRefusesCancellationReason),
        new RuleWaiverFault(
            new("gp-connect-bookings-only", "Read, retrieve, amend and cancel see only appointments the harness booked through GP Connect (#663 undone)."),
            ProviderRule.ServesAppointmentsBookedElsewhere),
        new RuleWaiverFault(
            new("retrieve-omits-cancelled", "Retrieve leaves out cancelled appointments."),
            ProviderRule.RetrieveIncludesCancelled),
        new RuleWaiverFault(
            new("retrieve-omits-visits", "Retrieve leaves out Visit appointments (#826)."),
            ProviderRule.RetrieveIncludesVisits),
        new RuleWaiverFault(
            new("retrieve-accepts-past-range", "Retrieve accepts a date range that starts before today instead of 422 INVALID_PARAMETER."),
            ProviderRule.RetrieveRefusesPastRange),
        new RuleWaiverFault(
            new("visit-appointments-changeable", "Amend and cancel accept Visit appointments (#826 undone)."),
            ProviderRule.ChangesRefuseVisitAppointments),
        new RuleWaiverFault(
            new("past-appointments-changeable", "Read, amend and cancel serve appointments that start before today as if they were current."),
            ProviderRule.PastAppointmentsRefused),
        new RuleWaiverFault(
            new("ignores-if-match", "Amend and cancel ignore If-Match, so a stale version overwrites the appointment instead of 409."),
            ProviderRule.ChangesCheckVersion),
        new RuleWaiverFault(
            new("amend-accepts-other-changes", "Amend accepts requests that change elements other than description and comment (ignoring the changes)."),
            ProviderRule.AmendOnlyDescriptionAndComment),
        new RuleWaiverFault(
            new("amend-accepts-cancelled", "Amend accepts a cancelled appointment (#601 undone)."),
            ProviderRule.AmendRefusesCancelled),
        new RuleWaiverFault(
            new("amend-accepts-cancellation-reason", "Amend accepts and stores the cancellation-reason extension (#695 undone)."),
            ProviderRule.AmendRefusesCancellationReason),
        new RuleWaiverFault(
            new("cancel-accepts-other-changes", "Cancel accepts requests that also change other elements (ignoring the changes)."),
            ProviderRule.CancelOnlyStatusAndReason),
        new RuleWaiverFault(
            new("slot-search-accepts-any-status", "Slot search ignores the status parameter instead of refusing values other than free."),
            ProviderRule.SlotSearchRequiresFreeStatus),
        new RuleWaiverFault(
            new("slot-search-accepts-times-without-offset", "Slot search accepts dateTimes without a UK offset (or with Z), reading them as UTC."),
            ProviderRule.SlotSearchRequiresOffsets),
        new RuleWaiverFault(
            new("slot-search-without-schedule-include", "Slot search serves a request that leaves out _include=Slot:schedule instead of refusing it."),
            ProviderRule.SlotSearchRequiresScheduleInclude),
        new RuleWaiverFault(
            new("slot-search-includes-unrequested-actors", "Slot search returns Locations and Practitioners even when no recursive include asks for them."),
            ProviderRule.SlotSearchIncludesOnlyRequested),
        new RuleWaiverFault(
            new("slot-search-rejects-unknown-filter", "Slot search refuses a searchFilter of an unknown system with 422 instead of ignoring it (#662)."),
            ProviderRule.SlotSearchIgnoresUnknownFilters),
        new RuleWaiverFault(
            new("appointments-show-sensitive-patients", "Book and retrieve serve S-flagged patients instead of answering PATIENT_NOT_FOUND."),
            ProviderRule.AppointmentsHideSensitivePatients),
        new RuleWaiverFault(
            new("book-without-location-header", "A booking answers 201 without the Location header naming the new version."),
            ProviderRule.BookAnswersLocation),
        new RuleWaiverFault(
            new("retrieve-accepts-malformed-range", "Retrieve ignores start parameters it cannot use (missing, partial, with a time, wrong prefixes) and lists the next 14 days."),
            ProviderRule.RetrieveValidatesRange),
        new RuleWaiverFault(
            new("retrieve-unknown-patient-empty", "Retrieve for an unknown patient answers an empty searchset instead of 404 PATIENT_NOT_FOUND."),
            ProviderRule.RetrieveUnknownPatientNotFound),
        new RuleWaiverFault(
            new("unknown-appointment-bad-request", "Read, amend and cancel of an unknown appointment id answer 400 BAD_REQUEST instead of 404 NO_RECORD_FOUND."),
            ProviderRule.UnknownAppointmentIsNoRecordFound),
        new RuleWaiverFault(
            new("book-accepts-forbidden-elements", "Book accepts reason, specialty and the elements GPConnect-Appointment-1 prohibits, and ignores them."),
            ProviderRule.BookRefusesForbiddenElements),
        new RuleWaiverFault(
            new("truncates-long-text", "Book and amend silently truncate description to 50 and comment to 200 characters instead of storing or refusing them."),
            ProviderRule.DescriptionAndCommentNeverTruncated),
        new RuleWaiverFault(
            new("booking-leaves-slot-free", "A booking does not take its slots: they stay free and are still offered by Search for free slots."),
            ProviderRule.BookTakesSlots),
        new RuleWaiverFault(
            new("amend-not-persisted", "Amend answers 200 with the change but does not store it, so a later read shows the old text."),
            ProviderRule.AmendPersists),
        new ResourceDecorationFault(
            new("appointment-utc-times", "Appointment start, end and created are written in UTC with a Z suffix instead of a +00:00/+01:00 offset."),
            "Appointment",
            WriteAppointmentTimesInUtc),
        new ResourceDecorationFault(
            new("appointment-with-specialty", "Appointments carry specialty, which GP Connect appointments must not populate."),
            "Appointment",
            appointment => appointment["specialty"] = new JsonObject { ["text"] = "General practice" }),
        new ResourceDecorationFault(
            new("booking-organisation-without-telecom", "Appointments return the contained booking Organization without the telecom the consumer sent."),
            "Appointment",
            appointment => { if (appointment["contained"]?[0] is System.Text.Json.Nodes.JsonObject organization) organization.Remove("telecom"); }),
        new ResourceDecorationFault(
            new("contained-organization-with-version", "Appointments return the contained booking Organization with a meta.versionId, which a contained resource must not have (dom-4)."),
            "Appointment",
            appointment =>
            {
                if (appointment["contained"]?[0] is not JsonObject organization) return;
                if (organization["meta"] is not JsonObject meta) organization["meta"] = meta = new JsonObject();
                meta["versionId"] = "1";
            }),
        new ResourceDecorationFault(
            new("appointment-two-booking-organisations", "Appointments carry the BookingOrganisation extension twice (its definition allows it once)."),
            "Appointment",
            appointment =>
            {
                if (appointment["extension"] is not JsonArray extensions) return;
                var booking = extensions.OfType<JsonObject>().FirstOrDefault(e => e["url"]?.GetValue<string>()?.EndsWith("Extension-GPConnect-BookingOrganisation-1", StringComparison.Ordinal) == true);
                if (booking is not null) extensions.Add(booking.DeepClone());
            }),
        new ResourceDecorationFault(
            new("appointment-two-service-types", "Each Appointment carries two serviceType entries (seed #912 allows at most one)."),
            "Appointment",
            AddSecondServiceType),
        new ResourceDecorationFault(
            new("appointment-without-slot-type", "Appointments leave out serviceType, the slot type #912 makes mandatory."),
            "Appointment",
            appointment => appointment.Remove("serviceType")),
        new RuleWaiverFault(
            new("book-client-errors-as-server-error", "Book fails with 500 INTERNAL_SERVER_ERROR on a body it cannot parse and on a Slot or Patient it does not hold, instead of 400 / 422 REFERENCE_NOT_FOUND."),
            ProviderRule.BookReportsClientErrors),
        new RuleWaiverFault(
            new("book-ignores-slot-limit", "Book ignores the slot limit the practice set for a booking organisation."),
            ProviderRule.BookAppliesSlotLimits),
        new RuleWaiverFault(
            new("book-refuses-xml", "Book refuses an Appointment sent as XML with 400 BAD_REQUEST, accepting JSON only."),
            ProviderRule.BookAcceptsXml),
        new RuleWaiverFault(
            new("appointments-refuse-temporary-patients", "Book and retrieve treat temporarily registered patients as not found (registered elsewhere, so not bookable here)."),
            ProviderRule.AppointmentsServeTemporaryPatients),
        new RuleWaiverFault(
            new("appointments-apply-dissent", "Book and retrieve apply the dissent-to-share flag, treating a dissenting patient as not found."),
            ProviderRule.AppointmentsIgnoreDissent),
        new RuleWaiverFault(
            new("book-invalid-as-bad-request", "Book refuses incomplete or invalid Appointments with 400 BAD_REQUEST instead of 422 INVALID_RESOURCE."),
            ProviderRule.BookInvalidBodyIsInvalidResource),
        new RuleWaiverFault(
            new("book-accepts-past-slot", "Book accepts a free slot that starts in the past."),
            ProviderRule.BookRefusesPastSlots),
        new RuleWaiverFault(
            new("book-requires-optional-elements", "Book refuses bookings without a comment or without the booking organisation's type (both optional)."),
            ProviderRule.BookOptionalElementsOptional),
        new RuleWaiverFault(
            new("book-keeps-sent-slot-type", "Book stores the serviceType text the consumer sent as the slot type instead of the slot's own (#912)."),
            ProviderRule.BookSlotTypeFromSlot),
        new RuleWaiverFault(
            new("ignores-prefer-minimal", "Create and update ignore Prefer: return=minimal and always return the resource."),
            ProviderRule.PreferReturnMinimalHonoured),
        new RuleWaiverFault(
            new("retrieve-omits-gp-connect-bookings", "Retrieve leaves out the appointments the consumer booked through GP Connect."),
            ProviderRule.RetrieveIncludesConsumerBookings),
        new RuleWaiverFault(
            new("retrieve-from-now", "Retrieve leaves out appointments earlier today whose time has passed (the lower bound read as now, not today)."),
            ProviderRule.RetrieveIncludesEarlierToday),
        new RuleWaiverFault(
            new("retrieve-upper-bound-exclusive", "Retrieve leaves out appointments on the upper-bound date (le read as lt)."),
            ProviderRule.RetrieveUpperBoundInclusive),
        new RuleWaiverFault(
            new("retrieve-ignores-upper-bound", "Retrieve lists every appointment from the lower bound on, ignoring the upper bound."),
            ProviderRule.RetrieveAppliesUpperBound),
        new RuleWaiverFault(
            new("retrieve-lists-every-patient", "Retrieve lists the appointments of every patient, not only the requested one's."),
            ProviderRule.RetrieveOnlyThePatients),
        new RuleWaiverFault(
            new("retrieve-refuses-unknown-parameters", "Retrieve refuses parameters it does not support (e.g. _sort) with 422 instead of ignoring them."),
            ProviderRule.RetrieveIgnoresUnknownParameters),
        new RuleWaiverFault(
            new("cancel-clears-comment", "Cancel also clears the appointment's comment."),
            ProviderRule.CancelKeepsOtherElements),
        new RuleWaiverFault(
            new("cancel-accepts-incomplete-cancellation", "Cancel cancels without checking the status sent or the cancellation reason (missing, empty or under another URL)."),
            ProviderRule.CancelRequiresStatusAndReason),
        new RuleWaiverFault(
            new("cancel-fails-once", "Cancel fails with 500 INTERNAL_SERVER_ERROR the first time a valid cancellation of each appointment is sent, leaving it booked; a later request cancels it (a transient failure)."),
            ProviderRule.CancelSucceedsFirstTime),
        new ResourceDecorationFault(
            new("appointment-without-schedule-details", "Appointments leave out the schedule type (serviceCategory), the practitioner role and the delivery channel."),
            "Appointment",
            RemoveScheduleDetails),
        new ResourceDecorationFault(
            new("visit-shows-surgery-location", "Visit appointments name the main surgery as their Location instead of the placeholder visit location (#826)."),
            "Appointment",
            NameSurgeryForVisits),
        new ResourceDecorationFault(
            new("appointment-identifier-with-use", "Appointment business identifiers carry use, which GPConnect-Appointment-1 prohibits (0..0)."),
            "Appointment",
            appointment => { if (appointment["identifier"]?[0] is JsonObject identifier) identifier["use"] = "official"; }),
        // Search for free slots: the window, bundle-shape and parameter rules (APT-025 … APT-073, TKT-004)
        new RuleWaiverFault(
            new("slot-search-overlapping-slots", "Slot search also returns slots that only overlap the window (starting before its start or ending after its end)."),
            ProviderRule.SlotSearchSlotsWhollyInWindow),
        new ResourceDecorationFault(
            new("slot-search-drops-a-schedule", "Slot search leaves the first Schedule out of the bundle, so its slots reference a Schedule the bundle does not hold."),
            "Bundle",
            RemoveFirstSchedule),
        new RuleWaiverFault(
            new("slot-search-returns-all-schedules", "Slot search returns every Schedule of the practice, also those none of the returned slots belong to."),
            ProviderRule.SlotSearchOnlyReferencedSchedules),
        new ResourceDecorationFault(
            new("schedule-without-location-actor", "Schedules name only their practitioner as actor, not the Location where the appointment happens."),
            "Schedule",
            RemoveLocationActor),
        new RuleWaiverFault(
            new("slot-search-organization-when-empty", "A slot search that finds no slot still returns the practice Organization."),
            ProviderRule.SlotSearchEmptyWhenNoSlots),
        new ResourceDecorationFault(
            new("slot-with-specialty", "Each Slot carries specialty, which GP Connect slots must not populate."),
            "Slot",
            slot => slot["specialty"] = new JsonObject { ["text"] = "General practice" }),
        new ResourceDecorationFault(
            new("schedule-with-comment", "Each Schedule carries a comment (the 1.2.7 test pack expects none on slots and schedules)."),
            "Schedule",
            schedule => schedule["comment"] = "Internal rota note"),
        new ResourceDecorationFault(
            new("schedule-role-wrong-system", "Schedule practitioner-role codings use the HL7 UK SDS job-role system instead of the NHS Digital one."),
            "Schedule",
            UseWrongRoleSystem),
        new ResourceDecorationFault(
            new("schedule-role-unlisted-code", "Schedule practitioner roles carry SDS job role R0050 Consultant, a real SDS code outside the GP Connect list (a SHOULD-level finding: warning)."),
            "Schedule",
            UseUnlistedRoleCode),
        new ResourceDecorationFault(
            new("appointment-role-wrong-display", "Appointment practitioner-role codings carry a display that is not the SDS job-role name of their code."),
            "Appointment",
            UseWrongRoleDisplay),
        new RuleWaiverFault(
            new("slot-search-offers-unbookable", "Slot search offers free slots the practice has not marked GP Connect bookable."),
            ProviderRule.SlotSearchOnlyGpConnectBookable),
        new RuleWaiverFault(
            new("slot-search-accepts-reversed-window", "Slot search answers an empty searchset for an end before the start instead of 422 INVALID_PARAMETER."),
            ProviderRule.SlotSearchRefusesReversedWindow),
        new RuleWaiverFault(
            new("slot-search-status-optional", "Slot search serves a request without the status parameter instead of refusing it."),
            ProviderRule.SlotSearchRequiresStatus),
        new RuleWaiverFault(
            new("slot-search-defaults-unusable-bounds", "Slot search replaces a missing, empty, partial or malformed start or end with a default window instead of refusing it."),
            ProviderRule.SlotSearchRequiresUsableBounds),
        new RuleWaiverFault(
            new("slot-search-ignores-prefixes", "Slot search reads start and end whatever their prefix (gt, lt, eq, ne…) instead of requiring ge and le."),
            ProviderRule.SlotSearchChecksPrefixes),
        new RuleWaiverFault(
            new("slot-search-date-end-exclusive", "Slot search reads a full-date end as the start of that day, so the end day's slots are left out."),
            ProviderRule.SlotSearchDateEndCoversWholeDay),
        new RuleWaiverFault(
            new("slot-search-refuses-datetimes", "Slot search refuses dateTimes with a UK offset as start and end, accepting only full dates."),
            ProviderRule.SlotSearchAcceptsDateTimes),
        new RuleWaiverFault(
            new("slot-search-refuses-two-weeks", "Slot search refuses a window of exactly two weeks (its limit is off by one)."),
            ProviderRule.SlotSearchAcceptsFullTwoWeeks),
        new RuleWaiverFault(
            new("slot-search-refuses-past-window", "Slot search refuses a window in the past with 422 instead of answering it."),
            ProviderRule.SlotSearchAcceptsPastWindows),
        new RuleWaiverFault(
            new("slot-search-ignores-booking-horizon", "Slot search offers slots beyond the practice's 21-day GP Connect booking horizon."),
            ProviderRule.SlotSearchAppliesBookingHorizon),
    ];

    private static void RemoveFirstSchedule(JsonObject bundle)
    {
        if (bundle["entry"] is not JsonArray entries) return;
        var schedule = entries.FirstOrDefault(e => e?["resource"]?["resourceType"]?.GetValue<string>() == "Schedule");
        if (schedule is null) return;
        entries.Remove(schedule);
        bundle["total"] = entries.Count;
    }

    private static void RemoveLocationActor(JsonObject schedule)
    {
        if (schedule["actor"] is not JsonArray actors) return;
        foreach (var actor in actors.Where(a => a?["reference"]?.GetValue<string>().StartsWith("Location/", StringComparison.Ordinal) == true).ToList())
            actors.Remove(actor);
        if (actors.Count == 0) actors.Add(new JsonObject { ["reference"] = "Practitioner/1" });
    }

    private static IEnumerable<JsonObject> RoleCodings(JsonObject resource) =>
        (resource["extension"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(e => e["url"]?.GetValue<string>() == "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1")
            .SelectMany(e => e["valueCodeableConcept"]?["coding"] as JsonArray ?? [])
            .OfType<JsonObject>();

    private static void UseWrongRoleSystem(JsonObject resource)
    {
        foreach (var coding in RoleCodings(resource)) coding["system"] = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";
    }

    private static void UseUnlistedRoleCode(JsonObject resource)
    {
        foreach (var coding in RoleCodings(resource)) { coding["code"] = "R0050"; coding["display"] = "Consultant"; }
    }

    private static void UseWrongRoleDisplay(JsonObject resource)
    {
        foreach (var coding in RoleCodings(resource)) coding["display"] = "Clinician";
    }

    private static void RemoveScheduleDetails(JsonObject appointment)
    {
        appointment.Remove("serviceCategory");
        if (appointment["extension"] is not JsonArray extensions) return;
        foreach (var extension in extensions.OfType<JsonObject>()
                     .Where(e => e["url"]?.GetValue<string>() is { } url && (url.Contains("PractitionerRole", StringComparison.Ordinal) || url.Contains("DeliveryChannel", StringComparison.Ordinal)))
                     .ToList())
            extensions.Remove(extension);
    }

    private static void NameSurgeryForVisits(JsonObject appointment)
    {
        var isVisit = (appointment["extension"] as JsonArray ?? []).OfType<JsonObject>().Any(e => e["valueCode"]?.GetValue<string>() == "Visit");
        if (!isVisit) return;
        foreach (var participant in (appointment["participant"] as JsonArray ?? []).OfType<JsonObject>())
            if (participant["actor"]?["reference"]?.GetValue<string>()?.StartsWith("Location/", StringComparison.Ordinal) == true)
                participant["actor"]!["reference"] = "Location/1";
    }

    private static void WriteAppointmentTimesInUtc(JsonObject appointment)
    {
        foreach (var name in new[] { "start", "end", "created" })
            if (appointment[name]?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
                appointment[name] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
