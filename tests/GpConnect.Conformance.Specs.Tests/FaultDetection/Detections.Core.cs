namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Core features (features/core/) must catch: headers, JWT, formats, errors, TLS, conventions.</summary>
public static class CoreDetections
{
    public static IReadOnlyList<Detection> All { get; } =
    [
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
        ["accept-wrong-ssp-to"] = "issue 6: Core headers feature",
        ["accept-expired-jwt"] = "issue 6: Core JWT feature",
        ["accept-wrong-jwt-audience"] = "issue 6: Core JWT feature",
        ["no-cache-control"] = "issue 6: Core response headers",
        ["unsupported-format-served-as-json"] = "issue 6: Core formats feature",
        ["error-without-profile"] = "issue 6: Core errors feature",
        ["bundle-full-url"] = "issue 6: Core resource conventions",
    };
}
