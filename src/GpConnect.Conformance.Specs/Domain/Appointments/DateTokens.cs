using System.Globalization;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Dates relative to the day of the run in feature text, so scenarios pass on any day: {today}, {today+5}, {today-30}
/// become yyyy-mm-dd (UK date), and {this-month} becomes yyyy-mm.
/// </summary>
public static partial class DateTokens
{
    public static string Resolve(string text, DateOnly today) => Token().Replace(text, match =>
    {
        if (match.Groups["month"].Success) return today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var offset = match.Groups["offset"].Success ? int.Parse(match.Groups["offset"].Value, CultureInfo.InvariantCulture) : 0;
        return today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    });

    [GeneratedRegex(@"\{(?:today(?<offset>[+-]\d+)?|(?<month>this-month))\}")]
    private static partial Regex Token();
}
