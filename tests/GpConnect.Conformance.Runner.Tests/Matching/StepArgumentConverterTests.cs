namespace GpConnect.Conformance.Runner.Tests.Matching;

public class StepArgumentConverterTests
{
    public enum AppointmentStatus { Booked, Cancelled, EnteredInError, NoShow }

    public static TheoryData<string?, Type, object?> Conversions => new()
    {
        { "text", typeof(string), "text" },
        { null, typeof(string), null },
        { "42", typeof(int), 42 },
        { "-7", typeof(int), -7 },
        { "9000000000", typeof(long), 9_000_000_000L },
        { "12.50", typeof(decimal), 12.50m },
        { "1.5", typeof(double), 1.5d },
        { "true", typeof(bool), true },
        { "False", typeof(bool), false },
        { "yes", typeof(bool), true },
        { "no", typeof(bool), false },
        { "booked", typeof(AppointmentStatus), AppointmentStatus.Booked },
        { "CANCELLED", typeof(AppointmentStatus), AppointmentStatus.Cancelled },
        { "entered in error", typeof(AppointmentStatus), AppointmentStatus.EnteredInError },
        { "entered-in-error", typeof(AppointmentStatus), AppointmentStatus.EnteredInError },
        { "no_show", typeof(AppointmentStatus), AppointmentStatus.NoShow },
        { "2024-03-01", typeof(DateTime), new DateTime(2024, 3, 1) },
        { "2024-03-01T09:30:00Z", typeof(DateTimeOffset), new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero) },
        { "2024-03-01T09:30:00+01:00", typeof(DateTimeOffset), new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)) },
        { "8c3b2a4e-3f8e-4c4a-9a43-0f3e6d2a1b7c", typeof(Guid), Guid.Parse("8c3b2a4e-3f8e-4c4a-9a43-0f3e6d2a1b7c") },
        { "5", typeof(int?), 5 },
        { "", typeof(int?), null },
        { null, typeof(AppointmentStatus?), null },
        { "no show", typeof(AppointmentStatus?), AppointmentStatus.NoShow },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Converts_captured_text_to_the_parameter_type(string? text, Type type, object? expected)
    {
        StepArgumentConverter.Convert(text, type).ShouldBe(expected);
    }

    [Theory]
    [InlineData("forty", typeof(int), "'forty' is not a valid int")]
    [InlineData("1.5", typeof(int), "'1.5' is not a valid int")]
    [InlineData("maybe", typeof(bool), "expected true/false or yes/no")]
    [InlineData("pending", typeof(AppointmentStatus), "expected one of: Booked, Cancelled, EnteredInError, NoShow")]
    [InlineData("1", typeof(AppointmentStatus), "'1' is not a valid AppointmentStatus")]
    [InlineData("yesterday", typeof(DateTime), "ISO 8601")]
    [InlineData("not-a-guid", typeof(Guid), "not a valid Guid")]
    [InlineData("x", typeof(decimal?), "not a valid decimal?")]
    public void Bad_text_gets_a_message_naming_value_and_type(string text, Type type, string expected)
    {
        var error = Should.Throw<FormatException>(() => StepArgumentConverter.Convert(text, type));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_missing_optional_group_cannot_fill_a_non_nullable_parameter()
    {
        Should.Throw<FormatException>(() => StepArgumentConverter.Convert(null, typeof(int)))
            .Message.ShouldContain("make it nullable");
    }

    [Theory]
    [InlineData(typeof(int), true)]
    [InlineData(typeof(Guid?), true)]
    [InlineData(typeof(AppointmentStatus), true)]
    [InlineData(typeof(Table), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(float), false)]
    public void CanConvert_lists_the_supported_types(Type type, bool expected)
    {
        StepArgumentConverter.CanConvert(type).ShouldBe(expected);
    }
}
