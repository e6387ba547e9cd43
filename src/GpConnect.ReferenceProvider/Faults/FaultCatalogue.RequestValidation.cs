using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in how requests are validated (the register request body, booking references, TLS) and in what appointments return.</summary>
    private static IReadOnlyList<FaultDefinition> RequestValidationFaults =>
    [
        new RuleWaiverFault(
            new("register-accepts-forbidden-elements", "Register a patient refuses only active, maritalStatus, managingOrganization and generalPractitioner, and registers a Patient carrying animal, photo, deceased[x], contact, multipleBirth[x], communication, link or an extension other than nhsCommunication."),
            ProviderRule.RegisterRefusesEveryForbiddenElement),
        new RuleWaiverFault(
            new("register-accepts-identifier-without-system", "Register a patient ignores a Patient identifier that has no system instead of refusing the request."),
            ProviderRule.RegisterRefusesIdentifierWithoutSystem),
        new RuleWaiverFault(
            new("register-ignores-resource-types", "Register a patient reads the first parameter's resource whatever the body and that resource call themselves (a Bundle body, an Organization resource) instead of 422 INVALID_RESOURCE."),
            ProviderRule.RegisterChecksResourceTypes),
        new RuleWaiverFault(
            new("book-accepts-absolute-references", "Book an appointment resolves absolute references (https://…/Patient/1) by their Type/id tail instead of refusing them with 422 INVALID_RESOURCE."),
            ProviderRule.BookRefusesAbsoluteReferences),
        new RuleWaiverFault(
            new("changes-accept-absolute-references", "Amend and cancel resolve absolute references (https://…/Location/1) by their Type/id tail instead of refusing them with 422 INVALID_RESOURCE."),
            ProviderRule.ChangesRefuseAbsoluteReferences),
        new RuleWaiverFault(
            new("changes-invalid-as-bad-request", "Amend and cancel refuse a body that breaks their rules (not an Appointment, an absolute reference, a past appointment, a text too long, a bad cancellation reason) with 400 BAD_REQUEST instead of 422 INVALID_RESOURCE."),
            ProviderRule.ChangesInvalidBodyIsInvalidResource),
        new RuleWaiverFault(
            new("nhs-assurance-unknown-slot-invalid-resource", "Book refuses a slot the practice does not hold with 422 INVALID_RESOURCE, as NHS assurance expects, instead of 422 REFERENCE_NOT_FOUND (a divergence the suite warns on)."),
            ProviderRule.BookUnknownSlotIsReferenceNotFound),
        new RuleWaiverFault(
            new("book-unknown-patient-not-found", "Book refuses a patient the practice does not hold with 404 PATIENT_NOT_FOUND instead of 422 REFERENCE_NOT_FOUND (tolerated with a warning)."),
            ProviderRule.BookUnknownPatientIsReferenceNotFound),
        new RuleWaiverFault(
            new("slot-search-offers-busy", "Search for free slots also offers slots that are busy (booked or blocked), with their busy status."),
            ProviderRule.SlotSearchOnlyFreeSlots),
        new ResourceDecorationFault(
            new("appointment-location-unresolvable", "Appointments name their Location participant by an id the provider does not hold (the reference cannot be read)."),
            "Appointment",
            appointment =>
            {
                foreach (var actor in (appointment["participant"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p["actor"] as JsonObject))
                    if (actor?["reference"]?.GetValue<string>() is { } reference && reference.StartsWith("Location/", StringComparison.Ordinal))
                        actor["reference"] = reference + "0404";
            }),
        new ResourceDecorationFault(
            new("appointment-without-created", "Appointments are returned without created, the date and time the booking was made."),
            "Appointment",
            appointment => appointment.Remove("created")),
        new RuleWaiverFault(
            new("tls-accepts-revoked-certificate", "The HTTPS provider ignores its client-certificate revocation list and accepts a revoked client certificate."),
            ProviderRule.ClientCertificateRevocationChecked),
        new RuleWaiverFault(
            new("tls-accepts-any-certificate-name", "The HTTPS provider accepts a client certificate from the trusted CA whatever name it carries, not only the consumer's (the SSP's) FQDN."),
            ProviderRule.ClientCertificateNameChecked),
        new RuleWaiverFault(
            new("tls-accepts-unapproved-cipher", "The HTTPS provider offers the TLS library's default cipher suites, including ones outside the approved AESGCM/AES256 with ephemeral ECDH/DH families (e.g. ChaCha20-Poly1305, AES128-CBC)."),
            ProviderRule.TlsApprovedCipherSuitesOnly),
        new RuleWaiverFault(
            new("tls-13-only", "The HTTPS provider offers TLS 1.3 only, so a consumer (the SSP) making the TLS 1.2 handshake the spec requires is refused."),
            ProviderRule.TlsOffersTls12),
    ];
}
