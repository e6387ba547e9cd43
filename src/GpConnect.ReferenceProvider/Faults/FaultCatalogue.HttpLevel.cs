using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>
    /// Faults in what every interaction shares at the HTTP level: Cache-Control on every answer, format negotiation on
    /// every interaction, what the capability statement declares, the JWT lifetime, and URL and method handling.
    /// </summary>
    private static IReadOnlyList<FaultDefinition> HttpLevelFaults =>
    [
        // Cache-Control: no-store on every response (spec: FHIR API guidance: HTTP headers and bodies)
        new RuleWaiverFault(
            new("no-cache-control-on-appointments", "Appointment responses (read, book, amend, cancel, retrieve) omit Cache-Control: no-store; other interactions keep it."),
            ProviderRule.CacheControlOnAppointmentResponses),
        new RuleWaiverFault(
            new("no-cache-control-on-errors", "Error responses omit Cache-Control: no-store; successful ones keep it."),
            ProviderRule.CacheControlOnErrors),
        // One class of error answer each: a provider that sets the header in some error paths and forgets it in another.
        new RuleWaiverFault(
            new("no-cache-control-on-bad-request", "400 answers (bad requests, refused methods) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnBadRequests),
        new RuleWaiverFault(
            new("no-cache-control-on-not-found", "404 answers (unknown patient, organisation, practitioner, location or appointment) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnNotFound),
        new RuleWaiverFault(
            new("no-cache-control-on-conflict", "409 answers (a duplicate booking or registration, a stale If-Match) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnConflicts),
        new RuleWaiverFault(
            new("no-cache-control-on-unsupported-media-type", "415 answers (an Accept, _format or body media type not served) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnUnsupportedMediaType),
        new RuleWaiverFault(
            new("no-cache-control-on-unprocessable", "422 answers (an invalid resource or parameter) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnUnprocessable),
        new RuleWaiverFault(
            new("no-cache-control-on-not-implemented", "501 answers (a resource type or operation not implemented) omit Cache-Control: no-store; every other answer keeps it."),
            ProviderRule.CacheControlOnNotImplemented),

        // Format negotiation on every interaction (spec: FHIR API guidance: content types)
        new RuleWaiverFault(
            new("practitioner-read-ignores-format", "Read a practitioner ignores Accept and _format and always answers in JSON."),
            ProviderRule.PractitionerReadNegotiatesFormat),
        new RuleWaiverFault(
            new("find-patient-xml-label-on-json", "Find a patient asked for XML answers a JSON body labelled application/fhir+xml."),
            ProviderRule.ContentTypeMatchesBody),

        // What the capability statement declares (spec: Get the FHIR capability statement)
        new ResourceDecorationFault(
            new("capability-without-appointment-update", "The capability statement's Appointment leaves out the update interaction."),
            "CapabilityStatement",
            cs => EachRestResource(cs, "Appointment", r => RemoveInteraction(r, "update"))),
        new ResourceDecorationFault(
            new("capability-without-slot-practitioner-include", "The capability statement's Slot leaves out the Schedule:actor:Practitioner searchInclude."),
            "CapabilityStatement",
            cs => EachRestResource(cs, "Slot", r => { if (r["searchInclude"] is JsonArray includes) foreach (var i in includes.Where(i => i?.GetValue<string>() == "Schedule:actor:Practitioner").ToList()) includes.Remove(i); })),
        new ResourceDecorationFault(
            new("capability-without-software-version", "The capability statement's software has a name but no version."),
            "CapabilityStatement",
            cs => (cs["software"] as JsonObject)?.Remove("version")),
        new ResourceDecorationFault(
            new("capability-format-without-xml", "CapabilityStatement.format lists only application/fhir+json although the provider serves XML."),
            "CapabilityStatement",
            cs => cs["format"] = new JsonArray("application/fhir+json")),

        // JWT lifetime (spec: Cross-organisation audit and provenance (JWT))
        new RuleWaiverFault(
            new("accept-jwt-lifetime-not-300", "A JWT whose exp is not exactly iat + 300 s (shorter, longer, or before iat) is accepted."),
            ProviderRule.JwtLifetimeIsFiveMinutes),

        // URLs and methods (the Core spec pages)
        new RuleWaiverFault(
            new("paths-case-insensitive", "Paths are matched ignoring letter case, so /Metadata is served as the capability statement."),
            ProviderRule.PathsCaseSensitive),
        new RuleWaiverFault(
            new("empty-id-server-error", "A read with an empty id segment (/Patient/) fails inside the provider with 500 INTERNAL_SERVER_ERROR."),
            ProviderRule.EmptyIdSegmentRefused),
        new RuleWaiverFault(
            new("operation-name-prefix-matched", "An operation is recognised by a prefix of its name, so POST /Patient/$gpc.registerpatien is served as a registration."),
            ProviderRule.OperationNameExact),
        new RuleWaiverFault(
            new("booking-on-instance-url", "POST /Appointment/[id] with the create interaction is served as a booking, the id ignored."),
            ProviderRule.BookingOnlyOnTypeUrl),
    ];

    private static void EachRestResource(JsonObject capability, string type, Action<JsonObject> edit)
    {
        foreach (var rest in (capability["rest"] as JsonArray ?? []).OfType<JsonObject>())
            foreach (var resource in (rest["resource"] as JsonArray ?? []).OfType<JsonObject>().Where(r => r["type"]?.GetValue<string>() == type))
                edit(resource);
    }

    private static void RemoveInteraction(JsonObject resource, string code)
    {
        if (resource["interaction"] is not JsonArray interactions) return;
        foreach (var interaction in interactions.Where(i => i?["code"]?.GetValue<string>() == code).ToList()) interactions.Remove(interaction);
    }
}
