namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// What each reference-provider fault must make fail: the scenario written for that rule (feature file + scenario name)
/// and words its failure message must contain, so a fault is caught by the right check for the right reason.
/// <paramref name="SpecVersion"/> runs provider and suite as an earlier release, for scenarios that apply only there;
/// <paramref name="Settings"/> ("key=value; key=value") sets further configuration for that run, e.g. a tighter time limit.
/// <paramref name="Warns"/>: the fault is a SHOULD-level deviation or an answer NHS assurance accepts, so the scenario must
/// end as Warning (passed, with a finding containing <paramref name="MessageContains"/>) rather than fail.
/// </summary>
public sealed record Detection(string Fault, string FeatureFile, string Scenario, string MessageContains, string? SpecVersion = null, string? Settings = null, bool Warns = false)
{
    /// <summary>The configuration overrides of this detection's run.</summary>
    public (string Key, string Value)[] Overrides() =>
        (SpecVersion is null ? [] : new[] { ("specVersion", SpecVersion) })
        .Concat((Settings ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2) is [var key, var value] ? (key.Trim(), value.Trim()) : throw new FormatException($"Detection setting \"{pair}\" is not key=value.")))
        .ToArray();

    /// <summary>How the run differs from the default one, for the detection table.</summary>
    public string? RunLabel => SpecVersion is null && Settings is null ? null : string.Join(", ", Overrides().Select(o => $"{o.Key}={o.Value}"));
}

public static class DetectionExpectations
{
    /// <summary>Every area's detections. Each area keeps its own list in its own file (Detections.*.cs).</summary>
    public static IReadOnlyList<Detection> All { get; } =
        [.. CoreDetections.All, .. FoundationsDetections.All, .. AppointmentDetections.All, .. ClockChangeDetections.All, .. TicketDetections.All, .. HttpLevelDetections.All, .. CoverageDetections.All, .. RequestValidationDetections.All];

    /// <summary>
    /// Provider faults that no feature checks yet, each with the issue that will add the check. The tests fail when a
    /// fault is neither detected nor listed here, so no provider fault can go silently unchecked.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } =
        new[] { CoreDetections.NotYetChecked, FoundationsDetections.NotYetChecked, AppointmentDetections.NotYetChecked, TicketDetections.NotYetChecked, RequestValidationDetections.NotYetChecked }
            .SelectMany(d => d).ToDictionary(kv => kv.Key, kv => kv.Value);
}
