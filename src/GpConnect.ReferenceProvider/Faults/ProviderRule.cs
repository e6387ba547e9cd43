namespace GpConnect.ReferenceProvider.Faults;

/// <summary>Provider rules that a fault may waive. Each is checked at exactly one place in the code.</summary>
internal enum ProviderRule
{
    /// <summary>A request must carry <c>Ssp-InteractionID</c>.</summary>
    InteractionIdRequired,
    /// <summary><c>Ssp-To</c> must equal the provider's own ASID.</summary>
    SspToMustMatchAsid,
    /// <summary>A JWT expired beyond the clock-skew leeway is rejected.</summary>
    JwtExpiryEnforced,
    /// <summary>A JWT whose <c>aud</c> is not the service root is rejected.</summary>
    JwtAudienceEnforced,
    /// <summary>A request must carry a non-empty <c>Ssp-TraceID</c> (Core).</summary>
    SspTraceIdRequired,
    /// <summary><c>Ssp-TraceID</c> must be a GUID (Core).</summary>
    SspTraceIdMustBeGuid,
    /// <summary>A request must carry a non-empty <c>Ssp-From</c> (Core).</summary>
    SspFromRequired,
    /// <summary>A request must carry a non-empty <c>Ssp-To</c> (Core).</summary>
    SspToRequired,
    /// <summary><c>Ssp-InteractionID</c> must be a known interaction URN (Core).</summary>
    InteractionIdMustBeKnown,
    /// <summary><c>Ssp-InteractionID</c> is compared case-sensitively (Core).</summary>
    InteractionIdCaseSensitive,
    /// <summary><c>Ssp-InteractionID</c> must name the interaction the path asks for (Core).</summary>
    InteractionIdMatchesRequest,
    /// <summary><c>requested_scope</c> must be of the interaction's family: patient/* or organization/* (Core).</summary>
    JwtScopeFamilyChecked,
    /// <summary>The HTTP method must be the interaction's method (Core).</summary>
    MethodMatchesInteraction,
    /// <summary>A request needs an <c>Authorization: Bearer</c> token (Core).</summary>
    BearerTokenRequired,
    /// <summary>The JWT must be three base64url JSON segments with a trailing dot (Core).</summary>
    JwtStructureChecked,
    /// <summary>The JWT must be unsigned with <c>alg: none</c> (Core).</summary>
    JwtUnsigned,
    /// <summary>All ten JWT claims must be present and non-null (Core).</summary>
    JwtClaimsRequired,
    /// <summary>JWT claims must have their JSON types: strings, integers, resource objects (Core).</summary>
    JwtClaimTypesChecked,
    /// <summary>Each JWT claim resource must be of its own resource type (Core).</summary>
    JwtClaimResourceTypesChecked,
    /// <summary>Each JWT claim resource must be valid base STU3 (Core).</summary>
    JwtClaimResourcesValidated,
    /// <summary><c>reason_for_request</c> must be <c>directcare</c> (Core).</summary>
    JwtReasonForRequestChecked,
    /// <summary><c>requested_scope</c> must be one of the four GP Connect scopes (Core).</summary>
    JwtScopeValueChecked,
    /// <summary>The requesting organisation needs an ODS code and the practitioner an SDS user id (Core).</summary>
    JwtRequestingIdentifiersRequired,
    /// <summary><c>sub</c> must equal <c>requesting_practitioner.id</c> (Core).</summary>
    JwtSubMatchesPractitioner,
    /// <summary>An <c>iat</c> beyond the leeway in the future is rejected (Core).</summary>
    JwtIssuedAtChecked,
    /// <summary>JWT timing allows the configured clock-skew leeway (Core, #640).</summary>
    JwtClockSkewLeeway,
    /// <summary>Tokens without the optional practitioner identifiers, or with UNK SDS values, are accepted (Core).</summary>
    JwtToleratesConsumerVariance,
    /// <summary>XML is served when asked for (Core).</summary>
    XmlServed,
    /// <summary><c>_format</c> wins over <c>Accept</c> (Core).</summary>
    FormatParameterWinsOverAccept,
    /// <summary>Without Accept or _format, the response follows the request body's Content-Type (Core).</summary>
    ResponseFormatFollowsRequestBody,
    /// <summary>Response Content-Type is the FHIR media type with <c>charset=utf-8</c> (Core).</summary>
    ContentTypeWithCharset,
    /// <summary>Error responses are written in the negotiated format (Core).</summary>
    ErrorsFollowNegotiatedFormat,
    /// <summary>The HTTP status of an error is the one mapped to its Spine code (Core).</summary>
    ErrorStatusFollowsSpineCode,
    /// <summary>An unknown resource type is answered 501 NOT_IMPLEMENTED (Core).</summary>
    UnknownResourceTypeNotImplemented,
    /// <summary>The ETag is weak: <c>W/"versionId"</c> (Core).</summary>
    WeakETag,
    /// <summary>HTTPS responses carry <c>Strict-Transport-Security</c> (Core).</summary>
    StrictTransportSecurity,
    /// <summary>HTTPS connections must present a client certificate (Core).</summary>
    ClientCertificateRequired,
    /// <summary>Client certificates must chain to the configured CA (Core).</summary>
    ClientCertificateChainChecked,
    /// <summary>Client certificates must be in date (Core).</summary>
    ClientCertificateDatesChecked,
    /// <summary>A client certificate on the configured revocation list is refused (spec: FHIR API guidance: TLS mutual authentication).</summary>
    ClientCertificateRevocationChecked,
    /// <summary>A client certificate must name the configured consumer FQDN (the SSP's) in its CN or a DNS name (spec: FHIR API guidance: TLS mutual authentication).</summary>
    ClientCertificateNameChecked,
    /// <summary>The TLS handshake offers only the approved cipher suites (AESGCM or AES256 with ephemeral ECDH/DH; spec: FHIR API guidance: TLS mutual authentication).</summary>
    TlsApprovedCipherSuitesOnly,
    /// <summary>The TLS handshake offers TLS 1.2 (not TLS 1.3 alone; spec: FHIR API guidance: TLS mutual authentication).</summary>
    TlsOffersTls12,
    /// <summary>Responses are gzip-compressed when the request accepts gzip (Core).</summary>
    GzipSupported,
    /// <summary>The JWT <c>iss</c> must be an absolute URL (Core).</summary>
    JwtIssuerIsUrl,
    /// <summary>Every response carries <c>Cache-Control: no-store</c>.</summary>
    CacheControlNoStore,
    /// <summary>Slot search refuses windows longer than two weeks.</summary>
    SlotSearchWindowLimit,
    /// <summary>Slot search never returns Visit slots (#826).</summary>
    SlotSearchExcludesVisit,
    /// <summary>Slot search always includes the Organization when slots are returned.</summary>
    SlotSearchAlwaysIncludesOrganization,
    /// <summary>Slot search applies the booking-organisation restriction matrix.</summary>
    SlotSearchAppliesRestrictions,
    /// <summary>Slot search returns schedules whatever their practitioner role, including the #636 extended roles.</summary>
    SlotSearchIncludesExtendedRoles,
    /// <summary>Book refuses the cancellation-reason extension (#695) rather than creating a cancelled appointment.</summary>
    BookRefusesCancellationReason,
    /// <summary>Book refuses slots that are no longer free.</summary>
    BookRefusesTakenSlots,
    /// <summary>A slot that is no longer free is refused with 409 DUPLICATE_REJECTED.</summary>
    BookConflictIsDuplicateRejected,
    /// <summary>Book refuses Visit slots (#826).</summary>
    BookRefusesVisitSlots,
    /// <summary>Slots booked together are adjacent, on one schedule, with one delivery channel.</summary>
    BookAdjacentSlotsOnly,
    /// <summary>Slots booked together share one slot type (1.2.7 PRERELEASE / #912).</summary>
    BookAdjacentSlotsShareSlotType,
    /// <summary>Read/retrieve/amend/cancel serve appointments booked by other organisations or outside GP Connect (#663).</summary>
    ServesAppointmentsBookedElsewhere,
    /// <summary>Retrieve returns cancelled appointments too.</summary>
    RetrieveIncludesCancelled,
    /// <summary>Retrieve returns Visit appointments (#826).</summary>
    RetrieveIncludesVisits,
    /// <summary>Retrieve refuses a range that starts before today.</summary>
    RetrieveRefusesPastRange,
    /// <summary>Amend and cancel refuse Visit appointments (#826).</summary>
    ChangesRefuseVisitAppointments,
    /// <summary>Read, amend and cancel refuse appointments that start before today.</summary>
    PastAppointmentsRefused,
    /// <summary>Amend and cancel refuse an If-Match that is not the current version (409).</summary>
    ChangesCheckVersion,
    /// <summary>Amend changes nothing but description and comment.</summary>
    AmendOnlyDescriptionAndComment,
    /// <summary>Amend refuses cancelled appointments (#601).</summary>
    AmendRefusesCancelled,
    /// <summary>Amend refuses the cancellation-reason extension (#695).</summary>
    AmendRefusesCancellationReason,
    /// <summary>Cancel changes nothing but status and the cancellation reason.</summary>
    CancelOnlyStatusAndReason,
    /// <summary>Retrieve refuses start parameters that are not exactly one ge and one le full date, in order.</summary>
    RetrieveValidatesRange,
    /// <summary>Retrieve for an unknown patient is 404 PATIENT_NOT_FOUND.</summary>
    RetrieveUnknownPatientNotFound,
    /// <summary>An unknown appointment id is 404 NO_RECORD_FOUND.</summary>
    UnknownAppointmentIsNoRecordFound,
    /// <summary>Book refuses elements the booking must not carry (reason, specialty, profile 0..0 elements).</summary>
    BookRefusesForbiddenElements,
    /// <summary>Description and comment are stored untruncated; text longer than can be stored is refused.</summary>
    DescriptionAndCommentNeverTruncated,
    /// <summary>A booking takes its slots (they stop being free).</summary>
    BookTakesSlots,
    /// <summary>A successful amend is stored.</summary>
    AmendPersists,
    /// <summary>Book reports a body it cannot read as 400 and references it does not hold as 422, rather than failing with 500.</summary>
    BookReportsClientErrors,
    /// <summary>Book refuses an incomplete or invalid Appointment with 422 INVALID_RESOURCE (not 400).</summary>
    BookInvalidBodyIsInvalidResource,
    /// <summary>Book refuses a slot it does not hold with 422 REFERENCE_NOT_FOUND (waived: 422 INVALID_RESOURCE as NHS assurance expects).</summary>
    BookUnknownSlotIsReferenceNotFound,
    /// <summary>Book refuses a patient it does not hold with 422 REFERENCE_NOT_FOUND (waived: 404 PATIENT_NOT_FOUND, tolerated with a warning).</summary>
    BookUnknownPatientIsReferenceNotFound,
    /// <summary>Book refuses absolute (non-relative) references with 422 INVALID_RESOURCE.</summary>
    BookRefusesAbsoluteReferences,
    /// <summary>Amend and cancel refuse absolute (non-relative) references with 422 INVALID_RESOURCE.</summary>
    ChangesRefuseAbsoluteReferences,
    /// <summary>Amend and cancel refuse a body that breaks their rules with 422 INVALID_RESOURCE (not 400).</summary>
    ChangesInvalidBodyIsInvalidResource,
    /// <summary>Book refuses slots that start in the past.</summary>
    BookRefusesPastSlots,
    /// <summary>Book accepts bookings without the optional comment and organisation type (and practitioner participant).</summary>
    BookOptionalElementsOptional,
    /// <summary>The booked appointment's slot type comes from the slot, never from the request.</summary>
    BookSlotTypeFromSlot,
    /// <summary>POST and PUT honour <c>Prefer: return=minimal</c> (no body).</summary>
    PreferReturnMinimalHonoured,
    /// <summary>Retrieve includes appointments the consumer booked through GP Connect.</summary>
    RetrieveIncludesConsumerBookings,
    /// <summary>Retrieve includes appointments earlier today whose time has passed (the range is by date).</summary>
    RetrieveIncludesEarlierToday,
    /// <summary>Retrieve includes appointments on the upper-bound date.</summary>
    RetrieveUpperBoundInclusive,
    /// <summary>Retrieve leaves out appointments after the upper-bound date.</summary>
    RetrieveAppliesUpperBound,
    /// <summary>Retrieve lists only the requested patient's appointments.</summary>
    RetrieveOnlyThePatients,
    /// <summary>Retrieve ignores parameters it does not support (e.g. _sort).</summary>
    RetrieveIgnoresUnknownParameters,
    /// <summary>Book refuses a booking beyond the slot limit the practice set for the booking organisation (APT-120).</summary>
    BookAppliesSlotLimits,
    /// <summary>Book accepts an Appointment sent as XML (application/fhir+xml).</summary>
    BookAcceptsXml,
    /// <summary>Book and retrieve serve temporarily registered patients (Register a patient, then book: APT-118).</summary>
    AppointmentsServeTemporaryPatients,
    /// <summary>Book and retrieve ignore the patient's dissent-to-share flag (APT-021).</summary>
    AppointmentsIgnoreDissent,
    /// <summary>Cancel keeps every element but status and the cancellation reason.</summary>
    CancelKeepsOtherElements,
    /// <summary>Cancel requires status cancelled and a non-empty cancellation reason under the extension's URL.</summary>
    CancelRequiresStatusAndReason,
    /// <summary>Cancel carries out a valid cancellation the first time it is asked (no transient failure).</summary>
    CancelSucceedsFirstTime,
    /// <summary>Slot search refuses a status other than free (422 INVALID_PARAMETER).</summary>
    SlotSearchRequiresFreeStatus,
    /// <summary>Slot search refuses dateTimes without a +00:00/+01:00 offset (422 INVALID_PARAMETER).</summary>
    SlotSearchRequiresOffsets,
    /// <summary>Slot search refuses a request without _include=Slot:schedule.</summary>
    SlotSearchRequiresScheduleInclude,
    /// <summary>Slot search includes Locations and Practitioners only when asked to.</summary>
    SlotSearchIncludesOnlyRequested,
    /// <summary>Slot search ignores searchFilter tokens of systems it does not know (#662).</summary>
    SlotSearchIgnoresUnknownFilters,
    /// <summary>Appointment interactions treat an S-flagged patient as not found.</summary>
    AppointmentsHideSensitivePatients,
    /// <summary>A booking answers Location: [base]/Appointment/[id]/_history/[vid].</summary>
    BookAnswersLocation,
    /// <summary>Unsupported formats are refused with 415.</summary>
    UnsupportedFormatRefused,
    /// <summary>Responses carrying one resource send <c>ETag: W/"versionId"</c>.</summary>
    ReadETag,
    /// <summary>Find interactions refuse identifier systems other than the documented one.</summary>
    FindChecksIdentifierSystem,
    /// <summary>Find interactions refuse a request without the identifier parameter (400 BAD_REQUEST) (Foundations).</summary>
    FindRequiresIdentifier,
    /// <summary>A Find that matches nothing is a 200 empty searchset, not an error (Foundations).</summary>
    FindNoMatchIsEmptyBundle,
    /// <summary>A Read of an unknown id is 404 with the resource's own not-found code, not the catch-all NO_RECORD_FOUND (Foundations).</summary>
    ReadUnknownIdIsNotFound,
    /// <summary>Read a location handles an unknown id as 404 rather than failing (Foundations).</summary>
    LocationReadHandlesUnknownId,
    /// <summary>Find interactions refuse an identifier token without a system or without a value (Foundations).</summary>
    FindRefusesIncompleteToken,
    /// <summary>Register refuses a body that is not well-formed JSON/XML with 400 BAD_REQUEST (Foundations).</summary>
    RegisterRefusesMalformedBody,
    /// <summary>Find a patient refuses structurally invalid NHS numbers with INVALID_NHS_NUMBER (Foundations).</summary>
    FindPatientValidatesNhsNumber,
    /// <summary>Find a patient returns only active (not left, not deceased) patients (Foundations).</summary>
    FindPatientOnlyActive,
    /// <summary>Find a patient omits S-flagged patients (#658/#847).</summary>
    FindPatientOmitsSensitive,
    /// <summary>Find a patient verifies never-verified active records on PDS instead of omitting them (#921).</summary>
    FindPatientVerifiesUnverifiedRecords,
    /// <summary>Find a patient shares a never-verified record only when the PDS checks pass (#921).</summary>
    FindPatientChecksPdsBeforeSharing,
    /// <summary>Read a patient answers PATIENT_NOT_FOUND for S-flagged patients (#658/#847).</summary>
    ReadPatientHidesSensitive,
    /// <summary>Patient resources never carry the data Foundations excludes (ethnicity, marital status…) (Foundations).</summary>
    PatientWithholdsLocalOnlyData,
    /// <summary>HumanLanguage displays follow ISO 639-2 as corrected by #643.</summary>
    PatientLanguageDisplaysIso6392,
    /// <summary>Register requires meta.profile on the Patient (#697).</summary>
    RegisterRequiresMetaProfile,
    /// <summary>Register refuses a Patient missing minimum data or breaking the request rules with INVALID_RESOURCE (Foundations).</summary>
    RegisterValidatesPatient,
    /// <summary>Register refuses every element a consumer must not send, not just the first four listed (Foundations, FND-118).</summary>
    RegisterRefusesEveryForbiddenElement,
    /// <summary>Register refuses a Patient identifier without a system (Foundations; identifier.system 1..1).</summary>
    RegisterRefusesIdentifierWithoutSystem,
    /// <summary>Register checks the body is a Parameters and the registerPatient resource a Patient (Foundations, FND-119).</summary>
    RegisterChecksResourceTypes,
    /// <summary>Register refuses a patient already active at the practice with DUPLICATE_REJECTED (Foundations).</summary>
    RegisterRejectsDuplicates,
    /// <summary>Register refuses patients deceased on PDS or locally (Foundations).</summary>
    RegisterRefusesDeceased,
    /// <summary>Register refuses S-flagged patients with INVALID_PATIENT_DEMOGRAPHICS (#658/#847).</summary>
    RegisterRefusesSensitive,
    /// <summary>Register verifies the NHS number and demographics on PDS (Foundations).</summary>
    RegisterVerifiesDemographicsOnPds,
    /// <summary>Register reports PDS invalid/superseded numbers as INVALID_NHS_NUMBER (Foundations).</summary>
    RegisterReportsPdsNumberFlags,
    /// <summary>Register creates temporary registrations only, never regular/GMS (Foundations).</summary>
    RegisterOnlyTemporary,
    /// <summary>Register answers 200, not 201 (Foundations).</summary>
    RegisterAnswers200,
    /// <summary>Find interactions ignore search parameters they do not know (Foundations).</summary>
    FindIgnoresUnknownParameters,
    /// <summary>Find interactions refuse a repeated identifier parameter (Foundations).</summary>
    FindRefusesRepeatedIdentifier,
    /// <summary>The dissent-to-share flag is not applied to Foundations (Foundations).</summary>
    PatientDissentNotApplied,
    /// <summary>Find a patient returns active patients whatever their registration type (Foundations).</summary>
    FindPatientAnyRegistrationType,
    /// <summary>Slot search returns only slots wholly inside the window, never ones that overlap its start or end.</summary>
    SlotSearchSlotsWhollyInWindow,
    /// <summary>Search for free slots offers slots whose status is free, and no others.</summary>
    SlotSearchOnlyFreeSlots,
    /// <summary>Slot search returns only the Schedules its returned Slots reference.</summary>
    SlotSearchOnlyReferencedSchedules,
    /// <summary>A slot search that finds no slot is an empty searchset (no Organization either).</summary>
    SlotSearchEmptyWhenNoSlots,
    /// <summary>Slot search offers only slots the practice marked GP Connect bookable.</summary>
    SlotSearchOnlyGpConnectBookable,
    /// <summary>Slot search refuses an end before the start (422 INVALID_PARAMETER).</summary>
    SlotSearchRefusesReversedWindow,
    /// <summary>Slot search refuses a request without the status parameter.</summary>
    SlotSearchRequiresStatus,
    /// <summary>Slot search refuses a missing, empty, partial or malformed start or end instead of assuming a default.</summary>
    SlotSearchRequiresUsableBounds,
    /// <summary>Slot search refuses a start without the ge prefix or an end without the le prefix.</summary>
    SlotSearchChecksPrefixes,
    /// <summary>Slot search reads a full-date end (le yyyy-mm-dd) as covering the whole of that day.</summary>
    SlotSearchDateEndCoversWholeDay,
    /// <summary>Slot search accepts dateTimes with a +00:00/+01:00 offset as start and end.</summary>
    SlotSearchAcceptsDateTimes,
    /// <summary>Slot search accepts a window of exactly two weeks.</summary>
    SlotSearchAcceptsFullTwoWeeks,
    /// <summary>Slot search accepts windows in the past.</summary>
    SlotSearchAcceptsPastWindows,
    /// <summary>Slot search offers no slot beyond the practice's GP Connect booking horizon.</summary>
    SlotSearchAppliesBookingHorizon,
    /// <summary>Slot search gives each slot's start and end the UK offset of their own instants (not that of the window's start).</summary>
    SlotSearchGivesEachInstantItsOffset,
    /// <summary>Slot search keeps each slot's length as instants (not worked out in the wall-clock time of the window's start).</summary>
    SlotSearchKeepsSlotLengths,
    /// <summary>Read gives an appointment's start and end the UK offset of their own instants (not the offset in force when it was booked).</summary>
    ReadGivesEachInstantItsOffset,
    /// <summary>Retrieve gives each appointment's start and end the UK offset of their own instants (not that of the range's first day).</summary>
    RetrieveGivesEachInstantItsOffset,
    /// <summary>POST and PUT bodies sent with Transfer-Encoding: chunked are read like any other (spec: FHIR API guidance: HTTP headers and bodies).</summary>
    ChunkedBodiesAccepted,

