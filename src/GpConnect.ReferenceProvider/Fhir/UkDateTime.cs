using System.Globalization;

namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>
/// UK civil time without relying on the host's time-zone database: GMT (+00:00), and BST (+01:00) from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
/// </summary>
internal static class UkDateTime
{
    /// <summary>The UK offset in force at <paramref name="instant"/>.</summary>
    public static TimeSpan OffsetAt(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var bstStart = LastSundayAt0100Utc(utc.Year, 3);
        var bstEnd = LastSundayAt0100Utc(utc.Year, 10);
        return utc >= bstStart && utc < bstEnd ? TimeSpan.FromHours(1) : TimeSpan.Zero;
    }

    /// <summary>The instant expressed in UK local time with its offset.</summary>
    public static DateTimeOffset ToUk(DateTimeOffset instant) => instant.ToOffset(OffsetAt(instant));

    /// <summary>The instant of a UK wall-clock time (ambiguous autumn times resolve to BST, gaps shift forward).</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        var asBst = new DateTimeOffset(unspecified, TimeSpan.FromHours(1));
        if (OffsetAt(asBst) == TimeSpan.FromHours(1)) return asBst;
        return new DateTimeOffset(unspecified, TimeSpan.Zero);
    }

    /// <summary>The UK calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToUk(instant).DateTime);

    /// <summary>FHIR dateTime text in UK local time, e.g. <c>2026-06-01T09:00:00+01:00</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToUk(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTime LastSundayAt0100Utc(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
