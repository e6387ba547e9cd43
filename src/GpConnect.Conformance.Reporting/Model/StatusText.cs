using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>The words reports use for statuses, so every format says the same thing.</summary>
public static class StatusText
{
    /// <summary>Stable machine token: passed, warning, failed, skipped, notApplicable, waived (used in results.json and HTML filters).</summary>
    public static string Token(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "passed",
        ScenarioStatus.Failed => "failed",
        ScenarioStatus.Skipped => "skipped",
        ScenarioStatus.NotApplicable => "notApplicable",
        ScenarioStatus.Waived => "waived",
        ScenarioStatus.Warning => "warning",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown scenario status."),
    };

    /// <summary>Parses a token written by <see cref="Token(ScenarioStatus)"/> (case-insensitive); null when unknown.</summary>
    public static ScenarioStatus? Parse(string? token) => token?.ToLowerInvariant() switch
    {
        "passed" => ScenarioStatus.Passed,
        "failed" => ScenarioStatus.Failed,
        "skipped" => ScenarioStatus.Skipped,
        "notapplicable" => ScenarioStatus.NotApplicable,
        "waived" => ScenarioStatus.Waived,
        "warning" => ScenarioStatus.Warning,
        _ => null,
    };

    /// <summary>Short human label: Passed, Warning, Failed, Skipped, N/A, Waived.</summary>
    public static string Label(ScenarioStatus status) => status switch
    {
        ScenarioStatus.NotApplicable => "N/A",
        _ => status.ToString(),
    };

    /// <summary>Order used to put failures first: Failed, Waived, Warning, Passed, Skipped, NotApplicable.</summary>
    public static int FailuresFirstRank(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Failed => 0,
        ScenarioStatus.Waived => 1,
        ScenarioStatus.Warning => 2,
        ScenarioStatus.Passed => 3,
        ScenarioStatus.Skipped => 4,
        _ => 5,
    };
}
