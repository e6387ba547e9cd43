using System.Diagnostics;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>
/// Spaces requests evenly over all consumers so that no more than <c>requestsPerSecond</c> start in any second: each
/// request takes the next start time (one interval after the previous one, or now if the pacer has fallen behind) and
/// waits for it. A pacer never bursts to catch up on time it was idle.
/// </summary>
public sealed class RequestPacer(double requestsPerSecond)
{
    private readonly long _intervalTicks = requestsPerSecond > 0
        ? Math.Max(1, (long)(Stopwatch.Frequency / requestsPerSecond))
        : throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), "The request rate must be more than 0.");
    private readonly Lock _gate = new();
    private long _next = long.MinValue;

    public double RequestsPerSecond { get; } = requestsPerSecond;

    /// <summary>Reserves the next start time (in <see cref="Stopwatch"/> ticks) after <paramref name="now"/>.</summary>
    public long Reserve(long now)
    {
        lock (_gate)
        {
            var start = Math.Max(now, _next);
            _next = start + _intervalTicks;
            return start;
        }
    }

    /// <summary>Waits for this caller's turn. Throws <see cref="OperationCanceledException"/> when cancelled first.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var start = Reserve(Stopwatch.GetTimestamp());
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), start);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
