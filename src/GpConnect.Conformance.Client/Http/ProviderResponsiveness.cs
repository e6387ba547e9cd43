using System.Globalization;

namespace GpConnect.Conformance.Client;

/// <summary>
/// Watches a run's requests for a provider that has stopped answering: after <see cref="Threshold"/> consecutive
/// timeouts (any complete response in between starts the count again) the provider is taken as unresponsive, the timed-out
/// exchanges are kept as evidence, and the client sends nothing more (each request comes back at once, not sent), so the
/// run ends instead of every remaining request waiting out its own timeout. A threshold of 0 never gives up.
/// </summary>
public sealed class ProviderResponsiveness(int threshold)
{
    private readonly object _gate = new();
    private readonly List<HttpExchange> _timeouts = [];
    private IReadOnlyList<HttpExchange> _evidence = [];

    /// <summary>Consecutive timeouts after which the provider is taken as unresponsive (<c>run:unresponsiveAfterTimeouts</c>).</summary>
    public int Threshold { get; } = threshold >= 0 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold));

    /// <summary>True once <see cref="Threshold"/> requests in a row timed out; it stays true for the rest of the run.</summary>
    public bool Unresponsive { get; private set; }

    /// <summary>The timed-out exchanges that made the provider count as unresponsive (empty until then).</summary>
    public IReadOnlyList<HttpExchange> Evidence
    {
        get { lock (_gate) return _evidence; }
    }

    /// <summary>Counts one exchange: a timeout adds to the run of timeouts, anything else (a response, a refused connection) ends it.</summary>
    public void Record(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        lock (_gate)
        {
            if (Unresponsive || Threshold == 0) return;
            if (exchange.TransportErrorKind == TransportErrorKind.Timeout)
            {
                _timeouts.Add(exchange);
                if (_timeouts.Count < Threshold) return;
                _evidence = _timeouts.ToList();
                Unresponsive = true;
            }
            else
            {
                _timeouts.Clear();
            }
        }
    }

    /// <summary>One line per timed-out request: when, what, and how long the suite waited.</summary>
    public IReadOnlyList<string> DescribeEvidence() => Evidence
        .Select(e => $"{e.StartedAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}Z {e.Method} {e.Url} ({e.Interaction.Name}): {e.TransportError}")
        .ToList();

    /// <summary>Why requests are no longer sent, for the reports.</summary>
    public string Reason => $"the provider stopped answering: {Threshold} requests in a row timed out (run:unresponsiveAfterTimeouts = {Threshold})";
}
