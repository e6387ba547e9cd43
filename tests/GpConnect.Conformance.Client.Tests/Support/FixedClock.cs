namespace GpConnect.Conformance.Client.Tests.Support;

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public FixedClock() : this(DefaultNow) { }

    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
