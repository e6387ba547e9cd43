using System.Globalization;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// The one clock every date the suite works out comes from: search windows, booking horizons, "today", "yesterday",
/// the <c>created</c> time of a booking. Without an as-of date it is the real clock. With one (<c>--as-of YYYY-MM-DD</c>)
/// it reads as that UK date at the real UK time of day, so time still passes during a run; a time of day the date does
/// not have (the hour skipped when the clocks go forward) moves on by an hour. JWT <c>iat</c>/<c>exp</c> do not use it:
/// the GP Connect client keeps the real clock.
/// </summary>
public sealed class SuiteClock : TimeProvider
{
    private readonly TimeProvider _real;

    public SuiteClock(DateOnly? asOf = null, TimeProvider? real = null)
    {
        AsOf = asOf;
        _real = real ?? System;
    }

    /// <summary>The suite clock for a run's settings (config <c>asOf</c>).</summary>
    public static SuiteClock For(ConformanceSettings settings) => new(settings.AsOf);

    /// <summary>The date the run pretends is today, or null when it runs as of the real date.</summary>
    public DateOnly? AsOf { get; }

    /// <summary>True when the run is moved to another date.</summary>
    public bool Moved => AsOf is not null;

    /// <summary>The real instant, whatever the as-of date (for what must stay real, e.g. report timestamps).</summary>
    public DateTimeOffset RealUtcNow => _real.GetUtcNow();

    public override DateTimeOffset GetUtcNow()
    {
        var real = _real.GetUtcNow();
        if (AsOf is not { } date) return real;
        var wallClock = UkTime.ToLocal(real).TimeOfDay;
        return UkTime.Instant(date.ToDateTime(TimeOnly.FromTimeSpan(wallClock)));
    }

    public override TimeZoneInfo LocalTimeZone => UkTime.Zone;

    /// <summary>Today's UK date on this clock.</summary>
    public DateOnly Today => UkTime.Today(this);

    /// <summary>"as of 2027-03-28" or "today (real date)", for reports.</summary>
    public string Describe() => AsOf is { } date ? "as of " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "today (real date)";

    /// <summary>
    /// What the as-of date moves for this target, for the console and the reports: with the embedded provider, the
    /// suite and the provider's clock and practice; with a remote provider, only the suite's own windows.
    /// </summary>
    public static string? Scope(ConformanceSettings settings)
    {
        if (settings.AsOf is not { } date) return null;
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return settings.Provider.Target == Client.Configuration.ProviderTarget.Embedded
            ? $"{day}: the suite's dates and the embedded reference provider's clock and seeded practice run as of this day (JWT times stay real)"
            : $"{day}: only the suite's own date windows move; the remote provider keeps its own clock and data, so scenarios needing data on that day may fail or skip";
    }
}
