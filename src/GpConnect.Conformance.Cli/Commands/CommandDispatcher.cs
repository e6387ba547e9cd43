using GpConnect.Conformance.Fhir.Commands;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>Chooses the command from the first argument; everything else is the command's own.</summary>
public static class CommandDispatcher
{
    public const int Ok = 0;
    public const int Failures = 1;
    public const int BadInput = 2;
    /// <summary>The run was cut short: the provider stopped answering or the time budget ran out; the rest is reported not run.</summary>
    public const int CutShort = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        await RunAsync(args, stdout, stderr, interruption: null);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter)"/>; <paramref name="interruption"/> replaces the process's
    /// SIGINT/SIGTERM handling for the run and load commands (tests interrupt a run through it).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, RunInterruption? interruption)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        try
        {
            return command switch
            {
                "run" => await RunWithInterruptionAsync(rest, stdout, stderr, interruption),
                "validate" => ValidateCommand.Run(rest, stdout, stderr),
                "bench" => await BenchmarkCommand.RunAsync(rest, stdout, stderr),
                "load" => await LoadWithInterruptionAsync(rest, stdout, stderr, interruption),
                "verify-evidence" => VerifyEvidenceCommand.Run(rest, stdout, stderr),
                "faults" => FaultsCommand.Run(stdout),
                "impact" => ImpactCommand.Run(rest, stdout, stderr),
                "init" => InitCommand.Run(rest, stdout, stderr),
                "cleanup" => await CleanupCommand.RunAsync(rest, stdout, stderr),
                "help" or "--help" or "-h" => Help(stdout),
                _ => Unknown(command, stderr),
            };
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("Stopped.");
            return Failures;
        }
    }

    private static async Task<int> RunWithInterruptionAsync(string[] args, TextWriter stdout, TextWriter stderr, RunInterruption? interruption)
    {
        if (interruption is not null) return await RunCommand.RunAsync(args, stdout, stderr, interruption);
        using var process = RunInterruption.ForProcess(stderr);
        return await RunCommand.RunAsync(args, stdout, stderr, process);
    }

    private static async Task<int> LoadWithInterruptionAsync(string[] args, TextWriter stdout, TextWriter stderr, RunInterruption? interruption)
    {
        if (interruption is not null) return await LoadCommand.RunAsync(args, stdout, stderr, interruption);
        using var process = RunInterruption.ForProcess(stderr, LoadCommand.NewInterruption());
        return await LoadCommand.RunAsync(args, stdout, stderr, process);
    }

    public static string Usage => """
        Usage: run-tests.sh [run] [options]             run the conformance suite (default command)
               run-tests.sh validate FILE... [options]  check captured FHIR payloads against the GP Connect profiles
               run-tests.sh bench [options]             FHIR parse/validate throughput and memory; the harness's per-request overhead
               run-tests.sh load [options]              drive read-only interactions (and with --writes, book + cancel) with N consumers for S seconds: latency vs the spec's limits
               run-tests.sh verify-evidence RUN_FOLDER [--public-key PEM]  check a report folder against its SHA-256 manifest (and signature)
               run-tests.sh faults                      list the embedded reference provider's switchable faults
               run-tests.sh impact FROM TO [--tags EXPR] per scenario, what changes between two spec versions (e.g. 1.2.3 1.2.7)
               run-tests.sh cleanup [--config FILE]     cancel the bookings earlier runs left (see reports/bookings-ledger.jsonl)
               run-tests.sh init [FILE] [--force]       write a commented provider configuration to start from
        (Installed as a .NET tool, the command is gpconnect-conformance instead of run-tests.sh.)

        Run options:
          --config FILE         configuration (default config/default.json: the embedded reference provider)
          --tags EXPR           tag expression, e.g. "@ticket-912", "@foundations and not @wip"
          --spec-version V      the GP Connect version the provider claims: 1.2.3, 1.2.4 or 1.2.7
          --dry-run             bind every step of every feature without calling the provider
          --fault NAME          switch on an embedded provider fault (repeatable)
          --set KEY=VALUE       override any configuration key, e.g. --set provider.allowWrites=false (':' or '.' between parts)
          --features DIR        feature folder (default features/)
          --reports DIR         report folder root (default from config, reports/)
          --compare PATH        compare with an earlier run folder or results.json (default: the previous run)
          --no-compare          do not compare with an earlier run
          --fail-on any|new|warning
                                exit non-zero on any failure (default), only on newly failing scenarios, or on
                                any failure or unwaived warning (a scenario that passed with findings to read)
          --waivers FILE        waiver file: accepted deviations reported as waived until they expire
          --redact              replace NHS numbers and names in the reports with stable placeholders
                                (no Cucumber Messages / Cucumber HTML report then: they are not redacted)
          --no-cucumber         no Cucumber Messages (.ndjson) or Cucumber HTML report in the run folder
          --parallel N          run up to N scenarios at once (config run:parallel; default: the core count against the
                                embedded provider, 1 against a remote one); @writes scenarios and feature changes still
                                run one at a time, in order, so results match a sequential run
          --check-data          preflight only: check every test-data role exists at the provider in the state scenarios need,
                                and how many full runs its free slots and registrable patients still support
          --warn-below-runs N   --check-data warns (exit code 1) when the data supports fewer than N runs (config run:warnBelowRuns, 10)
          --time-budget MINUTES after this long, the scenarios not yet started are reported not run: time budget
                                exhausted (config run:timeBudgetMinutes, 60); after run:unresponsiveAfterTimeouts (3) requests
                                in a row time out, the rest are not run: provider unresponsive
          --as-of YYYY-MM-DD    run as if today were that UK date: the suite's windows and, with the embedded provider,
                                its clock and seeded practice follow it (JWT times stay real)
          --sign-key PEM        sign manifest.sha256 with this ECDSA or RSA private key (manifest.sha256.sig; reports:signingKey)
          --keep-runs N         after the run, keep only the N newest run folders (reports:keepRuns; 0 keeps all)
          --keep-days D         after the run, delete run folders older than D days (reports:keepDays; 0 keeps all)

        Exit codes: 0 nothing failed, 1 failures, 2 bad input, 3 run cut short (provider unresponsive or time budget
        exhausted: the rest reported not run), 130/143 interrupted (SIGINT/SIGTERM; reports marked incomplete).
        """;

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"Unknown command \"{command}\".");
        stderr.WriteLine(Usage);
        return BadInput;
    }
}
