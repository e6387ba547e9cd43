using System.Diagnostics;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>One request the load mode sent: when (from the start of the run), which interaction, how long, and how it ended.</summary>
public sealed record LoadSample(double AtMs, string Interaction, double LatencyMs, int? Status, string? Error);

/// <summary>What to drive and how hard.</summary>
public sealed record LoadPlan(IReadOnlyList<LoadInteraction> Interactions, int Consumers, TimeSpan Duration, double RequestsPerSecond);

/// <summary>
/// Drives the plan's interactions with N concurrent consumers through the harness's GP Connect client (SSP headers, a
/// fresh JWT per request, TLS as configured), the pacer capping requests per second over all consumers, until the
/// duration is up. Requests still in flight at the deadline are cancelled and not counted, so the run never outlasts
/// its duration by more than the cancellation takes. Each interaction is sent once before the clock starts (warm-up:
/// connection set-up and first-call costs are not the provider's steady response time); warm-up requests are not counted.
/// </summary>
public static class LoadRunner
{
    /// <param name="cancellationToken">Stop (Ctrl+C / SIGTERM): ends the run as the deadline does; the run so far is returned.</param>
    /// <param name="writes">With <c>--writes</c>: the book-and-cancel cycle takes its turn in the rotation beside the reads.</param>
    /// <param name="abort">Cuts off the write cycles still booking or cancelling after a stop (their bookings stay outstanding).</param>
    public static async Task<LoadRun> RunAsync(LoadPlan plan, GpConnectClient client, ConformanceSettings settings, TimeProvider clock, CancellationToken cancellationToken = default,
        LoadWrites? writes = null, CancellationToken abort = default)
    {
        // The queries are built once; the write cycle (book + cancel) is one more turn in the rotation (Request null).
        var requests = plan.Interactions.Where(i => i.Kind == LoadKind.Query)
            .Select(i => (Interaction: i, Request: (GpConnectRequest?)i.Build(settings, clock))).ToList();
        try
        {
            foreach (var (_, request) in requests) await client.SendAsync(request!, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped during the warm-up: the run below ends at once with nothing counted.
        }
        if (writes is not null) requests.Add((LoadWrites.Book, null));

        var pacer = new RequestPacer(plan.RequestsPerSecond);
        var samples = new List<LoadSample>[plan.Consumers];
        var cancelledAtDeadline = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var origin = Stopwatch.GetTimestamp();
        deadline.CancelAfter(plan.Duration);

        await Task.WhenAll(Enumerable.Range(0, plan.Consumers).Select(async consumer =>
        {
            var mine = samples[consumer] = [];
            // Consumers start at different interactions, so every interaction is driven from the first second.
            for (var n = consumer; !deadline.IsCancellationRequested; n++)
            {
                var (interaction, request) = requests[n % requests.Count];
                var sending = false;
                try
                {
                    if (request is null)
                    {
                        // Only the wait for a turn can be cut by the deadline: a booking sent is always finished and cancelled (unless an interruption aborts it).
                        mine.AddRange(await writes!.CycleAsync(client, pacer, origin, deadline.Token, abort).ConfigureAwait(false));
                        continue;
                    }
                    await pacer.WaitTurnAsync(deadline.Token).ConfigureAwait(false);
                    sending = true;
                    var at = Stopwatch.GetElapsedTime(origin).TotalMilliseconds;
                    var exchange = await client.SendAsync(request, deadline.Token).ConfigureAwait(false);
                    var error = exchange.TransportError
                        ?? (exchange.StatusCode == interaction.Interaction.SuccessStatus ? null : $"HTTP {exchange.StatusCode} (expected {interaction.Interaction.SuccessStatus})");
                    mine.Add(new LoadSample(at, interaction.Name, exchange.Duration.TotalMilliseconds, exchange.StatusCode, error));
                }
                catch (LoadCycleInterruptedException cut)
                {
                    mine.AddRange(cut.Samples);
                    break;
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    if (sending) Interlocked.Increment(ref cancelledAtDeadline);
                    break;
                }
            }
        })).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(origin);

        return LoadRun.Summarise(plan, started, elapsed, samples.SelectMany(s => s).OrderBy(s => s.AtMs).ToList(), cancelledAtDeadline);
    }
}
