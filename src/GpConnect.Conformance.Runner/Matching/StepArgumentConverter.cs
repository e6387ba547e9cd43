using System.Globalization;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Converts text captured by a step regex into a step method's parameter type: string, int, long, decimal, double,
/// bool, enums, DateTime, DateTimeOffset, Guid, and nullable forms of these. Always culture-invariant.
/// </summary>
public static class StepArgumentConverter
{
    private static readonly HashSet<Type> Simple =
    [
        typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(bool),
        typeof(DateTime), typeof(DateTimeOffset), typeof(Guid),
    ];

    /// <summary>True when captured text can be converted to <paramref name="type"/>.</summary>
    public static bool CanConvert(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return Simple.Contains(underlying) || underlying.IsEnum;
    }

    /// <summary>
    /// Converts <paramref name="text"/> (null when an optional group did not take part in the match).
    /// Null or empty text becomes null for string and nullable targets.
    /// </summary>
    /// <exception cref="FormatException">The text is not a valid value of the type; the message names value and type.</exception>
    public static object? Convert(string? text, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var nullableOf = Nullable.GetUnderlyingType(type);
        if (type == typeof(string)) return text;
        if (nullableOf is not null && string.IsNullOrEmpty(text)) return null;
        var target = nullableOf ?? type;
        if (text is null)
            throw new FormatException($"No value was captured for a parameter of type {Describe(type)}; make it nullable if the group is optional.");

        object? value = target switch
        {
            _ when target == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when target == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when target == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null,
            _ when target == typeof(double) => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when target == typeof(bool) => ParseBool(text),
            _ when target == typeof(DateTime) => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) ? dt : null,
            _ when target == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) ? dto : null,
            _ when target == typeof(Guid) => Guid.TryParse(text, out var g) ? g : null,
            _ when target.IsEnum => ParseEnum(text, target),
            _ => throw new NotSupportedException($"Step parameters of type {Describe(type)} are not supported."),
        };
        return value ?? throw new FormatException($"'{text}' is not a valid {Describe(type)}{Hint(target)}.");
    }

    /// <summary>A readable type name: "int", "decimal?", "AppointmentStatus".</summary>
    public static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Describe(underlying) + "?";
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(double) => "double",
            _ when type == typeof(bool) => "bool",
            _ => type.Name,
        };
    }

    private static object? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };

    /// <summary>Exact name (any case), or words separated by spaces, hyphens or underscores read as PascalCase.</summary>
    private static object? ParseEnum(string text, Type enumType)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || char.IsDigit(trimmed[0]) || trimmed[0] is '-' or '+') return null;
        var joined = string.Concat(trimmed.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var candidate in new[] { trimmed, joined })
        {
            var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, candidate, StringComparison.OrdinalIgnoreCase));
            if (name is not null) return Enum.Parse(enumType, name);
        }
        return null;
    }

    private static string Hint(Type target) => target switch
    {
        _ when target.IsEnum => $" (expected one of: {string.Join(", ", Enum.GetNames(target))})",
        _ when target == typeof(bool) => " (expected true/false or yes/no)",
        _ when target == typeof(DateTime) || target == typeof(DateTimeOffset) => " (expected an ISO 8601 date such as 2024-03-01 or 2024-03-01T09:30:00Z)",
        _ => string.Empty,
    };
}
