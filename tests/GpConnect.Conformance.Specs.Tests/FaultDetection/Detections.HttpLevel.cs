namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// Faults in what every interaction shares at the HTTP level (FaultCatalogue.HttpLevel.cs): Cache-Control on every
/// answer, format negotiation on every interaction, the capability statement's declarations, the JWT lifetime, and URLs
/// and methods no interaction uses.
/// </summary>
public static class HttpLevelDetections
{
    private const string Conventions = "features/core/resource-conventions.feature";
    private const string Formats = "features/core/formats.feature";
    private const string Capability = "features/foundations/get-the-fhir-capability-statement.feature";
    private const string Jwt = "features/core/jwt.feature";
    private const string Errors = "features/core/errors.feature";

    private const string NoStore = "must carry Cache-Control: no-store";
    private const string NotXml = "Expected a Xml response (Content-Type application/fhir+xml) but";
    private const string JsonBody = "Expected a FHIR Xml body but the body is Json";
    private const string Charset = "Responses must state charset=utf-8 in Content-Type";

    public static IReadOnlyList<Detection> All { get; } =
    [
        // Cache-Control: no-store on every answer, successes and errors
        new("no-cache-control", Conventions, "Every Read a patient answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Find a patient answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Read a practitioner answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Find a practitioner answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Find an organisation answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Read a location answer carries Cache-Control no-store", NoStore),
        new("no-cache-control", Conventions, "Every Register a patient answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "Every Retrieve a patient's appointments answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "Every Read an appointment answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "Every Book an appointment answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "Every Amend an appointment answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "Every Cancel an appointment answer carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A PATIENT_NOT_FOUND error answering Read a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A NO_RECORD_FOUND error answering Read a location carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A NO_RECORD_FOUND error answering Read an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "A NO_RECORD_FOUND error answering Read an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A NO_RECORD_FOUND error answering Amend an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "A NO_RECORD_FOUND error answering Amend an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A NOT_IMPLEMENTED error carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A refusal of an Accept of text/plain as an unsupported media type carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A refusal of a booking body sent as text/plain as an unsupported media type carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "An INVALID_RESOURCE refusal of a booking carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "An INVALID_RESOURCE refusal of a booking carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A DUPLICATE_REJECTED refusal of a second booking of the same slot carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "A DUPLICATE_REJECTED refusal of a second booking of the same slot carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "An error response carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A ORGANISATION_NOT_FOUND error answering Read an organisation carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A PRACTITIONER_NOT_FOUND error answering Read a practitioner carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A INVALID_IDENTIFIER_VALUE error answering Find an organisation carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A 409 DUPLICATE_REJECTED answer to Register a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A 400 INVALID_PATIENT_DEMOGRAPHICS answer to Register a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A 422 INVALID_PARAMETER answer to Search for free slots carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A 422 INVALID_PARAMETER answer to Retrieve a patient's appointments carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "A 422 INVALID_PARAMETER answer to Retrieve a patient's appointments carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A refusal of a method the interaction is not made with carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-errors", Conventions, "A 409 refusal of an amendment made with an out-of-date version carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-appointments", Conventions, "A 409 refusal of an amendment made with an out-of-date version carries Cache-Control no-store", NoStore),

        // Each class of error answer on its own: a provider that forgets the header in one error path fails the rows of that class.
        new("no-cache-control-on-bad-request", Conventions, "An error response carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-bad-request", Conventions, "A INVALID_IDENTIFIER_VALUE error answering Find an organisation carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-bad-request", Conventions, "A 400 INVALID_PATIENT_DEMOGRAPHICS answer to Register a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-bad-request", Conventions, "A refusal of a method the interaction is not made with carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A PATIENT_NOT_FOUND error answering Read a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A NO_RECORD_FOUND error answering Read a location carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A NO_RECORD_FOUND error answering Read an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A NO_RECORD_FOUND error answering Amend an appointment carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A ORGANISATION_NOT_FOUND error answering Read an organisation carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-found", Conventions, "A PRACTITIONER_NOT_FOUND error answering Read a practitioner carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-conflict", Conventions, "A DUPLICATE_REJECTED refusal of a second booking of the same slot carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-conflict", Conventions, "A 409 DUPLICATE_REJECTED answer to Register a patient carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-conflict", Conventions, "A 409 refusal of an amendment made with an out-of-date version carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-unsupported-media-type", Conventions, "A refusal of an Accept of text/plain as an unsupported media type carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-unsupported-media-type", Conventions, "A refusal of a booking body sent as text/plain as an unsupported media type carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-unprocessable", Conventions, "An INVALID_RESOURCE refusal of a booking carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-unprocessable", Conventions, "A 422 INVALID_PARAMETER answer to Search for free slots carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-unprocessable", Conventions, "A 422 INVALID_PARAMETER answer to Retrieve a patient's appointments carries Cache-Control no-store", NoStore),
        new("no-cache-control-on-not-implemented", Conventions, "A NOT_IMPLEMENTED error carries Cache-Control no-store", NoStore),

        // Format negotiation on every interaction
        new("xml-ignored", Formats, "A Read a patient request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read a patient request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("content-type-without-charset", Formats, "A Read a patient request that asks for _format \"application/fhir+json\" is answered in FHIR JSON", Charset),
        new("xml-ignored", Formats, "A Find a patient request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("find-patient-xml-label-on-json", Formats, "A Find a patient request that accepts \"application/fhir+xml\" is answered in FHIR XML", JsonBody),
        new("xml-ignored", Formats, "A Find a patient request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("find-patient-xml-label-on-json", Formats, "A Find a patient request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", JsonBody),
        new("content-type-without-charset", Formats, "A Find a patient request that asks for _format \"application/fhir+json\" is answered in FHIR JSON", Charset),
        new("xml-ignored", Formats, "A Read a practitioner request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("practitioner-read-ignores-format", Formats, "A Read a practitioner request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read a practitioner request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("practitioner-read-ignores-format", Formats, "A Read a practitioner request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("content-type-without-charset", Formats, "A Read a practitioner request that asks for _format \"application/fhir+json\" is answered in FHIR JSON", Charset),
        new("xml-ignored", Formats, "A Find a practitioner request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Find a practitioner request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read an organisation request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read an organisation request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Find an organisation request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Find an organisation request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read a location request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read a location request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Retrieve a patient's appointments request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Retrieve a patient's appointments request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read an appointment request that accepts \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Read an appointment request that asks for _format \"application/fhir+xml\" is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Register a patient request asking for _format application/fhir+xml is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Book an appointment request accepting FHIR XML is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "An Amend an appointment request asking for _format application/fhir+xml is answered in FHIR XML", NotXml),
        new("xml-ignored", Formats, "A Cancel an appointment request accepting FHIR XML is answered in FHIR XML", NotXml),
        new("content-type-without-charset", Formats, "A request asking for _format json is answered in FHIR JSON or refused as unsupported", Charset),
        new("xml-ignored", Formats, "A request asking for _format xml is answered in FHIR XML or refused as unsupported", NotXml),
        new("content-type-without-charset", Formats, "A request asking for _format application/json is answered in FHIR JSON or refused as unsupported", Charset),
        new("xml-ignored", Formats, "A request asking for _format application/xml is answered in FHIR XML or refused as unsupported", NotXml),
        new("xml-ignored", Formats, "A request asking for _format text/xml is answered in FHIR XML or refused as unsupported", NotXml),

        // What the capability statement declares
        new("capability-without-appointment-update", Capability, "The capability statement declares the Appointment Management interactions and every slot search include", "does not declare the update interaction"),
        new("capability-without-slot-practitioner-include", Capability, "The capability statement declares the Appointment Management interactions and every slot search include", "does not declare the searchInclude Schedule:actor:Practitioner"),
        new("capability-without-software-version", Capability, "The capability statement names the provider's software and its version", "CapabilityStatement.software.version must name"),
        new("capability-format-without-xml", Capability, "A provider that serves FHIR XML declares it in its capability statement", "The provider serves FHIR XML but CapabilityStatement.format does not declare it"),

        // JWT lifetime
        new("accept-jwt-lifetime-not-300", Jwt, "A Get the FHIR capability statement token whose lifetime is 299 seconds instead of 300 is rejected", "Expected HTTP 400 but the provider answered 200"),
        new("accept-jwt-lifetime-not-300", Jwt, "A Get the FHIR capability statement token whose lifetime is 301 seconds instead of 300 is rejected", "Expected HTTP 400 but the provider answered 200"),
        new("accept-jwt-lifetime-not-300", Jwt, "A Search for free slots token whose lifetime is 3600 seconds instead of 300 is rejected", "Expected HTTP 400 but the provider answered 200"),
        new("accept-jwt-lifetime-not-300", Jwt, "A token that expires before it was issued is rejected", "Expected HTTP 400 but the provider answered 200"),
        new("accept-wrong-scope-family", Jwt, "A Read a patient token whose requested_scope is organization/*.read, the wrong family for a patient, is rejected", "Expected HTTP 400 but the provider answered 200"),

        // URLs and methods
        new("accept-wrong-method", Errors, "PATCH on the capability statement is refused", "Expected HTTP 400 but the provider answered 200"),
        new("accept-wrong-method", Errors, "DELETE on the capability statement is refused", "Expected HTTP 400 but the provider answered 200"),
        new("accept-wrong-method", Errors, "OPTIONS on the capability statement is not served as the interaction", "OPTIONS is no GP Connect interaction"),
        new("accept-wrong-method", Errors, "PATCH on the practice organisation is refused", "Expected HTTP 400 but the provider answered 200"),
        new("accept-wrong-method", Errors, "OPTIONS on the practice organisation is not served as the interaction", "OPTIONS is no GP Connect interaction"),
        new("empty-id-server-error", Errors, "A patient read with no id (/Patient/) is refused", "answered 500 with INTERNAL_SERVER_ERROR"),
        new("operation-name-prefix-matched", Errors, "A registration sent to a misspelt operation name is refused as not implemented", "answered 400 with INVALID_PATIENT_DEMOGRAPHICS"),
        new("paths-case-insensitive", Errors, "A capability statement request to /Metadata, in the wrong letter case, is refused", "Expected HTTP 501 but the provider answered 200"),
        new("booking-on-instance-url", Errors, "A booking posted to an appointment's own URL is refused", "Expected HTTP 400 but the provider answered 422 with INVALID_RESOURCE"),
        new("wrong-error-code-for-unknown-type", Errors, "A booking posted to /Appointments, a resource type that does not exist, is refused", "Expected Spine error code"),
    ];
}
