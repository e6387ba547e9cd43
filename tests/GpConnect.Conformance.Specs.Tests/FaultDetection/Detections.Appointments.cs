namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Appointment Management features (features/appointments/ and the appointment tickets) must catch.</summary>
public static class AppointmentDetections
{
    private const string Search = "features/appointments/search-for-free-slots.feature";
    private const string Book = "features/appointments/book-an-appointment.feature";
    private const string Retrieve = "features/appointments/retrieve-a-patients-appointments.feature";
    private const string Read = "features/appointments/read-an-appointment.feature";
    private const string Amend = "features/appointments/amend-an-appointment.feature";
    private const string Cancel = "features/appointments/cancel-an-appointment.feature";
    private const string Gpc601 = "features/tickets/1.2.3/gpc-601-amend-cancelled-appointment.feature";
    private const string Gpc636v3 = "features/tickets/1.2.3/gpc-636-additional-practitioner-roles.feature";
    private const string Gpc663 = "features/tickets/1.2.4/gpc-663-appointments-booked-outside-gp-connect.feature";
    private const string Gpc636v7 = "features/tickets/1.2.7/gpc-636-extended-job-roles.feature";
    private const string Gpc695 = "features/tickets/1.2.7/gpc-695-no-cancellation-reason-in-book-or-amend.feature";
    private const string Gpc826 = "features/tickets/1.2.7/gpc-826-visit-appointments.feature";
    private const string Adjacent = "features/tickets/1.2.7/gpc-prerelease-multiple-adjacent-slots.feature";

