namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>
/// A provider that stops answering, as a consumer sees a hung GP system or a proxy holding responses back: every
/// <see cref="Every"/>-th request, or every request after the first <see cref="After"/>, is held for <see cref="Delay"/>
/// before it is handled. Not a conformance fault (no check catches it): it exists so the suite's own tests can show that
/// a run against such a provider still ends, and soon.
/// </summary>
public sealed record ResponseStall(int? Every, int? After, TimeSpan Delay)
{
    private int _requests;

    /// <summary>Waits as configured for this request; false when the consumer gave up (the request was aborted) meanwhile.</summary>
    internal async Task<bool> HoldAsync(CancellationToken aborted)
    {
        var number = Interlocked.Increment(ref _requests);
        var stalls = (Every is > 0 && number % Every.Value == 0) || (After is { } after && number > after);
        if (!stalls || Delay <= TimeSpan.Zero) return true;
        try
        {
            await Task.Delay(Delay, aborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One line for the start-up banner.</summary>
    public string Describe() =>
        (Every is > 0 ? $"one request in {Every} " : "") + (After is { } a ? $"{(Every is > 0 ? "and " : "")}every request after the first {a} " : "")
        + $"held {Delay.TotalSeconds:0.###} s";
}
