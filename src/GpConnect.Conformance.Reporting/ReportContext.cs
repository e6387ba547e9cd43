using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Outcomes;

namespace GpConnect.Conformance.Reporting;

/// <summary>Optional extras the console summary and report.html show besides the run itself.</summary>
public sealed record ReportContext
{
    /// <summary>No extras.</summary>
    public static readonly ReportContext Empty = new();

    /// <summary>Changes against an earlier run, shown at the top.</summary>
    public RunComparison? Comparison { get; init; }

    /// <summary>When this run's spec version differs from the compared run's: what the version change alters, per scenario.</summary>
    public Model.VersionImpactReport? VersionImpact { get; init; }

    /// <summary>Waivers that turned failures into Waived.</summary>
    public IReadOnlyList<AppliedWaiver> AppliedWaivers { get; init; } = [];

    /// <summary>Waivers past their expiry date (they had no effect); listed so someone renews or removes them.</summary>
    public IReadOnlyList<Waiver> ExpiredWaivers { get; init; } = [];

    /// <summary>The obligation catalogue; when set, report.html has an obligation coverage table.</summary>
    public IReadOnlyList<Obligation>? Obligations { get; init; }

    /// <summary>Totals of the earlier runs in the reports folder, oldest first, for the trend in report.html (this run is added by the report).</summary>
    public IReadOnlyList<RunTrendPoint> History { get; init; } = [];

    /// <summary>Builds a context from a waiver outcome (applied and expired waivers), keeping the other extras.</summary>
    public ReportContext WithWaivers(WaiverOutcome outcome) =>
        this with { AppliedWaivers = outcome.Applied, ExpiredWaivers = outcome.Expired };
}
