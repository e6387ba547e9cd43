using GpConnect.ReferenceProvider.Fhir;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Fhir;

public sealed class UkDateTimeTests
{
    [Theory]
    [InlineData("2026-01-15T12:00:00Z", "2026-01-15T12:00:00+00:00")]
    [InlineData("2026-06-15T12:00:00Z", "2026-06-15T13:00:00+01:00")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29T00:59:59+00:00")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T02:00:00+01:00")]
    [InlineData("2026-10-25T00:59:59Z", "2026-10-25T01:59:59+01:00")]
    [InlineData("2026-10-25T01:00:00Z", "2026-10-25T01:00:00+00:00")]
    public void Formats_instants_in_uk_local_time_with_the_offset_in_force(string utc, string expected)
    {
        UkDateTime.Format(DateTimeOffset.Parse(utc)).ShouldBe(expected);
    }

    [Fact]
    public void Wall_clock_times_map_to_the_right_instant_either_side_of_the_change()
    {
        UkDateTime.FromLocal(new DateTime(2026, 7, 1, 9, 0, 0)).ShouldBe(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        UkDateTime.FromLocal(new DateTime(2026, 12, 1, 9, 0, 0)).ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        UkDateTime.DateOf(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 7, 1));
    }
}
