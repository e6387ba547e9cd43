using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in transport, headers, JWT, formats, error responses and resource conventions shared by every interaction.</summary>
    private static IReadOnlyList<FaultDefinition> CoreFaults =>
    [
        // SSP headers (spec: Spine Secure Proxy: request headers)
        new RuleWaiverFault(
            new("accept-missing-interaction-id", "A request without Ssp-InteractionID is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.InteractionIdRequired),
        new RuleWaiverFault(
            new("accept-wrong-ssp-to", "A request whose Ssp-To is not the provider's ASID is served instead of rejected."),
            ProviderRule.SspToMustMatchAsid),
        new RuleWaiverFault(
            new("accept-missing-trace-id", "A request without (or with an empty) Ssp-TraceID is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.SspTraceIdRequired),
        new RuleWaiverFault(
            new("accept-bad-trace-id", "A request whose Ssp-TraceID is not a GUID is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.SspTraceIdMustBeGuid),
        new RuleWaiverFault(
            new("accept-missing-ssp-from", "A request without (or with an empty) Ssp-From is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.SspFromRequired),
        new RuleWaiverFault(
            new("accept-missing-ssp-to", "A request without (or with an empty) Ssp-To is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.SspToRequired),
        new RuleWaiverFault(
            new("accept-unknown-interaction-id", "An Ssp-InteractionID that is no GP Connect URN is ignored and the path decides the interaction."),
            ProviderRule.InteractionIdMustBeKnown),
        new RuleWaiverFault(
            new("interaction-id-case-insensitive", "Ssp-InteractionID is matched ignoring letter case."),
            ProviderRule.InteractionIdCaseSensitive),
        new RuleWaiverFault(
            new("accept-mismatched-interaction-id", "An Ssp-InteractionID naming another interaction is ignored and the path decides the interaction."),
            ProviderRule.InteractionIdMatchesRequest),
        new RuleWaiverFault(
            new("accept-wrong-method", "A request with the wrong HTTP method for its interaction is served as that interaction."),
            ProviderRule.MethodMatchesInteraction),

        // JWT (spec: Cross-organisation audit and provenance (JWT))
        new RuleWaiverFault(
            new("accept-expired-jwt", "A JWT expired beyond the clock-skew leeway is accepted."),
            ProviderRule.JwtExpiryEnforced),
        new RuleWaiverFault(
            new("accept-wrong-jwt-audience", "A JWT whose aud is not the provider's service root is accepted."),
            ProviderRule.JwtAudienceEnforced),
        new RuleWaiverFault(
            new("accept-missing-bearer-token", "A request without an Authorization: Bearer token is served (the JWT is not checked)."),
            ProviderRule.BearerTokenRequired),
        new RuleWaiverFault(
            new("accept-malformed-jwt", "A bearer token that is not three base64url JSON segments ending in '.' is accepted."),
            ProviderRule.JwtStructureChecked),
        new RuleWaiverFault(
            new("accept-signed-jwt", "A JWT with an alg other than none, or with a signature, is accepted."),
            ProviderRule.JwtUnsigned),
        new RuleWaiverFault(
            new("accept-missing-jwt-claims", "A JWT with a mandatory claim missing or null is accepted."),
            ProviderRule.JwtClaimsRequired),
        new RuleWaiverFault(
            new("accept-wrong-jwt-claim-types", "JWT claims of the wrong JSON type (e.g. exp as a string) are accepted."),
            ProviderRule.JwtClaimTypesChecked),
        new RuleWaiverFault(
            new("accept-wrong-claim-resource-type", "A JWT claim resource of the wrong type (e.g. a Patient as requesting_device) is accepted."),
            ProviderRule.JwtClaimResourceTypesChecked),
        new RuleWaiverFault(
            new("accept-invalid-claim-resource", "A JWT claim resource that is not valid base STU3 is accepted instead of 422 INVALID_RESOURCE."),
            ProviderRule.JwtClaimResourcesValidated),
        new RuleWaiverFault(
            new("accept-non-url-iss", "A JWT whose iss is not an absolute URL is accepted."),
            ProviderRule.JwtIssuerIsUrl),
        new RuleWaiverFault(
            new("accept-wrong-reason-for-request", "A JWT whose reason_for_request is not directcare is accepted."),
            ProviderRule.JwtReasonForRequestChecked),
        new RuleWaiverFault(
            new("accept-unknown-scope", "A JWT whose requested_scope is not one of the four GP Connect scopes is accepted."),
            ProviderRule.JwtScopeValueChecked),
        new RuleWaiverFault(
            new("accept-wrong-scope-family", "A JWT with a GP Connect scope of the other family (e.g. patient/*.read on a slot search, organization/*.write on a booking) is accepted."),
            ProviderRule.JwtScopeFamilyChecked),
        new RuleWaiverFault(
            new("accept-missing-requesting-identifiers", "A JWT without the requesting organisation's ODS code or the practitioner's SDS user id is accepted."),
            ProviderRule.JwtRequestingIdentifiersRequired),
        new RuleWaiverFault(
            new("accept-sub-mismatch", "A JWT whose sub differs from requesting_practitioner.id is accepted."),
            ProviderRule.JwtSubMatchesPractitioner),
        new RuleWaiverFault(
            new("accept-future-iat", "A JWT issued further in the future than the clock-skew leeway is accepted (iat not checked)."),
            ProviderRule.JwtIssuedAtChecked),
        new RuleWaiverFault(
            new("nhs-assurance-iat-leeway", "A JWT issued up to 200 s in the future is accepted, as NHS assurance does, instead of only within the configured leeway (a divergence the suite warns on)."),
            ProviderRule.JwtIssuedAtUsesConfiguredLeeway),
        new RuleWaiverFault(
            new("nhs-assurance-claim-resource-type-422", "A JWT claim resource of the wrong type is answered 422 INVALID_RESOURCE, as NHS assurance expects, instead of 400 BAD_REQUEST (a divergence the suite warns on)."),
            ProviderRule.JwtWrongClaimResourceTypeIsBadRequest),
        new RuleWaiverFault(
            new("no-clock-skew-leeway", "JWT timing allows no clock skew (leeway 0 s) instead of the configured leeway (#640)."),
            ProviderRule.JwtClockSkewLeeway),
        new RuleWaiverFault(
            new("reject-consumer-variance", "A JWT whose practitioner lacks the role profile or local identifier, or uses UNK SDS values, is rejected."),
            ProviderRule.JwtToleratesConsumerVariance),

        // Formats (spec: FHIR API guidance: content types)
        new RuleWaiverFault(
            new("unsupported-format-served-as-json", "A request for an unsupported format is answered in JSON instead of 415."),
            ProviderRule.UnsupportedFormatRefused),
        new RuleWaiverFault(
            new("xml-ignored", "A request asking for XML with Accept or _format is answered in JSON."),
            ProviderRule.XmlServed),
        new RuleWaiverFault(
            new("format-precedence-ignored", "Accept wins over _format when both are sent."),
            ProviderRule.FormatParameterWinsOverAccept),
        new RuleWaiverFault(
            new("request-content-type-ignored", "Without Accept or _format, an XML request body gets a JSON response."),
            ProviderRule.ResponseFormatFollowsRequestBody),
        new RuleWaiverFault(
            new("content-type-without-charset", "Response Content-Type omits charset=utf-8."),
            ProviderRule.ContentTypeWithCharset),
        new RuleWaiverFault(
            new("no-gzip", "Responses are never gzip-compressed, even when the request accepts gzip."),
            ProviderRule.GzipSupported),
        new ResourceDecorationFault(
            new("capability-format-without-json", "CapabilityStatement.format lists only application/fhir+xml, not application/fhir+json."),
            "CapabilityStatement",
            cs => cs["format"] = new JsonArray("application/fhir+xml")),

        // Errors (spec: Error handling guidance)
        new ResourceDecorationFault(
            new("error-without-profile", "OperationOutcome errors omit meta.profile GPConnect-OperationOutcome-1."),
            "OperationOutcome",
            oo => oo.Remove("meta")),
        new ResourceDecorationFault(
            new("error-wrong-coding-system", "OperationOutcome Spine error codings use a DSTU2 system instead of Spine-ErrorOrWarningCode-1."),
            "OperationOutcome",
            oo => EachIssue(oo, issue => { if (issue["details"]?["coding"]?[0] is JsonObject coding) coding["system"] = "http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1"; })),
        new ResourceDecorationFault(
            new("error-severity-warning", "OperationOutcome issues have severity warning instead of error."),
            "OperationOutcome",
            oo => EachIssue(oo, issue => issue["severity"] = "warning")),
        new ResourceDecorationFault(
            new("error-without-diagnostics", "OperationOutcome issues carry no diagnostics, even for INVALID_RESOURCE."),
            "OperationOutcome",
            oo => EachIssue(oo, issue => issue.Remove("diagnostics"))),
        new RuleWaiverFault(
            new("errors-always-json", "Error responses are written in JSON whatever format was negotiated."),
            ProviderRule.ErrorsFollowNegotiatedFormat),
        new RuleWaiverFault(
            new("error-status-not-mapped", "Every error is sent with HTTP 400 whatever its Spine code."),
            ProviderRule.ErrorStatusFollowsSpineCode),
        new RuleWaiverFault(
            new("wrong-error-code-for-unknown-type", "A request for an unimplemented resource type gets 404 NO_RECORD_FOUND instead of 501 NOT_IMPLEMENTED."),
            ProviderRule.UnknownResourceTypeNotImplemented),

        // Resource conventions and response headers (the Core spec pages)
        new RuleWaiverFault(
            new("no-cache-control", "Responses omit Cache-Control: no-store."),
            ProviderRule.CacheControlNoStore),
        new RuleWaiverFault(
            new("etag-not-weak", "ETag is sent as a strong tag (\"versionId\") instead of W/\"versionId\"."),
            ProviderRule.WeakETag),
        new ResourceDecorationFault(
            new("bundle-full-url", "Searchset Bundle entries carry fullUrl (which providers SHOULD NOT populate)."),
            "Bundle",
            AddFullUrls),
        new ResourceDecorationFault(
            new("absolute-references", "Location.managingOrganization is an absolute URL instead of a relative Organization/id reference."),
            "Location",
            l => { if (l["managingOrganization"] is JsonObject r && r["reference"]?.GetValue<string>() is { } reference && !reference.Contains("://")) r["reference"] = "https://provider.example/A20047/STU3/1/gpconnect/" + reference; }),
        new ResourceDecorationFault(
            new("capability-without-slot-profile", "CapabilityStatement.profile leaves out GPConnect-Slot-1."),
            "CapabilityStatement",
            cs => { if (cs["profile"] is JsonArray profiles) foreach (var slot in profiles.Where(p => p?["reference"]?.GetValue<string>().EndsWith("/GPConnect-Slot-1") == true).ToList()) profiles.Remove(slot); }),
        new ResourceDecorationFault(
            new("location-dstu2-identifier-system", "Location identifiers use the DSTU2 http://fhir.nhs.net/Id/ systems instead of https://fhir.nhs.uk/Id/."),
            "Location",
            l => { foreach (var identifier in (l["identifier"] as JsonArray ?? []).OfType<JsonObject>()) identifier["system"] = identifier["system"]?.GetValue<string>().Replace("https://fhir.nhs.uk/Id/", "http://fhir.nhs.net/Id/"); }),
        new ResourceDecorationFault(
            new("schedule-ids-invalid", "Schedule ids contain an underscore, which FHIR ids do not allow."),
            "Schedule",
            s => s["id"] = "schedule_" + s["id"]?.GetValue<string>()),
        new ResourceDecorationFault(
            new("schedule-horizon-utc-times", "Schedule.planningHorizon start and end are written in UTC with a Z suffix instead of a UK offset."),
            "Schedule",
            schedule => { if (schedule["planningHorizon"] is JsonObject horizon) WriteSlotTimesInUtc(horizon); }),
        new ResourceDecorationFault(
            new("organization-without-version-id", "Organization resources have no meta.versionId."),
            "Organization",
            o => (o["meta"] as JsonObject)?.Remove("versionId")),

        // TLS (spec: FHIR API guidance: TLS mutual authentication)
        new RuleWaiverFault(
            new("no-hsts", "HTTPS responses omit Strict-Transport-Security."),
            ProviderRule.StrictTransportSecurity),
        new RuleWaiverFault(
            new("tls-client-cert-not-required", "Over HTTPS, a client that presents no certificate is served."),
            ProviderRule.ClientCertificateRequired),
        new RuleWaiverFault(
            new("accept-untrusted-client-cert", "Over HTTPS, a client certificate from an unknown CA is accepted."),
            ProviderRule.ClientCertificateChainChecked),
        new RuleWaiverFault(
            new("accept-expired-client-cert", "Over HTTPS, an expired client certificate is accepted."),
            ProviderRule.ClientCertificateDatesChecked),
        new RuleWaiverFault(
            new("nhs-assurance-client-cert-http-errors", "Over HTTPS, a bad client certificate passes the handshake and is answered HTTP 496 (none) or 495 (untrusted, expired), as NHS assurance accepts (a divergence the suite warns on)."),
            ProviderRule.ClientCertificateRefusedInHandshake),
        new SlowResponseFault(
            new("slow-capability-statement", "The capability statement is answered only after 500 ms (a query slower than a configured limit)."),
            "Get capability statement", TimeSpan.FromMilliseconds(500)),
        new SlowResponseFault(
            new("slow-booking", "A booking is answered only after 500 ms (a command slower than a configured limit)."),
            "Book an appointment", TimeSpan.FromMilliseconds(500)),
        new RuleWaiverFault(
            new("chunked-body-refused", "POST and PUT bodies sent with Transfer-Encoding: chunked are refused with 400 BAD_REQUEST."),
            ProviderRule.ChunkedBodiesAccepted),
    ];

    private static void EachIssue(JsonObject outcome, Action<JsonObject> edit)
    {
        if (outcome["issue"] is not JsonArray issues) return;
        foreach (var issue in issues.OfType<JsonObject>()) edit(issue);
    }
}
