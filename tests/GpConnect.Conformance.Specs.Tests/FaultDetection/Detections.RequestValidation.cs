namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults in request validation (register request body, booking references, TLS) and the scenarios that must catch them.</summary>
public static class RequestValidationDetections
{
    private const string Register = "features/foundations/register-a-patient.feature";
    private const string Book = "features/appointments/book-an-appointment.feature";
    private const string Amend = "features/appointments/amend-an-appointment.feature";
    private const string Cancel = "features/appointments/cancel-an-appointment.feature";
    private const string Tls = "features/core/tls-mutual-authentication.feature";
    private const string Revoked = "A connection with a revoked client certificate is refused";
    private const string Misnamed = "A connection with a client certificate naming another system is refused";
    private const string Search = "features/appointments/search-for-free-slots.feature";
    private const string Read = "features/appointments/read-an-appointment.feature";
    private const string ReadCarries = "A read appointment carries an ETag of its version and every element a returned appointment must have";
    private const string Gpc826 = "features/tickets/1.2.7/gpc-826-visit-appointments.feature";
    private const string Adjacent = "features/tickets/1.2.7/gpc-prerelease-multiple-adjacent-slots.feature";

    private const string AllAbsolute = "with absolute references to its patient, location and slot";

    private const string NotAppointment = "sent as a Bundle instead of an Appointment";

    private static string Amendment(string defect) => $"An amendment {defect} is refused as an invalid resource";
    private static string Cancellation(string defect) => $"A cancellation {defect} is refused as an invalid resource";

    /// <summary>The warning a refusal with another code than the one the error guidance gives (the spec names none) carries.</summary>
    private const string GuidanceCodeWarning = "The spec names no Spine error code for this refusal";

    private static readonly string[] ForbiddenElements =
    [
        "animal", "photo", "deceasedBoolean", "deceasedDateTime", "contact", "multipleBirthBoolean", "multipleBirthInteger",
        "communication", "link", "a registrationDetails extension",
    ];

    private static string Forbidden(string element) => $"A registration that sets {element}, which a consumer must not send, is an invalid resource";

    private const string IdentifierWithoutSystem =
        "A registration that has a second identifier without a system is refused as an invalid resource, or as NHS assurance expects";

