using System.Diagnostics;
using System.Globalization;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// Makes a run end, and soon: it watches the run's client for a provider that has stopped answering
/// (<c>run:unresponsiveAfterTimeouts</c> requests in a row timed out) and the clock for the run's time budget
/// (<c>run:timeBudgetMinutes</c>, <c>--time-budget</c>). Once either trips, every scenario not yet started is reported
/// not run with the reason and the evidence, instead of each waiting out its own timeouts. Safe to ask from scenarios
/// running at once (<c>run:parallel</c>).
/// </summary>
public sealed class RunGuard
{
    private readonly TimeSpan _budget;
    private readonly Func<TimeSpan> _elapsed;
    private readonly ProviderResponsiveness _responsiveness;
    private readonly object _gate = new();
    private string? _reason;
    private string? _summary;

    /// <summary>Watches <paramref name="client"/> (it gets a <see cref="ProviderResponsiveness"/>) from now on.</summary>
    public RunGuard(ConformanceSettings settings, GpConnectClient client, Func<TimeSpan>? elapsed = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(client);
        _budget = settings.Run.TimeBudget;
        var clock = Stopwatch.StartNew();
        _elapsed = elapsed ?? (() => clock.Elapsed);
        _responsiveness = new ProviderResponsiveness(settings.Run.UnresponsiveAfterTimeouts);
        client.Responsiveness = _responsiveness;
        Timeout = client.Timeout;
    }

    private TimeSpan Timeout { get; }

    /// <summary>The provider watch (for tests and evidence).</summary>
    public ProviderResponsiveness Responsiveness => _responsiveness;

    /// <summary>
    /// Null while scenarios may still run; otherwise the reason every scenario from now on is not run (the same reason
    /// for the rest of the run, whichever tripped first).
    /// </summary>
    public string? NotRunReason()
    {
        lock (_gate) return Decide();
    }

    private string? Decide()
    {
        if (_reason is not null) return _reason;
        if (_responsiveness.Unresponsive)
        {
            var evidence = _responsiveness.DescribeEvidence();
            _reason = $"{NotRun.ProviderUnresponsive}: {_responsiveness.Threshold} requests in a row timed out after {Seconds(Timeout)} s each " +
                $"(run:unresponsiveAfterTimeouts = {_responsiveness.Threshold}, http:timeoutSeconds); the timed-out requests: {string.Join(" | ", evidence)}";
            _summary = $"provider unresponsive after {Minutes(_elapsed())}: {_responsiveness.Threshold} requests in a row timed out " +
                $"(run:unresponsiveAfterTimeouts = {_responsiveness.Threshold}, http:timeoutSeconds = {Seconds(Timeout)}); the scenarios not yet started were not run. The timed-out requests:\n"
                + string.Join("\n", evidence);
        }
        else if (_elapsed() is var elapsed && elapsed >= _budget)
        {
            _reason = $"{NotRun.TimeBudgetExhausted}: the run had taken {Minutes(elapsed)} of its {Minutes(_budget)} budget " +
                "(run:timeBudgetMinutes, --time-budget MINUTES) before this scenario could start";
            _summary = $"time budget exhausted after {Minutes(elapsed)} (run:timeBudgetMinutes = {_budget.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture)}); the scenarios not yet started were not run";
        }
        return _reason;
    }

    /// <summary>The metadata entry saying why the run was cut short, with the evidence; empty when it was not.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Summary()
    {
        lock (_gate) return _summary is null ? [] : [new(NotRun.MetadataKey, _summary)];
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan t) => t.TotalMinutes >= 1
        ? $"{(int)t.TotalMinutes} min {t.Seconds} s"
        : $"{t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
