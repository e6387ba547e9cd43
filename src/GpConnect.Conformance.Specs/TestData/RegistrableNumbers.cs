using System.Globalization;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>One registrable NHS number of a pool, with its PDS demographics when the entry gives them.</summary>
/// <remarks><see cref="LogicalId"/>: the practice's id of the patient's earlier record (a patient who left the practice), when the entry gives it.</remarks>
public sealed record RegistrableNumber(string NhsNumber, string? Family = null, string? Given = null, string? BirthDate = null, string? LogicalId = null);

/// <summary>
/// Parses a pool of registrable NHS numbers as <c>testData:register:onPds:nhsNumbers</c> gives it: entries separated by
/// commas, semicolons or white space; each entry is one NHS number, a number with its own PDS demographics
/// (<c>9690000209|Kowalski|Anna|1987-04-12</c>), optionally followed by the logical id of the practice's earlier record of
/// that patient (<c>9690000063|Lindqvist|Erik|1975-12-01|7</c>, for patients who left the practice), or an inclusive range <c>9690100000-9690101099</c> standing for every
/// check-digit-valid number in it. Order is kept: the suite takes numbers in this order.
/// </summary>
public static class RegistrableNumbers
{
    /// <summary>The widest range accepted (a typo such as a missing digit must not create millions of numbers).</summary>
    public const long MaxRangeWidth = 1_000_000;

    public static IReadOnlyList<RegistrableNumber> Parse(string list, string key)
    {
        var numbers = new List<RegistrableNumber>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in list.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('|'))
            {
                var parts = entry.Split('|', StringSplitOptions.TrimEntries);
                if (parts.Length is not (4 or 5) || !IsValid(parts[0]) || parts[1].Length == 0 || parts[2].Length == 0
                    || !DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    || (parts.Length == 5 && parts[4].Length == 0))
                    throw new InvalidOperationException(
                        $"{key}: \"{entry}\" is not NHS-number|family|given|birth date (yyyy-mm-dd)[|logical id] with a check-digit-valid NHS number.");
                if (seen.Add(parts[0])) numbers.Add(new RegistrableNumber(parts[0], parts[1], parts[2], parts[3], parts.Length == 5 ? parts[4] : null));
            }
            else if (entry.Length == 21 && entry[10] == '-')
            {
                if (!long.TryParse(entry[..10], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                    || !long.TryParse(entry[11..], NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to < from || to - from >= MaxRangeWidth)
                    throw new InvalidOperationException($"{key}: \"{entry}\" is not a range of ten-digit NHS numbers (low-high, at most {MaxRangeWidth:N0} wide).");
                for (var n = from; n <= to; n++)
                {
                    var text = n.ToString("D10", CultureInfo.InvariantCulture);
                    if (IsValid(text) && seen.Add(text)) numbers.Add(new RegistrableNumber(text));
                }
            }
            else if (IsValid(entry))
            {
                if (seen.Add(entry)) numbers.Add(new RegistrableNumber(entry));
            }
            else
                throw new InvalidOperationException($"{key}: \"{entry}\" is not a check-digit-valid NHS number, a range low-high, or number|family|given|birth date.");
        }
        return numbers;
    }

    /// <summary>Ten digits whose last is the modulus-11 check digit of the first nine.</summary>
    public static bool IsValid(string value)
    {
        if (value.Length != 10 || !value.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (value[i] - '0') * (10 - i);
        var check = (11 - sum % 11) % 11;
        return check != 10 && check == value[9] - '0';
    }
}
