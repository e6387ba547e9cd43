namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Core features (features/core/, and the Core tickets #640) must catch: headers, JWT, formats, errors, TLS, conventions.</summary>
public static class CoreDetections
{
    private const string Headers = "features/core/ssp-headers.feature";
    private const string Jwt = "features/core/jwt.feature";
    private const string ClockSkew = "features/tickets/1.2.3/gpc-640-jwt-clock-skew.feature";
    private const string Formats = "features/core/formats.feature";
    private const string Errors = "features/core/errors.feature";
    private const string Conventions = "features/core/resource-conventions.feature";
    private const string Tls = "features/core/tls-mutual-authentication.feature";

    private const string IssuedAhead180 = "A token issued 180 seconds in the future is judged by the configured leeway and iat rule";

    public static IReadOnlyList<Detection> All { get; } =
    [
        // SSP headers
        new("accept-missing-interaction-id", Headers, "A Get the FHIR capability statement request without the Ssp-InteractionID header is rejected", "Expected HTTP 400"),
        new("accept-missing-trace-id", Headers, "A Get the FHIR capability statement request without the Ssp-TraceID header is rejected", "Expected HTTP 400"),
        new("accept-missing-trace-id", Headers, "A Get the FHIR capability statement request with an empty Ssp-TraceID header is rejected", "Expected HTTP 400"),
        new("accept-missing-ssp-from", Headers, "A Search for free slots request without the Ssp-From header is rejected", "Expected HTTP 400"),
        new("accept-missing-ssp-to", Headers, "A Book an appointment request without the Ssp-To header is rejected", "Expected HTTP 400"),
        new("accept-bad-trace-id", Headers, "A Search for free slots request whose Ssp-TraceID is not a GUID is rejected", "Expected HTTP 400"),
        new("accept-wrong-ssp-to", Headers, "A Get the FHIR capability statement request whose Ssp-To is not the provider's ASID is rejected", "Expected HTTP 400"),
        new("accept-mismatched-interaction-id", Headers, "A Get the FHIR capability statement request naming the Read a patient interaction in Ssp-InteractionID is rejected", "Expected HTTP 400"),
        new("accept-unknown-interaction-id", Headers, "A Search for free slots request whose Ssp-InteractionID is not a GP Connect interaction is rejected", "Expected HTTP 400"),
        new("interaction-id-case-insensitive", Headers, "A Get the FHIR capability statement request whose Ssp-InteractionID differs only in letter case is rejected", "Expected HTTP 400"),

        // JWT
        new("accept-missing-bearer-token", Jwt, "A Get the FHIR capability statement request with no Authorization header is rejected", "Expected HTTP 400"),
        new("accept-missing-bearer-token", Jwt, "A Get the FHIR capability statement request with the Basic authorization scheme is rejected", "Expected HTTP 400"),
        new("accept-missing-jwt-claims", Jwt, "A token without the iss claim is rejected", "Expected HTTP 400"),
        new("accept-missing-jwt-claims", Jwt, "A token whose aud claim is null is rejected", "Expected HTTP 400"),
        new("accept-malformed-jwt", Jwt, "A malformed token with no trailing dot is rejected", "Expected HTTP 400"),
        new("accept-malformed-jwt", Jwt, "A malformed token with a payload that is not JSON is rejected", "Expected HTTP 400"),
        new("accept-signed-jwt", Jwt, "A signed token with a header alg of HS256 and a signature is rejected where alg none is required", "Expected HTTP 400"),
        new("accept-wrong-jwt-claim-types", Jwt, "A token with exp sent as a string is rejected as a claim of the wrong type", "Expected HTTP 400"),
        new("accept-non-url-iss", Jwt, "A token whose iss is not a URL is rejected", "Expected HTTP 400"),
        new("accept-wrong-jwt-claim-types", Jwt, "A token with requesting_device sent as a string is rejected as a claim of the wrong type", "Expected HTTP 400"),
        new("accept-wrong-reason-for-request", Jwt, "A token whose reason_for_request is not directcare is rejected", "Expected HTTP 400"),
        new("accept-unknown-scope", Jwt, "A Search for free slots token whose requested_scope is not a GP Connect scope is rejected", "Expected HTTP 400"),
        new("accept-wrong-scope-family", Jwt, "A Get the FHIR capability statement token whose requested_scope is a GP Connect scope of the wrong family is rejected", "Expected HTTP 400"),
        new("accept-wrong-scope-family", Jwt, "A Search for free slots token whose requested_scope is a GP Connect scope of the wrong family is rejected", "Expected HTTP 400"),
        new("accept-wrong-scope-family", Jwt, "A Book an appointment token whose requested_scope is a GP Connect scope of the wrong family is rejected", "Expected HTTP 400"),
        new("accept-wrong-jwt-audience", Jwt, "A token whose aud is another provider's service root is rejected", "Expected HTTP 400"),
        new("accept-sub-mismatch", Jwt, "A token whose sub is not the requesting practitioner's id is rejected", "Expected HTTP 400"),
        new("accept-wrong-claim-resource-type", Jwt, "A token with a Patient as requesting_practitioner is rejected as a claim resource of the wrong type", "Expected HTTP 400"),
        new("accept-wrong-claim-resource-type", Jwt, "A token with a Patient as requesting_organization is rejected as a claim resource of the wrong type", "Expected HTTP 400"),
        // Divergence jwtClaimResourceType: 422 INVALID_RESOURCE warns by default, fails when strict (organisation stays 400).
        new("nhs-assurance-claim-resource-type-422", Jwt, "A token with a Patient as requesting_device is rejected as a claim resource of the wrong type", "jwtClaimResourceType=strict to fail it", Warns: true),
        new("nhs-assurance-claim-resource-type-422", Jwt, "A token with a Patient as requesting_practitioner is rejected as a claim resource of the wrong type", "jwtClaimResourceType=strict makes this a failure",
            Settings: "expectations:divergences:jwtClaimResourceType=strict"),
        new("accept-invalid-claim-resource", Jwt, "A token with requesting_device.model as an object is rejected as an invalid FHIR resource", "Expected HTTP 422"),
        new("accept-missing-requesting-identifiers", Jwt, "A token with requesting_organization without its ODS code identifier is rejected", "Expected HTTP 400"),
        new("reject-consumer-variance", Jwt, "A Get the FHIR capability statement token with UNK as the SDS user id and SDS role profile id is accepted", "Expected HTTP 200"),
        new("reject-consumer-variance", Jwt, "A Search for free slots token with only the SDS user id identifier on requesting_practitioner is accepted", "Expected HTTP 200"),
        new("accept-expired-jwt", Jwt, "A Get the FHIR capability statement token that expired 180 seconds ago is rejected", "must be rejected"),

        // #640 clock skew
        new("accept-expired-jwt", ClockSkew, "A token that expired 180 seconds ago is rejected under any leeway the seed allows", "must be rejected"),
        new("no-clock-skew-leeway", ClockSkew, "A token that expired 60 seconds ago is judged by the configured leeway", "must be accepted"),
        new("no-clock-skew-leeway", ClockSkew, "A token issued 60 seconds in the future by a fast consumer clock is accepted", "must be accepted"),
        new("accept-future-iat", ClockSkew, "A token issued 300 seconds in the future, beyond what NHS assurance accepts, is judged by the configured leeway and iat rule", "must be rejected"),
        // Divergence jwtIssuedAhead: accepting a token up to 200 s ahead warns by default and fails when strict.
        new("nhs-assurance-iat-leeway", ClockSkew, IssuedAhead180, "jwtIssuedAhead=strict to fail it", Warns: true),
        new("nhs-assurance-iat-leeway", ClockSkew, IssuedAhead180, "jwtIssuedAhead=strict makes this a failure",
            Settings: "expectations:divergences:jwtIssuedAhead=strict"),

        // Formats
        new("xml-ignored", Formats, "A Get the FHIR capability statement request accepting FHIR XML is answered in FHIR XML", "application/fhir+xml"),
        new("format-precedence-ignored", Formats, "_format asking for JSON wins over Accept asking for XML", "application/fhir+json"),
        new("request-content-type-ignored", Formats, "A Book an appointment request with an XML body and no Accept is answered in XML", "application/fhir+xml"),
        new("unsupported-format-served-as-json", Formats, "A Get the FHIR capability statement request accepting only text/plain is refused", "Expected HTTP 415"),
        new("unsupported-format-served-as-json", Formats, "A request asking for _format application/pdf is refused", "Expected HTTP 415"),
        new("xml-ignored", Formats, "The formats the capability statement declares are the formats the provider serves", "Declared format application/fhir+xml"),
        new("capability-format-without-json", Formats, "The formats the capability statement declares are the formats the provider serves", "must list application/fhir+json"),
        new("no-gzip", Formats, "A Search for free slots request accepting gzip gets a gzip-compressed response", "GZIP SHALL be supported"),
        new("content-type-without-charset", Formats, "A Get the FHIR capability statement request accepting FHIR JSON with a charset is answered in FHIR JSON", "charset=utf-8"),

        // Errors
        new("error-status-not-mapped", Errors, "Reading an unknown Organization id gives ORGANISATION_NOT_FOUND", "Expected HTTP 404"),
        new("error-without-profile", Errors, "Reading an unknown Location id gives NO_RECORD_FOUND", "GPConnect-OperationOutcome-1 profile in meta.profile"),
        new("error-wrong-coding-system", Errors, "Reading an unknown Location id gives NO_RECORD_FOUND", "Spine-ErrorOrWarningCode-1 system"),
        new("error-severity-warning", Errors, "Reading an unknown Location id gives NO_RECORD_FOUND", "severity must be \"error\""),
        new("wrong-error-code-for-unknown-type", Errors, "Reading a resource type GP Connect does not implement gives NOT_IMPLEMENTED", "NOT_IMPLEMENTED or BAD_REQUEST"),
        new("accept-wrong-method", Errors, "DELETE on the practice organisation with the read interaction ID is rejected", "Expected HTTP 400"),
        new("error-without-diagnostics", Jwt, "A token with requesting_device.model as an object is rejected as an invalid FHIR resource", "must carry issue.diagnostics"),
        new("error-without-diagnostics", Errors, "A booking whose Appointment has no start gives INVALID_RESOURCE", "must carry issue.diagnostics"),
        new("error-status-not-mapped", Errors, "Amending an appointment that does not exist gives NO_RECORD_FOUND and creates nothing", "Expected HTTP 404"),
        new("errors-always-json", Errors, "An error to a Get the FHIR capability statement request that asked for XML is an XML OperationOutcome", "application/fhir+xml"),

        // Response headers and resource conventions
        new("no-cache-control", Conventions, "A successful Read an organisation response carries Cache-Control no-store", "Cache-Control"),
        new("no-cache-control", Conventions, "An error response carries Cache-Control no-store", "Cache-Control"),
        new("etag-not-weak", Conventions, "A read carries the weak ETag of the resource's version", "weak tag"),
        new("organization-without-version-id", Conventions, "A read returns the requested resource with its GP Connect profile and a version id", "meta.versionId"),
        new("absolute-references", Conventions, "Every reference in a search result is a local relative reference", "local relative references"),
        new("location-dstu2-identifier-system", Conventions, "Identifier systems in a search result are the 1.x https://fhir.nhs.uk/Id/ URLs", "DSTU2 system"),
        new("schedule-ids-invalid", Conventions, "Every resource id in a search result is a valid FHIR logical id", "not a valid FHIR logical id"),
        new("schedule-horizon-utc-times", Conventions, "Slot and schedule times in a search result are UK local times with an explicit offset", "explicit +00:00 or +01:00 offset"),
        new("capability-without-slot-profile", Conventions, "The capability statement identifies every Foundations and Appointment Management profile", "GPConnect-Slot-1"),
        new("bundle-full-url", Conventions, "Searchset entries carry no fullUrl", "fullUrl"),

        // TLS mutual authentication
        new("no-hsts", Tls, "A consumer presenting its trusted client certificate is served with Strict-Transport-Security", "Strict-Transport-Security"),
        new("tls-client-cert-not-required", Tls, "A connection without a client certificate is refused", "answered HTTP 200"),
        new("accept-untrusted-client-cert", Tls, "A connection with a client certificate from an untrusted CA is refused", "answered HTTP 200"),
        new("accept-expired-client-cert", Tls, "A connection with an expired client certificate is refused", "answered HTTP 200"),
        // Divergence clientCertificateHttpError: HTTP 495/496 after the handshake warns by default, fails when strict.
        new("nhs-assurance-client-cert-http-errors", Tls, "A connection without a client certificate is refused", "clientCertificateHttpError=strict to fail it", Warns: true),
        new("nhs-assurance-client-cert-http-errors", Tls, "A connection with a client certificate from an untrusted CA is refused", "clientCertificateHttpError=strict to fail it", Warns: true),
        new("nhs-assurance-client-cert-http-errors", Tls, "A connection with an expired client certificate is refused", "clientCertificateHttpError=strict to fail it", Warns: true),
        new("nhs-assurance-client-cert-http-errors", Tls, "A connection with an expired client certificate is refused", "clientCertificateHttpError=strict makes this a failure",
            Settings: "expectations:divergences:clientCertificateHttpError=strict"),
        new("chunked-body-refused", "features/core/formats.feature",
            "A request body sent chunked is processed like any other", "Expected HTTP 201 but the provider answered 400"),
        // Response times: the faults hold one interaction back 500 ms; the runs tighten the limits to 300 ms so the
        // detection stays quick while the clean provider (a few ms) is still well inside them.
        new("slow-capability-statement", "features/core/response-times.feature",
            "A query is answered within the query time limit", "GP Connect allows at most 300 ms",
            Settings: "expectations:queryResponseLimitMs=300"),
        new("slow-booking", "features/core/response-times.feature",
            "A booking is answered within the command time limit", "GP Connect allows at most 300 ms",
            Settings: "expectations:commandResponseLimitMs=300"),
        // Between the SHOULD target and the SHALL limit: the same slow answers pass with a warning.
        new("slow-capability-statement", "features/core/response-times.feature",
            "A query is answered within the query time limit", "SHOULD be answered within 300 ms",
            Settings: "expectations:queryResponseTargetMs=300", Warns: true),
        new("slow-booking", "features/core/response-times.feature",
            "A booking is answered within the command time limit", "SHOULD be answered within 300 ms",
            Settings: "expectations:commandResponseLimitMs=3000; expectations:commandResponseTargetMs=300", Warns: true),
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
    };
}