    // Divergences (docs/expectations.md): the rule is the spec pages' answer; the fault that waives it answers as
    // NHS assurance expects, which the suite accepts with a warning (and fails when the divergence is set strict).
    /// <summary>Register-a-patient request errors are 422 INVALID_RESOURCE (waived: 400 INVALID_NHS_NUMBER / BAD_REQUEST as NHS assurance expects).</summary>
    RegisterRequestErrorsAreInvalidResource,
    /// <summary>A JWT claim resource of the wrong type is 400 BAD_REQUEST (waived: 422 INVALID_RESOURCE as NHS assurance expects).</summary>
    JwtWrongClaimResourceTypeIsBadRequest,
    /// <summary>iat is judged with the configured leeway (waived: up to 200 s ahead accepted, as NHS assurance does).</summary>
    JwtIssuedAtUsesConfiguredLeeway,
    /// <summary>A bad client certificate ends the TLS handshake (waived: HTTP 495/496 after the handshake, as NHS assurance accepts).</summary>
    ClientCertificateRefusedInHandshake,

    // HTTP-level rules of every interaction (FaultCatalogue.HttpLevel.cs): caching, formats, JWT lifetime, URLs and methods.
    /// <summary>Appointment responses (read, book, amend, cancel, retrieve) carry Cache-Control: no-store like every other.</summary>
    CacheControlOnAppointmentResponses,
    /// <summary>Error responses carry Cache-Control: no-store like successful ones.</summary>
    CacheControlOnErrors,
    /// <summary>400 answers (bad requests, refused methods) carry Cache-Control: no-store like every other error.</summary>
    CacheControlOnBadRequests,
    /// <summary>404 answers (an unknown patient, organisation, practitioner, location or appointment) carry Cache-Control: no-store.</summary>
    CacheControlOnNotFound,
    /// <summary>409 answers (a duplicate, a stale version) carry Cache-Control: no-store.</summary>
    CacheControlOnConflicts,
    /// <summary>415 answers (an unsupported Accept, _format or body media type) carry Cache-Control: no-store.</summary>
    CacheControlOnUnsupportedMediaType,
    /// <summary>422 answers (an invalid resource or parameter) carry Cache-Control: no-store.</summary>
    CacheControlOnUnprocessable,
    /// <summary>501 answers (a resource type or operation not implemented) carry Cache-Control: no-store.</summary>
    CacheControlOnNotImplemented,
    /// <summary>Read a practitioner honours Accept and _format like every other interaction.</summary>
    PractitionerReadNegotiatesFormat,
    /// <summary>A response's Content-Type names the syntax of its body (Find a patient answering XML writes XML).</summary>
    ContentTypeMatchesBody,
    /// <summary>A JWT is valid only when exp is exactly iat + 300 s.</summary>
    JwtLifetimeIsFiveMinutes,
    /// <summary>Paths are case sensitive: /Metadata or /patient name no interaction.</summary>
    PathsCaseSensitive,
    /// <summary>An empty id segment (/Patient/) is refused as a bad request instead of failing inside the provider.</summary>
    EmptyIdSegmentRefused,
    /// <summary>Operation names must match exactly ($gpc.registerpatient, not a prefix of it).</summary>
    OperationNameExact,
    /// <summary>A booking is made only by POST to [base]/Appointment, never to an instance URL.</summary>
    BookingOnlyOnTypeUrl,
}
