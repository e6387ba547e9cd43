using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Writing;

/// <summary>How <see cref="RunReportWriter"/> writes a run folder.</summary>
public sealed record RunReportOptions
{
    /// <summary>Rewrite the files after this many finished scenarios (default 10; 1 = after every scenario).</summary>
    public int FlushEvery { get; init; } = 10;

    /// <summary>Also rewrite when at least one scenario is pending and this long has passed since the last write (default 3 s).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Largest share of the run's time spent rewriting files (default 0.1): a due flush waits until the time since the last
    /// write is at least (1 / share − 1) times that write's duration, so long runs stay cheap. 1 disables the brake.
    /// </summary>
    public double MaxWriteShare { get; init; } = 0.1;

    /// <summary>Replace NHS numbers and person names with placeholders in every written file (default true).</summary>
    public bool Redact { get; init; } = true;

    /// <summary>results.json options (evidence detail).</summary>
    public ResultsJsonOptions Json { get; init; } = new();

    /// <summary>Waivers to apply to failed scenarios; null for none.</summary>
    public WaiverSet? Waivers { get; init; }

    /// <summary>The date waivers are judged on; default today (UTC).</summary>
    public DateOnly? Today { get; init; }

    /// <summary>An earlier run to compare with (shown at the top of report.html); null for none.</summary>
    public RunResult? Baseline { get; init; }

    /// <summary>Names <see cref="Baseline"/> in reports (e.g. its folder name).</summary>
    public string BaselineLabel { get; init; } = "previous run";

    /// <summary>What the spec-version change from <see cref="Baseline"/> alters, per scenario (report.html section); null for none.</summary>
    public Model.VersionImpactReport? VersionImpact { get; init; }

    /// <summary>
    /// How many earlier runs the trend in report.html shows (default 10; 0 for none). They are the run folders beside the
    /// run folder given to <see cref="RunReportWriter.Begin"/>, read once when the run begins.
    /// </summary>
    public int TrendRuns { get; init; } = 10;

    /// <summary>Obligation catalogue for the coverage table in report.html; null for no table.</summary>
    public IReadOnlyList<Obligation>? Obligations { get; init; }

    /// <summary>Signs manifest.sha256 each time it is written (manifest.sha256.sig); null for no signature.</summary>
    public EvidencePack.EvidenceSigner? Signer { get; init; }

    /// <summary>Clock for run times and the flush interval.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
