using System.Runtime.InteropServices;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// A request to stop the run, from Ctrl+C (SIGINT) or SIGTERM. The first request asks the run to stop after the current
/// scenario (<see cref="Stop"/>); when the run has not stopped within <see cref="Grace"/> (a hung provider), or a second
/// request comes, <see cref="Abort"/> fires and the command writes what it has and exits without waiting further.
/// An interrupted run exits with <see cref="ExitCode"/>: 130 for SIGINT, 143 for SIGTERM (the shell conventions).
/// </summary>
public sealed class RunInterruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<IDisposable> _registrations = [];
    private int _requests;

    /// <summary>Exit code of a run interrupted by Ctrl+C / SIGINT.</summary>
    public const int InterruptedBySigint = 130;

    /// <summary>Exit code of a run interrupted by SIGTERM.</summary>
    public const int InterruptedBySigterm = 143;

    /// <summary>How long a stopping run may take to finish its current scenario before the command stops waiting.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>What the first request does, as told on stderr (the run command: finish the current scenario).</summary>
    public string Stopping { get; init; } = "stopping after the current scenario";

    /// <summary>What a second request does, as told on stderr.</summary>
    public string StoppingNow { get; init; } = "stopping now; the reports keep every finished scenario.";

    /// <summary>Cancelled at the first request: finish the current scenario, start no other.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Cancelled at a second request or when <see cref="Grace"/> has passed since the first: stop waiting now.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>True once a stop was requested.</summary>
    public bool Requested => Volatile.Read(ref _requests) > 0;

    /// <summary>What stopped the run (e.g. "SIGINT (Ctrl+C)"); null when nothing did.</summary>
    public string? Reason { get; private set; }

    /// <summary>The exit code for an interrupted run.</summary>
    public int ExitCode { get; private set; } = InterruptedBySigint;

    /// <summary>Listens for SIGINT and SIGTERM on this process (where the platform supports them).</summary>
    public static RunInterruption ForProcess(TextWriter stderr) => ForProcess(stderr, new RunInterruption());

    /// <summary>Makes <paramref name="interruption"/> listen for SIGINT and SIGTERM on this process.</summary>
    public static RunInterruption ForProcess(TextWriter stderr, RunInterruption interruption)
    {
        foreach (var (signal, name, code) in new[]
                 {
                     (PosixSignal.SIGINT, "SIGINT (Ctrl+C)", InterruptedBySigint),
                     (PosixSignal.SIGTERM, "SIGTERM", InterruptedBySigterm),
                 })
        {
            try
            {
                interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true; // the command finishes its reports and exits itself
                    interruption.Request(name, code, stderr);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // e.g. SIGTERM where the OS has no such signal: Ctrl+C still works.
            }
        }
        return interruption;
    }

    /// <summary>Requests a stop (a second request aborts at once).</summary>
    public void Request(string reason, int exitCode = InterruptedBySigint, TextWriter? stderr = null)
    {
        if (Interlocked.Increment(ref _requests) == 1)
        {
            Reason = reason;
            ExitCode = exitCode;
            stderr?.WriteLine($"{reason}: {Stopping} (at most {Grace.TotalSeconds:0} s; press Ctrl+C again to stop now)…");
            _stop.Cancel();
            _abort.CancelAfter(Grace);
        }
        else
        {
            stderr?.WriteLine($"{reason} again: {StoppingNow}");
            _abort.Cancel();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}
