using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>
/// The practice's clock: what the seeded diary, "today", the booking horizon and past-appointment rules go by. Without
/// <see cref="ReferenceProviderOptions.AsOf"/> it is the provider's clock; with it, the practice lives on that UK date at
/// the real UK time of day (an hour the day skips moves on by an hour). JWT and certificate checks keep the real clock.
/// </summary>
internal sealed class PracticeClock(DateOnly asOf, TimeProvider real) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var timeOfDay = UkDateTime.ToUk(real.GetUtcNow()).TimeOfDay;
        var wall = asOf.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay));
        // A wall time the day does not have (clocks forward, 01:00–01:59) reads as BST an hour later.
        var instant = UkDateTime.FromLocal(wall);
        return UkDateTime.ToUk(instant).DateTime != wall ? UkDateTime.FromLocal(wall.AddHours(1)) : instant;
    }

    /// <summary>The practice clock for these options.</summary>
    public static TimeProvider For(ReferenceProviderOptions options) =>
        options.AsOf is { } day ? new PracticeClock(day, options.TimeProvider) : options.TimeProvider;
}
