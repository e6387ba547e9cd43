using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

public class PrimitiveFormatTests
{
    [Theory]
    [InlineData("date", "2016-08-15", true)]
    [InlineData("date", "2016-08", true)]
    [InlineData("date", "2016-02-30", false)]
    [InlineData("date", "15/08/2016", false)]
    [InlineData("dateTime", "2016-08-15T11:30:00+01:00", true)]
    [InlineData("dateTime", "2016-08-15T11:30:00.123Z", true)]
    [InlineData("dateTime", "2016-08-15T11:30+01:00", false)]
    [InlineData("dateTime", "2016-08-15T11:30:00", false)]
    [InlineData("instant", "2016-08-15T11:30:00+01:00", true)]
    [InlineData("instant", "2016-08-15", false)]
    [InlineData("time", "11:30:00", true)]
    [InlineData("time", "25:00:00", false)]
    [InlineData("id", "abc-1.2", true)]
    [InlineData("id", "a_b", false)]
    [InlineData("uri", "https://fhir.nhs.uk/Id/nhs-number", true)]
    [InlineData("uri", "has space", false)]
    [InlineData("code", "In-person", true)]
    [InlineData("code", " lead", false)]
    [InlineData("oid", "urn:oid:2.16.840.1", true)]
    [InlineData("oid", "2.16.840", false)]
    [InlineData("uuid", "urn:uuid:c757873d-ec9a-4326-a141-556f43239520", true)]
    [InlineData("uuid", "urn:uuid:C757873D-EC9A-4326-A141-556F43239520", false)]
    [InlineData("integer", "-12", true)]
    [InlineData("integer", "01", false)]
    [InlineData("integer", "99999999999", false)]
    [InlineData("positiveInt", "1", true)]
    [InlineData("positiveInt", "0", false)]
    [InlineData("unsignedInt", "0", true)]
    [InlineData("unsignedInt", "-1", false)]
    [InlineData("decimal", "1.50", true)]
    [InlineData("decimal", "1.", false)]
    [InlineData("boolean", "true", true)]
    [InlineData("boolean", "True", false)]
    [InlineData("base64Binary", "aGVsbG8=", true)]
    [InlineData("base64Binary", "not base64!", false)]
    [InlineData("string", "x", true)]
    [InlineData("string", "  ", false)]
    [InlineData("xhtml", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>ok</p></div>", true)]
    [InlineData("xhtml", "<div><p>no namespace</p></div>", false)]
    [InlineData("xhtml", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>unclosed</div>", false)]
    public void Lexical_rules(string type, string value, bool valid) =>
        (PrimitiveFormats.Check(type, value) is null).ShouldBe(valid, $"{type} '{value}'");

    [Theory]
    [InlineData("boolean", PrimitiveKind.Boolean)]
    [InlineData("integer", PrimitiveKind.Number)]
    [InlineData("decimal", PrimitiveKind.Number)]
    [InlineData("dateTime", PrimitiveKind.String)]
    public void Json_token_kinds(string type, PrimitiveKind kind) => PrimitiveFormats.JsonKindFor(type).ShouldBe(kind);

    [Fact]
    public void The_calendar_check_agrees_with_the_framework_calendar_for_every_day_of_leap_and_common_years()
    {
        foreach (var year in new[] { 0, 1, 1900, 1999, 2000, 2016, 2023, 2024, 2100, 9999 })
            for (var month = 1; month <= 12; month++)
                for (var day = 1; day <= 31; day++)
                {
                    var value = $"{year:0000}-{month:00}-{day:00}";
                    var expected = DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
                    PrimitiveFormats.RealDate(value).ShouldBe(expected, value);
                    PrimitiveFormats.RealDate(value + "T10:00:00+01:00").ShouldBe(expected, value);
                }
    }
}
