using System.Globalization;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>FHIR dateTime text in UK local time with its offset (spec: Appointment Management: date and time rules), e.g. 2026-06-01T09:00:00+01:00.</summary>
public static class UkDateTimeText
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="text"/> is yyyy-mm-ddThh:mm:ss±hh:mm with the UK offset in force at that instant.</summary>
    public static bool IsUkLocal(string? text)
    {
        if (text is null || text.Length != 25 || text[10] != 'T' || text[19] is not ('+' or '-')) return false;
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        return value.Offset == Zone.GetUtcOffset(value.UtcDateTime);
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        return TimeZoneInfo.Utc;
    }
}
