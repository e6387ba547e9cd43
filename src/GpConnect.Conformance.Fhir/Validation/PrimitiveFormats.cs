using System.Globalization;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>Lexical rules of the FHIR STU3 primitive types (value formats and the JSON token kind each needs).</summary>
public static partial class PrimitiveFormats
{
    [GeneratedRegex(@"^-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRx();

    [GeneratedRegex(@"^-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRx();

    [GeneratedRegex(@"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantRx();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRx();

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRx();

    [GeneratedRegex(@"^[^\s]+( [^\s]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRx();

    [GeneratedRegex(@"^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant)]
    private static partial Regex OidRx();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRx();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRx();

    [GeneratedRegex(@"^\+?[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveIntRx();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnsignedIntRx();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalRx();

    /// <summary>The JSON token kind a primitive type must use: Boolean, Number or String.</summary>
    public static PrimitiveKind JsonKindFor(string type) => type switch
    {
        "boolean" => PrimitiveKind.Boolean,
        "integer" or "positiveInt" or "unsignedInt" or "decimal" => PrimitiveKind.Number,
        _ => PrimitiveKind.String,
    };

    /// <summary>
    /// Checks <paramref name="value"/> against the lexical rules of <paramref name="type"/>.
    /// Returns null when valid, else a short description of what is expected.
    /// </summary>
    public static string? Check(string type, string value)
    {
        switch (type)
        {
            case "boolean": return value is "true" or "false" ? null : "true or false";
            case "integer":
                return IntegerRx().IsMatch(value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "a 32-bit integer";
            case "positiveInt":
                return PositiveIntRx().IsMatch(value) && int.TryParse(value.TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "an integer of 1 or more";
            case "unsignedInt":
                return UnsignedIntRx().IsMatch(value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "an integer of 0 or more";
            case "decimal": return DecimalRx().IsMatch(value) ? null : "a decimal number";
            case "date": return DateRx().IsMatch(value) && RealDate(value) ? null : "a date YYYY, YYYY-MM or YYYY-MM-DD";
            case "dateTime": return DateTimeRx().IsMatch(value) && RealDate(value) ? null : "a dateTime YYYY[-MM[-DD[Thh:mm:ss[.fff](Z|+hh:mm)]]]";
            case "instant": return InstantRx().IsMatch(value) && RealDate(value) ? null : "an instant YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm)";
            case "time": return TimeRx().IsMatch(value) ? null : "a time hh:mm:ss";
            case "id": return IdRx().IsMatch(value) ? null : "an id of 1-64 letters, digits, '-' or '.'";
            case "uri": return value.Length > 0 && !value.Any(char.IsWhiteSpace) ? null : "a URI without whitespace";
            case "code": return CodeRx().IsMatch(value) ? null : "a code without leading, trailing or double whitespace";
            case "oid": return OidRx().IsMatch(value) ? null : "an OID urn:oid:...";
            case "uuid": return UuidRx().IsMatch(value) ? null : "a UUID urn:uuid:... in lower case";
            case "base64Binary":
                var buffer = new byte[value.Length];
                return Convert.TryFromBase64String(value.Trim(), buffer, out _) ? null : "base64-encoded data";
            case "string":
            case "markdown":
                return value.Length > 0 && !string.IsNullOrWhiteSpace(value) ? null : "a non-empty string";
            case "xhtml": return IsXhtmlDiv(value) ? null : "a well-formed <div> in the XHTML namespace";
            default: return null;
        }
    }

    private static bool IsXhtmlDiv(string value)
    {
        try
        {
            using var reader = System.Xml.XmlReader.Create(new StringReader(value), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            var root = System.Xml.Linq.XElement.Load(reader);
            return root.Name.LocalName == "div" && root.Name.NamespaceName == "http://www.w3.org/1999/xhtml";
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    /// <summary>
    /// Year-month-day must exist (e.g. no 2023-02-30, no year 0000). The caller's pattern has already matched, so the
    /// first ten characters of a value of that length are <c>YYYY-MM-DD</c> with a month 01-12 and a day 01-31.
    /// </summary>
    internal static bool RealDate(string value)
    {
        if (value.Length < 10 || value[0] == '-') return true;
        var year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
        var month = (value[5] - '0') * 10 + (value[6] - '0');
        var day = (value[8] - '0') * 10 + (value[9] - '0');
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }
}