    public static IReadOnlyList<Detection> All { get; } =
    [
        .. ForbiddenElements.Select(element => new Detection("register-accepts-forbidden-elements", Register, Forbidden(element), "Expected HTTP 422")),
        new("register-ignores-resource-types", Register, "A registration whose resources have the wrong resourceType is an invalid resource", "Expected HTTP 422"),
        new("register-accepts-identifier-without-system", Register, IdentifierWithoutSystem, "Expected HTTP 422"),
        // Divergence registerPatientRequestErrors: NHS assurance's 400 BAD_REQUEST passes with a warning, and fails when strict.
        new("nhs-assurance-register-errors", Register, IdentifierWithoutSystem, "registerPatientRequestErrors=strict to fail it", Warns: true),
        new("nhs-assurance-register-errors", Register, IdentifierWithoutSystem, "registerPatientRequestErrors=strict makes this a failure",
            Settings: "expectations:divergences:registerPatientRequestErrors=strict"),

        // Book, amend and cancel: absolute references and a body that is not an Appointment are 422 INVALID_RESOURCE.
        new("book-accepts-absolute-references", Book, "A booking with an absolute reference is refused as an invalid resource", "Expected HTTP 422 but the provider answered 201"),
        new("changes-accept-absolute-references", Amend, Amendment(AllAbsolute), "Expected HTTP 422 but the provider answered 200"),
        new("changes-accept-absolute-references", Cancel, Cancellation(AllAbsolute), "Expected HTTP 422 but the provider answered 200"),
        new("changes-invalid-as-bad-request", Amend, Amendment(NotAppointment), "Expected HTTP 422 but the provider answered 400"),
        new("changes-invalid-as-bad-request", Cancel, Cancellation(NotAppointment), "Expected HTTP 422 but the provider answered 400"),
        // Refusals the spec names no code for: 422 INVALID_RESOURCE (the error guidance) passes, another GP Connect refusal warns.
        .. new[]
        {
            (Book, "Two slots of one schedule separated by a gap cannot be booked together"),
            (Book, "Adjacent slots on different schedules or with different delivery channels cannot be booked together"),
            (Book, "A description longer than the practice system can store is refused, not truncated"),
            (Book, "A free slot that has already started cannot be booked"),
            (Book, "A booking beyond the slot limit the practice set for the booking organisation is refused"),
            (Gpc826, "A Visit slot cannot be booked"),
            (Adjacent, "Two adjacent slots with different slot types cannot be booked together"),
        }.Select(s => new Detection("book-invalid-as-bad-request", s.Item1, s.Item2, GuidanceCodeWarning, Warns: true)),
        .. new[]
        {
            (Amend, "An amendment with a description longer than the practice system can store is refused"),
            (Amend, "An appointment that started before today cannot be amended"),
            (Cancel, "A cancellation without a proper cancellation reason, or that leaves the status booked, is refused"),
            (Cancel, "An appointment that started before today cannot be cancelled"),
            (Gpc826, "A Visit appointment cannot be amended"),
            (Gpc826, "A Visit appointment cannot be cancelled"),
        }.Select(s => new Detection("changes-invalid-as-bad-request", s.Item1, s.Item2, GuidanceCodeWarning, Warns: true)),
        // An unknown patient: 422 REFERENCE_NOT_FOUND; 404 PATIENT_NOT_FOUND is tolerated with a warning.
        new("book-unknown-patient-not-found", Book, "Booking for a patient the practice does not hold is refused as a reference not found", "PATIENT_NOT_FOUND is tolerated", Warns: true),
        // Divergence bookingUnknownSlot: NHS assurance's 422 INVALID_RESOURCE passes with a warning, and fails when strict.
        new("nhs-assurance-unknown-slot-invalid-resource", Book, "Booking a slot the practice does not hold is refused as a reference not found", "bookingUnknownSlot=strict to fail it", Warns: true),
        new("nhs-assurance-unknown-slot-invalid-resource", Book, "Booking a slot the practice does not hold is refused as a reference not found", "bookingUnknownSlot=strict makes this a failure",
            Settings: "expectations:divergences:bookingUnknownSlot=strict"),

        // Free slots are free; a returned appointment's participants resolve; a read carries its ETag and what the pages require.
        new("slot-search-offers-busy", Search, "Every slot offered has the status free", "only free slots may be offered"),
        new("appointment-location-unresolvable", Read, "Every patient, practitioner and location a booked appointment names can be read", "every participant reference must resolve"),
        new("read-without-etag", Read, ReadCarries, "must carry an ETag header"),
        new("contained-organization-with-version", Read, ReadCarries, "dom-4"),
        new("appointment-without-created", Read, ReadCarries, "must carry created"),

        // TLS: revoked and misnamed client certificates, approved and unapproved cipher suites.
        new("tls-accepts-revoked-certificate", Tls, Revoked, "answered HTTP 200"),
        new("tls-accepts-any-certificate-name", Tls, Misnamed, "answered HTTP 200"),
        new("nhs-assurance-client-cert-http-errors", Tls, Revoked, "clientCertificateHttpError=strict to fail it", Warns: true),
        new("nhs-assurance-client-cert-http-errors", Tls, Misnamed, "clientCertificateHttpError=strict to fail it", Warns: true),
        new("tls-accepts-unapproved-cipher", Tls, "A TLS 1.2 handshake offering only cipher suites outside the approved families is refused", "it must refuse it"),
        new("tls-13-only", Tls, "A TLS 1.2 handshake offering only approved cipher suites is accepted with one of them", "refused a TLS 1.2 handshake"),
    ];

    /// <summary>Faults no scenario catches yet (none).</summary>
    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>();
}
