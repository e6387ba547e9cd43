namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in how requests are validated: the register request body, booking references and TLS.</summary>
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
    ];
}
