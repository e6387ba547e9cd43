namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>A clock stopped at one instant, so seeded slots and JWT timing are deterministic.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>Monday 1 June 2026, 10:00 UTC (11:00 BST).</summary>
    public static readonly DateTimeOffset SummerMonday = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