    public static IReadOnlyList<Detection> All { get; } =
    [
        // Search for free slots
        new("slot-utc-times", Search, "Free slots come back as a searchset with their times in UK local time", "UK local time"),
        new("slot-search-returns-visit", Search, "Only slots delivered in person, by telephone or by video are offered", "\"Visit\""),
        new("slot-search-omits-organization", Search, "The practice organisation comes back even when the consumer does not ask for it", "at least 1 Organization"),
        new("slot-search-window-unlimited", Search, "A search window of 15 days, one more than two weeks, is refused", "Expected HTTP 422"),
        new("slot-search-ignores-restrictions", Search, "Slots the practice restricts to one organisation type are not offered to another", "offered exactly the same"),
        new("slot-search-includes-unrequested-actors", Search, "Without recursive includes no Location or Practitioner comes back", "did not ask for"),
        new("slot-search-rejects-unknown-filter", Search, "A searchFilter of an unknown system, as DOS-based consumers may add (#662), is ignored", "Expected HTTP 200"),
        new("slot-search-accepts-any-status", Search, "A search for slots that are not free is refused", "Expected HTTP 422"),
        new("slot-search-without-schedule-include", Search, "A search without _include=Slot:schedule is refused", "answered HTTP 200"),
        new("slot-search-accepts-times-without-offset", Search, "A search window whose start time has no UTC offset is refused", "Expected HTTP 422"),
        // Search for free slots: window, bundle shape and parameter rules (APT-025 … APT-073)
        new("slot-search-overlapping-slots", Search, "Every slot offered lies wholly inside a window given as dateTimes with UK offsets", "lies outside the search window"),
        new("slot-search-overlapping-slots", Search, "A slot that starts before the window starts is not offered, though it ends inside the window", "should not be offered"),
        new("slot-search-overlapping-slots", Search, "A slot that ends after the window ends is not offered, though it starts inside the window", "should not be offered"),
        new("slot-search-refuses-datetimes", Search, "Every slot offered lies wholly inside a window given as dateTimes with UK offsets", "Expected HTTP 200"),
        new("slot-search-date-end-exclusive", Search, "A window given as full dates covers the whole of its last day", "should be offered but is not"),
        new("slot-search-refuses-two-weeks", Search, "A window of exactly two weeks is accepted", "Expected HTTP 200"),
        new("slot-search-refuses-past-window", Search, "A window in the past is answered, not refused", "Expected HTTP 200"),
        new("slot-search-organization-when-empty", Search, "A window without any free slot gives an empty searchset, without the organisation", "1 Organization"),
        new("slot-search-drops-a-schedule", Search, "Every slot's schedule comes back in the bundle", "which the bundle does not hold"),
        new("slot-search-returns-all-schedules", Search, "The bundle holds only the slots, their schedules and the resources those name", "no returned Slot references it"),
        new("schedule-without-location-actor", Search, "Every schedule names the location where its appointments take place", "has no Location actor"),
        new("location-without-managing-organization", Search, "The schedules' locations come back when asked for, each managed by the practice organisation", "has no managingOrganization"),
        new("location-without-managing-organization", Search, "A branch surgery's schedules bring the branch Location, managed by the practice organisation", "managingOrganization absent"),
        new("practitioner-with-telecom", Search, "The schedules' practitioners come back when asked for, without contact details", "carries telecom"),
        new("organization-with-endpoint", Search, "The organisation asked for with Location:managingOrganization is the practice of the service root", "carries endpoint"),
        new("organization-ods-code-wrong-system", Search, "The organisation asked for with Location:managingOrganization is the practice of the service root", "should carry the ODS code"),
        new("slot-with-specialty", Search, "Slots and schedules carry no specialty", "Slot.specialty is not allowed"),
        new("schedule-with-comment", Search, "Slots and schedules carry no comment", "Schedule.comment is not allowed"),
        new("schedule-role-unlisted-code", Search, "Every schedule carries one practitioner role, an SDS job role of the GP Connect list", "outside the GP Connect list", Warns: true),
        new("schedule-role-wrong-system", Search, "Every schedule carries one practitioner role, an SDS job role of the GP Connect list", "practitioner-role coding uses the system"),
        new("slot-search-offers-unbookable", Search, "A free slot the practice has not made bookable through GP Connect is never offered", "has not made the 10:50 slot"),
        new("slot-search-ignores-restrictions", Search, "A consumer naming only its own ODS code is also offered the slots restricted to that code", "offered exactly the same"),
        new("slot-search-ignores-restrictions", Search, "An organisation on no restriction list is not offered the slots restricted by ODS code", "offered exactly the same"),
        new("slot-search-accepts-reversed-window", Search, "A window whose end is before its start is refused", "Expected HTTP 422"),
        new("slot-search-status-optional", Search, "A search without the status parameter is refused", "answered HTTP 200"),
        new("slot-search-defaults-unusable-bounds", Search, "A search without its window bounds is refused", "answered HTTP 200"),
        new("slot-search-defaults-unusable-bounds", Search, "A window bound that is not a full date or dateTime is refused", "Expected HTTP 422"),
        new("slot-search-ignores-prefixes", Search, "A window bound with the wrong prefix is refused", "Expected HTTP 422"),
        new("slot-search-ignores-booking-horizon", Search, "Slots beyond the practice's booking window are not offered", "beyond the practice's booking window"),
        new("appointment-role-wrong-display", Retrieve, "Every practitioner role on the patient's appointments is an SDS job role of the GP Connect list (#636)", "the listed display is"),
        // Book an appointment
        new("appointment-without-slot-type", Book, "Booking a free slot creates the appointment with the slot's type", "serviceType.text must carry the slot type"),
        new("appointment-two-service-types", Book, "Booking a free slot creates the appointment with the slot's type", "serviceType has 2 entries"),
        new("book-double-books", Book, "The same slot booked twice: only the first booking succeeds", "Expected HTTP 409"),
        new("book-conflict-wrong-code", Book, "The same slot booked twice: only the first booking succeeds", "Expected HTTP 409"),
        new("book-accepts-non-adjacent-slots", Book, "Two slots of one schedule separated by a gap cannot be booked together", "answered HTTP 201"),
        // Retrieve a patient's appointments
        new("appointment-two-service-types", Retrieve, "The patient's appointments come back in a searchset, each with one slot type", "serviceType has 2 entries"),
        new("retrieve-omits-cancelled", Retrieve, "Cancelled appointments are included", "should include"),
        new("retrieve-accepts-past-range", Retrieve, "A date range that starts in the past is refused", "Expected HTTP 422"),
        // Read an appointment
        new("appointment-without-slot-type", Read, "A future appointment is returned with its id and one slot type", "serviceType.text must carry the slot type"),
        // Amend an appointment
        new("amend-accepts-other-changes", Amend, "An amendment that also moves the start time is refused", "Expected HTTP 422"),
        new("ignores-if-match", Amend, "An amendment made with an out-of-date version is refused with 409", "Expected HTTP 409"),
        new("appointment-two-service-types", Amend, "Amending the description stores the new text under a new version", "Expected HTTP 200"),
        // Cancel an appointment
        new("cancel-accepts-other-changes", Cancel, "A cancellation that also changes the description is refused", "Expected HTTP 422"),
        new("ignores-if-match", Cancel, "A cancellation made with an out-of-date version is refused with 409", "Expected HTTP 409"),
        new("booking-leaves-slot-free", Book, "A booked slot is no longer offered as free", "still offered as free"),
        new("truncates-long-text", Book, "A 100-character description and a 500-character comment are stored as sent", "Appointment.description should be"),
        new("truncates-long-text", Book, "A description longer than the practice system can store is refused, not truncated", "answered HTTP 201"),
        new("book-accepts-forbidden-elements", Book, "A booking that carries a specialty is refused", "Expected HTTP 422"),
        new("appointment-utc-times", Retrieve, "Retrieved appointments give their times in UK local time and carry no specialty or reason", "UK local time"),
        new("appointment-with-specialty", Retrieve, "Retrieved appointments give their times in UK local time and carry no specialty or reason", "specialty is present"),
        new("retrieve-accepts-malformed-range", Retrieve, "A range with only a lower bound is refused", "Expected HTTP 422"),
        new("retrieve-unknown-patient-empty", Retrieve, "A patient the practice does not hold is reported as not found", "Expected HTTP 404"),
        new("retrieve-omits-cancelled", Retrieve, "An appointment the consumer cancelled is still retrieved, as cancelled", "should include"),
        new("unknown-appointment-bad-request", Read, "An appointment id the practice does not hold is reported as not found", "Expected HTTP 404"),
        new("amend-not-persisted", Read, "A read after an amendment shows the amended description", "Appointment.description should be"),
        new("truncates-long-text", Amend, "A 100-character description and a 500-character comment are stored untruncated", "Appointment.description should be"),
        new("unknown-appointment-bad-request", Amend, "Amending an appointment id the practice does not hold is reported as not found", "Expected HTTP 404"),
        new("unknown-appointment-bad-request", Cancel, "Cancelling an appointment id the practice does not hold is reported as not found", "Expected HTTP 404"),
        new("book-without-location-header", Book, "The booking response names the new appointment version in its headers", "Location header"),
        new("appointments-show-sensitive-patients", Retrieve, "The appointments of a patient whose record is marked sensitive are not disclosed", "Expected HTTP 404"),
        new("truncates-long-text", Amend, "An amendment with a description longer than the practice system can store is refused", "answered HTTP 200"),
        new("retrieve-accepts-malformed-range", Retrieve, "A retrieval without any start parameter is refused", "Expected HTTP 422"),
        new("contained-organization-with-version", Book, "The booked appointment is stored as it was sent", "dom-4"),
        new("appointment-two-booking-organisations", Book, "The booked appointment is stored as it was sent", "Extension-GPConnect-BookingOrganisation-1 allows at most 1"),
        new("booking-organisation-without-telecom", Read, "An appointment the consumer booked reads back with the booking organisation it sent", "telecom.value should be"),
        // Tickets: each fault undoes its ticket
        new("amend-accepts-cancelled", Gpc601, "Amending an appointment that was cancelled in the practice is refused", "Expected HTTP 422"),
        new("amend-accepts-cancelled", Gpc601, "Amending an appointment the consumer has just cancelled is refused", "Expected HTTP 422"),
        new("slot-search-hides-extended-roles", Gpc636v3, "A schedule of an additional practitioner role is offered with that role", "R1290"),
        new("slot-search-hides-extended-roles", Gpc636v7, "A schedule of an extended job role is offered with that role", "R1110"),
        new("gp-connect-bookings-only", Gpc663, "Retrieve includes an appointment booked by another organisation", "should include"),
        new("gp-connect-bookings-only", Gpc663, "Retrieve includes an appointment booked directly in the practice system", "should include"),
        new("gp-connect-bookings-only", Gpc663, "An appointment booked directly in the practice system can be read", "Expected HTTP 200"),
        new("gp-connect-bookings-only", Gpc663, "An appointment booked by another organisation can be amended", "Expected HTTP 200"),
        new("gp-connect-bookings-only", Gpc663, "An appointment booked directly in the practice system can be cancelled", "Expected HTTP 200"),
        new("amend-accepts-cancellation-reason", Gpc695, "An amendment that adds a cancellation reason is refused", "Expected HTTP 422"),
        new("book-cancellation-reason-cancels", Gpc695, "A booking that carries a cancellation reason never creates a cancelled appointment", "cancelled appointment"),
        new("slot-search-returns-visit", Gpc826, "A free Visit slot is never offered by a search", "\"Visit\""),
        new("retrieve-omits-visits", Gpc826, "Retrieve includes the patient's Visit appointment", "should include"),
        new("book-accepts-visit-slot", Gpc826, "A Visit slot cannot be booked", "answered HTTP 201"),
        new("visit-appointments-changeable", Gpc826, "A Visit appointment cannot be amended", "answered HTTP 200"),
        new("visit-appointments-changeable", Gpc826, "A Visit appointment cannot be cancelled", "answered HTTP 200"),
        new("book-accepts-mixed-slot-types", Adjacent, "Two adjacent slots with different slot types cannot be booked together", "answered HTTP 201"),
        // Book, retrieve, read, amend and cancel: the issue 5/7 backlog (rules each fault switches off)
        new("book-invalid-as-bad-request", Book, "A booking that lacks a mandatory element or breaks the request rules is refused as an invalid resource", "Expected HTTP 422"),
        new("book-client-errors-as-server-error", Book, "Booking a slot the practice does not hold is refused as a reference not found", "Expected HTTP 422"),
        new("book-client-errors-as-server-error", Book, "Booking for a patient the practice does not hold is refused as a reference not found", "Expected HTTP 422"),
        new("book-client-errors-as-server-error", Book, "A booking whose body is not valid JSON is refused as a bad request", "Expected HTTP 400"),
        new("book-ignores-slot-limit", Book, "A booking beyond the slot limit the practice set for the booking organisation is refused", "answered HTTP 201"),
        new("book-refuses-xml", Book, "A booking sent as XML is accepted and answered in XML", "Expected HTTP 201"),
        new("book-accepts-past-slot", Book, "A free slot that has already started cannot be booked", "answered HTTP 201"),
        new("book-requires-optional-elements", Book, "A booking without the elements a consumer may leave out is accepted", "Expected HTTP 201"),
        new("book-keeps-sent-slot-type", Book, "A slot type and schedule type sent by the consumer are ignored: the appointment carries the slot's own", "should be the booked slot's type"),
        new("appointment-without-schedule-details", Book,
            "The booked appointment carries its slot's schedule type, delivery channel and practitioner role, and no reason or specialty", "as the booked slot and its schedule have it"),
        new("appointment-with-specialty", Book,
            "The booked appointment carries its slot's schedule type, delivery channel and practitioner role, and no reason or specialty", "specialty is present"),
        // Prefer: return=minimal is a SHOULD (CORE-100, APT-116, APT-175): a body is a warning, not a failure.
        new("ignores-prefer-minimal", Book, "A booking that prefers a minimal return is answered without a body", "Prefer: return=minimal", Warns: true),
        new("ignores-prefer-minimal", Amend, "An amendment that prefers a minimal return is answered without a body", "Prefer: return=minimal", Warns: true),
        new("appointments-refuse-temporary-patients", Book, "A patient registered at the practice as a temporary patient can then be booked", "Expected HTTP 201"),
        new("appointments-apply-dissent", Retrieve, "A patient's dissent from sharing their record does not stop their appointments being retrieved", "Expected HTTP 200"),
        new("retrieve-omits-gp-connect-bookings", Retrieve, "An appointment the consumer booked is retrieved", "should include"),
        new("retrieve-from-now", Retrieve, "A range from today includes an appointment earlier today whose time has passed", "should include"),
        new("retrieve-upper-bound-exclusive", Retrieve, "An appointment on the upper-bound date is included", "should include"),
        new("retrieve-ignores-upper-bound", Retrieve, "An appointment after the upper-bound date is left out", "should not include"),
        new("retrieve-lists-every-patient", Retrieve, "A patient without appointments in the range gets an empty searchset", "should be empty"),
        new("retrieve-refuses-unknown-parameters", Retrieve, "A search parameter Retrieve does not support is ignored", "Expected HTTP 200"),
        new("past-appointments-changeable", Read, "An appointment that started before today cannot be read", "answered HTTP 200"),
        new("past-appointments-changeable", Amend, "An appointment that started before today cannot be amended", "answered HTTP 200"),
        new("past-appointments-changeable", Cancel, "An appointment that started before today cannot be cancelled", "answered HTTP 200"),
        new("appointment-identifier-with-use", Read, "Business identifiers of an appointment carry only a system and a value", "carries only system and value"),
        new("visit-shows-surgery-location", Read, "A Visit appointment names the placeholder visit location and gives the kind of visit in its comment", "one of the practice's surgeries"),
        new("cancel-clears-comment", Cancel, "Cancelling changes nothing but the status and the cancellation reason", "Appointment.comment"),
        new("cancel-accepts-incomplete-cancellation", Cancel,
            "A cancellation without a proper cancellation reason, or that leaves the status booked, is refused", "answered HTTP 200"),
        new("cancel-fails-once", Cancel, "Cancelling stores the status and the reason under a new version", "Expected HTTP 200"),
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
    };
}
