using System.Globalization;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>Durations as people read them: "85 ms", "2.35 s", "3 min 4 s".</summary>
public static class DurationText
{
    /// <summary>Formats a duration for reports.</summary>
    public static string Format(TimeSpan t) =>
        t.TotalMilliseconds < 1000 ? $"{Math.Max(0, t.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture)} ms"
        : t.TotalSeconds < 120 ? $"{t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s"
        : $"{(int)t.TotalMinutes} min {t.Seconds} s";
}
