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
    ];
}
