using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.JUnit;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Writing;

/// <summary>What <see cref="RunReportWriter.Complete"/> produced.</summary>
/// <param name="Folder">The run folder.</param>
/// <param name="Run">The final run after waivers (not redacted): give it to the console summary and <see cref="ExitCodePolicy"/>.</param>
/// <param name="Comparison">The comparison with the baseline, when there was one.</param>
/// <param name="Context">Extras to pass to <see cref="Terminal.ConsoleSummaryWriter"/> (comparison, waivers, obligations).</param>
public sealed record RunReport(string Folder, RunResult Run, RunComparison? Comparison, ReportContext Context)
{
    /// <summary>Path of results.json.</summary>
    public string ResultsJsonPath => Path.Combine(Folder, ResultsJson.FileName);
    /// <summary>Path of junit.xml.</summary>
    public string JUnitPath => Path.Combine(Folder, JUnitWriter.FileName);
    /// <summary>Path of report.html.</summary>
    public string HtmlPath => Path.Combine(Folder, HtmlReportWriter.FileName);
    /// <summary>Path of manifest.sha256.</summary>
    public string ManifestPath => Path.Combine(Folder, EvidenceManifest.FileName);
}

/// <summary>
/// Writes a run folder (results.json, junit.xml, report.html, manifest.sha256) while the run goes: <see cref="Begin"/>
/// writes an empty report marked incomplete, <see cref="OnScenarioFinished"/> rewrites all files every
/// <see cref="RunReportOptions.FlushEvery"/> scenarios (or after <see cref="RunReportOptions.FlushInterval"/>, and never
/// spending more than <see cref="RunReportOptions.MaxWriteShare"/> of the run's time writing), still marked incomplete, and <see cref="Complete"/> writes the final, complete report. A run killed part-way therefore
/// leaves a readable report of what ran, saying "incomplete". Thread-safe.
/// </summary>
public sealed class RunReportWriter
{
    private readonly RunReportOptions _options;
    private readonly object _gate = new();
    private readonly List<ScenarioResult> _scenarios = [];
    private readonly List<FeatureLoadError> _featureErrors = [];
    private readonly Redactor? _redactor;
    private readonly Dictionary<ScenarioResult, (ScenarioResult Result, int Names)> _redacted = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ScenarioResult> _learned = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<KeyValuePair<string, string>> _metadata = [];
    private IReadOnlyList<RunTrendPoint> _history = [];
    private string? _folder;
    private DateTimeOffset _started;
    private DateTimeOffset _lastFlush;
    private TimeSpan _lastWriteDuration;
    private int _pending;
    private bool _completed;

