namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// What each reference-provider fault must make fail: the scenario written for that rule (feature file + scenario name)
/// and words its failure message must contain, so a fault is caught by the right check for the right reason.
/// </summary>
public sealed record Detection(string Fault, string FeatureFile, string Scenario, string MessageContains);

public static class DetectionExpectations
{
    public static IReadOnlyList<Detection> All { get; } =
    [
        new("capability-wrong-version", "features/foundations/get-the-fhir-capability-statement.feature",
            "The capability statement carries the GP Connect version the provider implements", "CapabilityStatement.version"),
        new("capability-wrong-version", "features/tickets/1.2.7/gpc-905-capability-statement-version.feature",
            "The capability statement of a 1.2.7 provider has version 1.2.7", "CapabilityStatement.version should be \"1.2.7\""),
        new("accept-missing-interaction-id", "features/foundations/get-the-fhir-capability-statement.feature",
            "A request without the Ssp-InteractionID header is rejected", "Expected HTTP 400"),
        new("slot-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Every free slot carries exactly one slot type in serviceType.text", "serviceType has 2 entries"),
        new("slot-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slots and schedules in the search result are valid against their GP Connect profiles", "serviceType"),
        new("schedule-two-service-categories", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Every schedule carries at most one schedule type in serviceCategory", "serviceCategory has 2 entries"),
        new("schedule-two-service-categories", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slots and schedules in the search result are valid against their GP Connect profiles", "serviceCategory"),
    ];

    /// <summary>
    /// Provider faults that no feature checks yet, each with the issue that will add the check. The tests fail when a
    /// fault is neither detected nor listed here, so no provider fault can go silently unchecked.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
        ["accept-wrong-ssp-to"] = "issue 6: Core headers feature",
        ["accept-expired-jwt"] = "issue 6: Core JWT feature",
        ["accept-wrong-jwt-audience"] = "issue 6: Core JWT feature",
        ["no-cache-control"] = "issue 6: Core response headers",
        ["unsupported-format-served-as-json"] = "issue 6: Core formats feature",
        ["error-without-profile"] = "issue 6: Core errors feature",
        ["slot-search-window-unlimited"] = "issue 5: Search for free slots feature",
        ["slot-search-returns-visit"] = "issue 5: Search for free slots feature (#826)",
        ["slot-search-omits-organization"] = "issue 5: Search for free slots feature",
        ["slot-search-ignores-restrictions"] = "issue 5: Search for free slots feature",
        ["slot-utc-times"] = "issue 5: Search for free slots feature",
        ["bundle-full-url"] = "issue 6: Core resource conventions",
    };
}
