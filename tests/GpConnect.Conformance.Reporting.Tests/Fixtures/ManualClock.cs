namespace GpConnect.Conformance.Reporting.Tests.Fixtures;

/// <summary>
/// A clock that moves only when told, so flush decisions do not depend on how fast the machine is. Elapsed-time
/// measurements (timestamps) see each measured span as <see cref="MeasuredSpan"/> (zero by default).
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private long _timestamp;

    /// <summary>What every start/stop pair of timestamp reads measures.</summary>
    public TimeSpan MeasuredSpan { get; set; }

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    // Each read moves the span on, so any start and end read pair measures MeasuredSpan.
    public override long GetTimestamp() => _timestamp += MeasuredSpan.Ticks;

    public void Advance(TimeSpan by) => _now += by;
}