    /// <summary>Creates a writer; call <see cref="Begin"/> next.</summary>
    public RunReportWriter(RunReportOptions? options = null)
    {
        _options = options ?? new RunReportOptions();
        if (_options.FlushEvery < 1) throw new ArgumentOutOfRangeException(nameof(options), "FlushEvery must be at least 1.");
        if (_options.MaxWriteShare is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxWriteShare must be more than 0 and at most 1.");
        _redactor = _options.Redact ? new Redactor() : null;
    }

    /// <summary>The run folder, once <see cref="Begin"/> has been called.</summary>
    public string RunFolder => _folder ?? throw new InvalidOperationException("Call Begin first.");

    /// <summary>How many times the files have been written so far.</summary>
    public int Writes { get; private set; }

    /// <summary>Starts a run: creates the folder and writes an empty report marked incomplete.</summary>
    /// <param name="runFolder">The run folder (see <see cref="RunFolders.Create"/>); created if missing.</param>
    /// <param name="metadata">Target, spec version, expectation set, redacted config — shown at the top of reports.</param>
    /// <param name="totalScenarios">How many scenarios are expected (recorded in the metadata as expectedScenarios).</param>
    public void Begin(string runFolder, IReadOnlyList<KeyValuePair<string, string>> metadata, int totalScenarios)
    {
        lock (_gate)
        {
            if (_folder is not null) throw new InvalidOperationException("Begin was already called.");
            Directory.CreateDirectory(runFolder);
            _folder = runFolder;
            _metadata = [.. metadata, new("expectedScenarios", totalScenarios.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            _started = _lastFlush = _options.Clock.GetUtcNow();
            if (_options.TrendRuns > 0 && Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(runFolder))) is { } reportsRoot)
                _history = RunHistory.Load(reportsRoot, runFolder, _options.TrendRuns);
            WriteSnapshot();
        }
    }

    /// <summary>Records a finished scenario and rewrites the files when a flush is due.</summary>
    public void OnScenarioFinished(ScenarioResult result)
    {
        lock (_gate)
        {
            EnsureRunning();
            _scenarios.Add(result);
            if (_redactor is not null && _learned.Add(result)) _redactor.Learn(result);
            _pending++;
            var now = _options.Clock.GetUtcNow();
            var due = _pending >= _options.FlushEvery || now - _lastFlush >= _options.FlushInterval;
            var cheapEnough = now - _lastFlush >= _lastWriteDuration * (1 / _options.MaxWriteShare - 1);
            if (due && cheapEnough) WriteSnapshot();
        }
    }

    /// <summary>Records a feature file that could not be loaded (written at the next flush).</summary>
    public void OnFeatureLoadError(FeatureLoadError error)
    {
        lock (_gate)
        {
            EnsureRunning();
            _featureErrors.Add(error);
            _pending++;
        }
    }

    /// <summary>Rewrites the files now (still marked incomplete).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            EnsureRunning();
            WriteSnapshot();
        }
    }

    /// <summary>
    /// Writes the final report from the runner's <paramref name="run"/>: applies waivers, compares with
    /// <paramref name="comparison"/> (or with <see cref="RunReportOptions.Baseline"/>), redacts, writes every file and the manifest.
    /// The run's own <see cref="RunResult.Complete"/> flag is kept (a run stopped by the user stays incomplete).
    /// </summary>
    public RunReport Complete(RunResult run, RunComparison? comparison = null)
    {
        lock (_gate)
        {
            EnsureRunning();
            var withMetadata = _metadata.Count == 0 || run.Metadata.Count > 0 ? run : run with { Metadata = _metadata };
            var report = Write(withMetadata, comparison);
            _completed = true;
            return report;
        }
    }

    /// <summary>
    /// Writes the final report of a run that was interrupted (Ctrl+C, SIGTERM): every scenario finished so far (from
    /// <paramref name="run"/> when the runner returned one, otherwise those recorded through <see cref="OnScenarioFinished"/>),
    /// marked incomplete, with <c>interrupted</c> = <paramref name="reason"/> in the metadata.
    /// </summary>
    public RunReport CompleteInterrupted(string reason, RunResult? run = null)
    {
        lock (_gate)
        {
            EnsureRunning();
            var baseMetadata = run is { Metadata.Count: > 0 } ? run.Metadata : _metadata;
            var partial = new RunResult
            {
                Started = run?.Started ?? _started,
                Finished = _options.Clock.GetUtcNow(),
                Scenarios = run?.Scenarios.ToList() ?? _scenarios.ToList(),
                FeatureErrors = run?.FeatureErrors.ToList() ?? _featureErrors.ToList(),
                Metadata = [.. baseMetadata.Where(kv => kv.Key != "interrupted"), new("interrupted", reason)],
                Complete = false,
            };
            var report = Write(partial, null);
            _completed = true;
            return report;
        }
    }

    /// <summary>True once <see cref="Complete"/> or <see cref="CompleteInterrupted"/> has written the final report.</summary>
    public bool IsCompleted
    {
        get { lock (_gate) return _completed; }
    }

    private void EnsureRunning()
    {
        if (_folder is null) throw new InvalidOperationException("Call Begin first.");
        if (_completed) throw new InvalidOperationException("The run report is already complete.");
    }

    private void WriteSnapshot() => Write(new RunResult
    {
        Started = _started,
        Finished = _options.Clock.GetUtcNow(),
        Scenarios = _scenarios.ToList(),
        FeatureErrors = _featureErrors.ToList(),
        Metadata = _metadata,
        Complete = false,
    }, null);

    // Waivers are applied twice: to the raw run (returned to the caller for the console and the exit code) and to the
    // redacted run (written). Waivers match by id and tag, which redaction leaves alone, and redacting first lets the
    // redaction cache hold across flushes.
    private RunReport Write(RunResult raw, RunComparison? comparison)
    {
        var began = _options.Clock.GetTimestamp();
        var today = _options.Today ?? DateOnly.FromDateTime(_options.Clock.GetUtcNow().UtcDateTime);
        var outcome = _options.Waivers?.Apply(raw, today);
        var final = outcome?.Run ?? raw;
        comparison ??= _options.Baseline is { } baseline ? RunComparison.Compare(baseline, final, _options.BaselineLabel) : null;
        var context = new ReportContext { Obligations = _options.Obligations, Comparison = comparison, History = _history, VersionImpact = _options.VersionImpact };
        if (outcome is not null) context = context.WithWaivers(outcome);

        var written = final;
        var writtenContext = context;
        if (_redactor is not null)
        {
            var redacted = RedactCached(raw);
            written = _options.Waivers?.Apply(redacted, today).Run ?? redacted;
            if (comparison is not null) writtenContext = context with { Comparison = comparison.MapText(_redactor.RedactText) };
        }

        var folder = RunFolder;
        Atomic(Path.Combine(folder, ResultsJson.FileName), p => ResultsJson.Write(written, p, _options.Json));
        Atomic(Path.Combine(folder, JUnitWriter.FileName), p => JUnitWriter.Write(written, p));
        Atomic(Path.Combine(folder, HtmlReportWriter.FileName), p => HtmlReportWriter.Write(written, p, writtenContext));
        EvidenceManifest.Write(folder);
        _options.Signer?.Sign(folder);
        _pending = 0;
        _lastFlush = _options.Clock.GetUtcNow();
        _lastWriteDuration = _options.Clock.GetElapsedTime(began);
        Writes++;
        return new RunReport(folder, final, comparison, context);
    }

    // Redacting every body again at each flush would make a long run quadratic; a scenario is re-redacted only when
    // new names have been learned since it was last redacted (NHS numbers need no learning).
    private RunResult RedactCached(RunResult run)
    {
        var redactor = _redactor!;
        foreach (var s in run.Scenarios)
            if (_learned.Add(s)) redactor.Learn(s);
        var names = redactor.Counts.Names;
        var scenarios = run.Scenarios.Select(s =>
        {
            if (_redacted.TryGetValue(s, out var cached) && cached.Names == names) return cached.Result;
            var r = redactor.Redact(s);
            _redacted[s] = (r, names);
            return r;
        }).ToList();
        return run with
        {
            Scenarios = scenarios,
            Metadata = run.Metadata.Select(kv => new KeyValuePair<string, string>(kv.Key, redactor.RedactText(kv.Value))).ToList(),
            FeatureErrors = run.FeatureErrors.Select(e => e with { Message = redactor.RedactText(e.Message) }).ToList(),
        };
    }

    private static void Atomic(string path, Action<string> write)
    {
        var temp = path + ".tmp";
        write(temp);
        File.Move(temp, path, overwrite: true);
    }
}
