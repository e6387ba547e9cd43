using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in transport, headers, JWT, formats, error responses and resource conventions shared by every interaction.</summary>
    private static IReadOnlyList<FaultDefinition> CoreFaults =>
    [
        new RuleWaiverFault(
            new("accept-missing-interaction-id", "A request without Ssp-InteractionID is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.InteractionIdRequired),
        new RuleWaiverFault(
            new("accept-wrong-ssp-to", "A request whose Ssp-To is not the provider's ASID is served instead of rejected."),
            ProviderRule.SspToMustMatchAsid),
        new RuleWaiverFault(
            new("accept-expired-jwt", "A JWT expired beyond the clock-skew leeway is accepted."),
            ProviderRule.JwtExpiryEnforced),
        new RuleWaiverFault(
            new("accept-wrong-jwt-audience", "A JWT whose aud is not the provider's service root is accepted."),
            ProviderRule.JwtAudienceEnforced),
        new RuleWaiverFault(
            new("no-cache-control", "Responses omit Cache-Control: no-store."),
            ProviderRule.CacheControlNoStore),
        new RuleWaiverFault(
            new("unsupported-format-served-as-json", "A request for an unsupported format is answered in JSON instead of 415."),
            ProviderRule.UnsupportedFormatRefused),
        new ResourceDecorationFault(
            new("bundle-full-url", "Searchset Bundle entries carry fullUrl (which providers SHOULD NOT populate)."),
            "Bundle",
            AddFullUrls),
        new ResourceDecorationFault(
            new("error-without-profile", "OperationOutcome errors omit meta.profile GPConnect-OperationOutcome-1."),
            "OperationOutcome",
            oo => oo.Remove("meta")),
    ];
}
