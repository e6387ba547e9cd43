using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Reporting;
using GpConnect.Conformance.Reporting.Comparison;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Outcomes;
using GpConnect.Conformance.Reporting.Terminal;
using GpConnect.Conformance.Reporting.Writing;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.TestData;
using GpConnect.Conformance.Specs.Versions;
using GpConnect.Conformance.Reporting.Model;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// Runs the suite: loads and validates the config, loads the features (a broken file fails on its own), runs the
/// selected scenarios against the target with progress on the console, writes reports/&lt;UTC timestamp&gt;/ as it goes,
/// then prints the summary and exits 0 only when nothing failed.
/// </summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, RunInterruption? interruption = null)
    {
        interruption ??= new RunInterruption();
        var (options, error) = RunOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine(error);
            stderr.WriteLine(CommandDispatcher.Usage);
            return CommandDispatcher.BadInput;
        }
        if (options.ReportsDirectory is not null) options = options with { ReportsDirectory = Path.GetFullPath(options.ReportsDirectory) };

        var layout = SuiteLayout.Locate();
        var root = layout.WorkingRoot;
        ConformanceSettings settings;
        try
        {
            // Paths typed on the command line are relative to the directory the command was run from; defaults live in the suite's content.
            settings = SettingsLoader.Load(options.ConfigFile is null ? layout.DefaultConfig : Path.GetFullPath(options.ConfigFile), options.ConfigOverrides());
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"Configuration error: {e.Message}");
            return CommandDispatcher.BadInput;
        }

        GpConnect.Conformance.Fhir.FhirParseLimits.MaxDepth = settings.Limits.MaxNestingDepth;

        if (SuiteClock.Scope(settings) is { } asOf) stdout.WriteLine($"As of {asOf}.");
        TagExpression? tags = null;
        if (options.Tags is not null)
        {
            try { tags = TagExpression.Parse(options.Tags); }
            catch (TagExpressionException e)
            {
                stderr.WriteLine($"--tags: {e.Message}");
                return CommandDispatcher.BadInput;
            }
        }
        if (options.CheckData)
        {
            // What one run uses up: the @consumes-… declarations of the scenarios that would run (selected, applicable, writes allowed).
            DataConsumption perRun;
            try
            {
                var checkFeatures = options.FeaturesDirectory is null ? layout.Features : Path.GetFullPath(options.FeaturesDirectory);
                var checkExtra = Path.GetFullPath(settings.Extensions.FeaturesDirectory, root);
                var checkDirectories = Directory.Exists(checkExtra) && checkExtra != checkFeatures ? new[] { checkFeatures, checkExtra } : [checkFeatures];
                perRun = DeclaredPerRun(FeatureCatalog.Load(checkDirectories, Path.GetDirectoryName(checkFeatures.TrimEnd('/', '\\')) ?? root).Filter(tags), settings);
            }
            catch (FormatException e)
            {
                stderr.WriteLine($"Feature file error: {e.Message}");
                return CommandDispatcher.BadInput;
            }
            return await CheckDataAsync(settings, stdout, stderr, Path.Combine(Path.GetFullPath(settings.Reports.Directory, root), GpConnect.Conformance.Specs.Domain.Run.BookingLedger.FileName), perRun);
        }

        var featuresDirectory = options.FeaturesDirectory is null ? layout.Features : Path.GetFullPath(options.FeaturesDirectory);
        if (!Directory.Exists(featuresDirectory))
        {
            stderr.WriteLine($"The features folder {featuresDirectory} does not exist.");
            return CommandDispatcher.BadInput;
        }
        // A supplier's own feature files (extensions:features, default extensions/features) run beside the suite's.
        var extraFeatures = Path.GetFullPath(settings.Extensions.FeaturesDirectory, root);
        var directories = Directory.Exists(extraFeatures) && extraFeatures != featuresDirectory ? new[] { featuresDirectory, extraFeatures } : [featuresDirectory];
        var allFeatures = FeatureCatalog.Load(directories, Path.GetDirectoryName(featuresDirectory.TrimEnd('/', '\\')) ?? root);
        var catalog = allFeatures.Filter(tags);
        foreach (var loadError in catalog.Errors) stderr.WriteLine($"Feature file error: {loadError}");
        if (catalog.Scenarios.Count == 0 && catalog.Errors.Count == 0)
        {
            stderr.WriteLine(tags is null ? "No scenarios found." : $"No scenario matches the tag expression \"{options.Tags}\".");
            return CommandDispatcher.BadInput;
        }

        try
        {
            return options.DryRun
                ? await DryRunAsync(settings, catalog, stdout)
                : await RunAsync(settings, catalog, allFeatures, options, root, interruption, stdout, stderr);
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"Configuration error: {e.Message}");
            return CommandDispatcher.BadInput;
        }
        catch (InvalidOperationException e) when (options.DryRun)
        {
            stderr.WriteLine($"Could not start the dry run: {e.Message}");
            return CommandDispatcher.BadInput;
        }
    }

    private static async Task<int> DryRunAsync(ConformanceSettings settings, FeatureCatalog catalog, TextWriter stdout)
    {
        var run = await ConformanceRun.DryRunAsync(settings, catalog);
        var unbound = run.Scenarios.Where(s => s.Status == ScenarioStatus.Failed).ToList();
        foreach (var scenario in unbound)
        {
            stdout.WriteLine($"✗ {scenario.Scenario.DisplayName} ({scenario.Scenario.Id})");
            foreach (var step in scenario.Steps.Where(s => s.Status is StepStatus.Undefined or StepStatus.Ambiguous))
            {
                stdout.WriteLine($"    {step.Status}: {step.Keyword} {step.Text} (line {step.Line})");
                if (step.Message is not null) stdout.WriteLine(Indent(step.Message, 8));
                if (step.Snippet is not null) stdout.WriteLine(Indent(step.Snippet, 8));
            }
        }
        var steps = run.Scenarios.Sum(s => s.Steps.Count);
        stdout.WriteLine($"Dry run: {run.Scenarios.Count} scenarios, {steps} steps; {unbound.Count} scenarios with undefined or ambiguous steps; {run.FeatureErrors.Count} feature files that failed to load.");
        return run.HasFailures ? CommandDispatcher.Failures : CommandDispatcher.Ok;
    }

    private static async Task<int> RunAsync(ConformanceSettings settings, FeatureCatalog catalog, FeatureCatalog allFeatures, RunOptions options, string root,
        RunInterruption interruption, TextWriter stdout, TextWriter stderr)
    {
        WaiverSet? waivers = null;
        if (options.WaiversFile is not null)
        {
            try { waivers = WaiverSet.Load(Path.GetFullPath(options.WaiversFile)); }
            catch (Exception e) when (e is WaiverFileException or IOException or FormatException or ResultsFormatException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"--waivers: {e.Message}");
                return CommandDispatcher.BadInput;
            }
            var unmatched = waivers!.Unmatched(allFeatures.Scenarios.Select(s => s.Info).ToList(), options.WaiversFile);
            if (unmatched.Count > 0)
            {
                foreach (var problem in unmatched) stderr.WriteLine($"--waivers: {problem}");
                return CommandDispatcher.BadInput;
            }
        }

        var reportsRoot = Path.GetFullPath(settings.Reports.Directory, root);
        RunResult? baseline = null;
        string? baselineFolder = null;
        var baselineLabel = "previous run";
        if (!options.NoCompare)
        {
            var path = options.Compare ?? RunFolders.FindPrevious(reportsRoot);
            if (path is not null)
            {
                var resultsFile = Directory.Exists(path) ? Path.Combine(path, ResultsJson.FileName) : path;
                if (File.Exists(resultsFile))
                {
                    try
                    {
                        baseline = ResultsJson.Read(resultsFile);
                        baselineFolder = Path.GetDirectoryName(Path.GetFullPath(resultsFile));
                        baselineLabel = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(resultsFile))) ?? baselineLabel;
                    }
                    catch (ResultsFormatException e)
                    {
                        stderr.WriteLine($"--compare: {resultsFile} is not a results.json this version can read: {e.Message}");
                        return CommandDispatcher.BadInput;
                    }
                }
                else if (options.Compare is not null)
                {
                    stderr.WriteLine($"--compare: no results.json at {resultsFile}.");
                    return CommandDispatcher.BadInput;
                }
            }
        }
        if (options.FailOn == "new" && baseline is null)
            stderr.WriteLine("--fail-on new: there is no earlier run to compare with, so every failure counts as new.");

        // A compared run that targeted another spec version: the report says what the version change alters.
        VersionImpactReport? impact = null;
        var baselineVersion = baseline?.Metadata.FirstOrDefault(m => m.Key == "specVersion").Value;
        if (baselineVersion is not null && baselineVersion != settings.SpecVersion && SpecVersions.IsSupported(baselineVersion))
            impact = VersionImpact.ToReport(VersionImpact.Compare(catalog.Scenarios, baselineVersion, settings.SpecVersion), baselineVersion, settings.SpecVersion);

        EvidenceSigner? signer = null;
        if (settings.Reports.SigningKey is { } signingKey)
        {
            try { signer = EvidenceSigner.Load(signingKey); }
            catch (EvidenceKeyException e)
            {
                stderr.WriteLine($"Configuration error: reports:signingKey {e.Message}");
                return CommandDispatcher.BadInput;
            }
        }
        using var signerScope = signer;

        string runFolder;
        try
        {
            runFolder = RunFolders.Create(reportsRoot, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"Configuration error: reports:directory \"{settings.Reports.Directory}\" ({reportsRoot}) cannot hold a run folder: {e.Message}");
            return CommandDispatcher.BadInput;
        }
        var writer = new RunReportWriter(new RunReportOptions
        {
            VersionImpact = impact,
            Redact = options.Redact,
            Waivers = waivers,
            Baseline = baseline,
            BaselineLabel = baselineLabel,
            Obligations = ObligationCatalog.BuiltIn,
            Signer = signer,
        });
        var progress = ConsoleProgressReporter.ForConsole(catalog.Scenarios.Count);
        var observer = new ReportingObserver(writer, progress, runFolder);

        RunResult? run = null;
        // Reqnroll's Cucumber Messages and Cucumber's HTML report: written to a staging folder while the formatters hold
        // them open, moved into the run folder once the run has ended (before the manifest). Off with reports:cucumber=false,
        // --no-cucumber, or --redact (those files are not redacted).
        var cucumber = settings.Reports.Cucumber && !options.NoCucumber && !options.Redact ? CucumberOutputs.Staging() : null;
        var runTask = ConformanceRun.ExecuteAsync(settings, catalog, observer, interruption.Stop, cucumber,
            ledgerFile: Path.Combine(reportsRoot, GpConnect.Conformance.Specs.Domain.Run.BookingLedger.FileName));
        try
        {
            // A hung provider must not keep an interrupted run waiting: stop waiting when the interruption aborts.
            var aborted = Task.Delay(Timeout.Infinite, interruption.Abort);
            if (await Task.WhenAny(runTask, aborted) == runTask) run = await runTask;
            else _ = runTask.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed; the process is exiting
            if (run is not null) cucumber?.MoveInto(runFolder);
        }
        catch (OperationCanceledException) when (interruption.Requested)
        {
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"Configuration error: {e.Message}");
            return CommandDispatcher.BadInput;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            if (observer.Began && !interruption.Requested)
            {
                // The run started and its files are being written: a failure there (e.g. the disk) is reported with what ran.
                stderr.WriteLine($"The run stopped: {e.Message}");
                TryCompleteInterrupted(writer, $"error: {e.Message}", null, stderr);
                return CommandDispatcher.Failures;
            }
            stderr.WriteLine($"Could not start the run: {e.Message}");
            return CommandDispatcher.BadInput;
        }

        if (interruption.Requested)
        {
            progress.Finish();
            observer.Detach();
            var partial = TryCompleteInterrupted(writer, interruption.Reason ?? "interrupted", run, stderr);
            if (partial is not null)
            {
                ConsoleSummaryWriter.Write(stdout, partial.Run, partial.Context);
                stdout.WriteLine($"Interrupted ({interruption.Reason}): the reports hold the {partial.Run.Scenarios.Count} scenarios that finished and are marked incomplete.");
                stdout.WriteLine($"Reports: {partial.HtmlPath}");
            }
            RunDataSummary.WriteInterrupted(stdout, settings, Path.Combine(reportsRoot, GpConnect.Conformance.Specs.Domain.Run.BookingLedger.FileName), options.ConfigFile);
            Prune(settings, reportsRoot, runFolder, baselineFolder, stdout, stderr);
            return interruption.ExitCode;
        }
        progress.Finish();

        var report = writer.Complete(run!);
        ConsoleSummaryWriter.Write(stdout, report.Run, report.Context);
        RunDataSummary.Write(stdout, run!, options.ConfigFile);
        stdout.WriteLine($"Reports: {report.HtmlPath}");
        stdout.WriteLine($"         {report.JUnitPath}");
        if (signer is not null) stdout.WriteLine($"Signed:  {Path.Combine(runFolder, EvidenceSigner.FileName)} (key {signer.KeyFingerprint})");
        Prune(settings, reportsRoot, runFolder, baselineFolder, stdout, stderr);
        var failOn = ExitCodePolicy.ParseFailOn(options.FailOn) ?? FailOn.Any;
        var exit = ExitCodePolicy.Evaluate(report.Run, failOn, report.Comparison);
        if (NotRun.CutShort(report.Run))
        {
            // Whatever the gate says about what ran, a run cut short has not assured the provider: its own exit code.
            stdout.WriteLine($"The run was cut short ({NotRun.Describe(report.Run)}): exit code {CommandDispatcher.CutShort}.");
            return CommandDispatcher.CutShort;
        }
        return exit;
    }

    /// <summary>The test-data preflight: each role configured, present at the provider and in the state scenarios need.</summary>
    /// <summary>What one run uses up: the declared consumption of the scenarios of <paramref name="catalog"/> that would run.</summary>
    internal static DataConsumption DeclaredPerRun(FeatureCatalog catalog, ConformanceSettings settings)
    {
        if (!settings.Provider.AllowWrites) return DataConsumption.None;
        // The clock-change scenarios run only while the next UK clock change is within the booking horizon.
        var clockChangesInReach = GpConnect.Conformance.Specs.Domain.Appointments.ClockChanges.InReach(SuiteClock.For(settings), GpConnect.Conformance.Specs.Domain.Appointments.BookableSlots.HorizonDays(settings));
        return DataConsumption.Sum(catalog.Scenarios
            .Where(s => GpConnect.Conformance.Specs.Hooks.Applicability.Decide(s.Info.Tags, settings.SpecVersion) is null)
            .Where(s => clockChangesInReach || !s.Info.Tags.Contains(GpConnect.Conformance.Specs.Domain.Appointments.ClockChanges.Tag, StringComparer.OrdinalIgnoreCase))
            .Select(s => DataConsumption.Declared(s.Info.Tags)));
    }

    private static async Task<int> CheckDataAsync(ConformanceSettings settings, TextWriter stdout, TextWriter stderr, string ledgerFile, DataConsumption perRun)
    {
        try
        {
            await using var session = await ConformanceSession.StartAsync(settings);
            var results = await DataPreflight.RunAsync(session.Client, settings);
            stdout.WriteLine(DataPreflight.Render(results, settings));
            // Date-dependent roles: the day each stops satisfying its scenarios, with a warning when that is soon.
            var ageing = await DataAgeing.RunAsync(session.Client, settings, session.Clock);
            stdout.WriteLine();
            stdout.WriteLine(DataAgeing.Render(ageing, session.Clock.Today, settings.AgeingWarningDays));
            var budget = await DataBudget.MeasureAsync(session.Client, settings, session.State.ServiceRoot, ledgerFile, session.Clock, perRun);
            stdout.WriteLine(budget.Render(settings));
            // The embedded provider starts afresh every run: nothing a run uses up is gone for the next one.
            var embedded = settings.Provider.Target == GpConnect.Conformance.Client.Configuration.ProviderTarget.Embedded;
            var runs = embedded ? null : budget.RunsSupported;
            var low = runs is { } r && r < settings.Run.WarnBelowRuns;
            if (low)
                stdout.WriteLine($"WARNING: the provider's data supports only {runs} more full runs (threshold run:warnBelowRuns = {settings.Run.WarnBelowRuns}): " +
                    "add registrable NHS numbers to testData:register:onPds:nhsNumbers, or open more bookable slots in the booking horizon.");
            stdout.WriteLine(embedded
                ? "Runs the data still supports: no limit (the embedded reference provider starts afresh every run)"
                : $"Runs the data still supports: {runs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no limit (the runs that would run use nothing up)"}");
            return results.All(r => r.Ready) && !low ? CommandDispatcher.Ok : CommandDispatcher.Failures;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            stderr.WriteLine($"Could not start the preflight: {e.Message}");
            return CommandDispatcher.BadInput;
        }
    }

    private static string Indent(string text, int spaces) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => new string(' ', spaces) + l.TrimEnd('\r')));

    /// <summary>Applies reports:keepRuns / reports:keepDays, never touching this run or the run it was compared with.</summary>
    private static void Prune(ConformanceSettings settings, string reportsRoot, string runFolder, string? baselineFolder, TextWriter stdout, TextWriter stderr)
    {
        var (deleted, problems) = RunRetention.Prune(reportsRoot, settings.Reports.KeepRuns, settings.Reports.KeepDays, DateTimeOffset.UtcNow, [runFolder, baselineFolder]);
        if (deleted.Count > 0) stdout.WriteLine($"Retention: removed {deleted.Count} old run folder(s) (reports:keepRuns {settings.Reports.KeepRuns}, reports:keepDays {settings.Reports.KeepDays}).");
        foreach (var problem in problems) stderr.WriteLine($"Retention: could not remove {problem}");
    }

    private static RunReport? TryCompleteInterrupted(RunReportWriter writer, string reason, RunResult? run, TextWriter stderr)
    {
        try
        {
            if (writer.IsCompleted) return null;
            return writer.CompleteInterrupted(reason, run);
        }
        catch (InvalidOperationException)
        {
            return null; // the run never began: there is nothing to write
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"The reports could not be written: {e.Message}");
            return null;
        }
    }

    /// <summary>Feeds progress and the incremental report writer as scenarios finish; detached once the final report is written.</summary>
    private sealed class ReportingObserver(RunReportWriter writer, ConsoleProgressReporter progress, string runFolder) : IRunObserver
    {
        private readonly object _gate = new();
        private bool _detached;

        public bool Began { get; private set; }

        public void Detach()
        {
            lock (_gate) _detached = true;
        }

        public void RunStarting(int scenarioCount, IReadOnlyList<KeyValuePair<string, string>> metadata)
        {
            lock (_gate)
            {
                if (_detached) return;
                progress.SetTotal(scenarioCount);
                writer.Begin(runFolder, metadata, scenarioCount);
                Began = true;
            }
        }

        public void ScenarioStarting(ScenarioInfo scenario)
        {
            lock (_gate) if (!_detached) progress.ScenarioStarted(scenario);
        }

        public void ScenarioFinished(ScenarioResult result)
        {
            lock (_gate)
            {
                if (_detached) return;
                progress.ScenarioFinished(result);
                writer.OnScenarioFinished(result);
            }
        }
    }
}
