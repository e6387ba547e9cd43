using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Clock;

/// <summary>The suite clock: --as-of moves every date the suite works out to that UK day, at the real time of day.</summary>
public sealed class SuiteClockTests
{
    private sealed class Stopped(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // 7 December 2026, 19:20 UTC = 19:20 GMT.
    private static readonly Stopped WinterEvening = new(new DateTimeOffset(2026, 12, 7, 19, 20, 0, TimeSpan.Zero));

    [Fact]
    public void Without_an_as_of_date_it_is_the_real_clock()
    {
        var clock = new SuiteClock(null, WinterEvening);
        clock.GetUtcNow().ShouldBe(WinterEvening.GetUtcNow());
        clock.Moved.ShouldBeFalse();
        clock.Today.ShouldBe(new DateOnly(2026, 12, 7));
    }

    [Theory]
    [InlineData("2027-03-26", "2027-03-26T19:20:00+00:00")]
    [InlineData("2027-03-28", "2027-03-28T19:20:00+01:00")] // spring forward: evening is BST
    [InlineData("2027-10-31", "2027-10-31T19:20:00+00:00")] // autumn back: evening is GMT again
    [InlineData("2028-02-29", "2028-02-29T19:20:00+00:00")]
    [InlineData("2027-07-01", "2027-07-01T19:20:00+01:00")]
    public void As_of_a_date_it_reads_that_uk_day_at_the_real_uk_time_of_day(string asOf, string expected)
    {
        var clock = new SuiteClock(DateOnly.Parse(asOf), WinterEvening);

        clock.GetUtcNow().ShouldBe(DateTimeOffset.Parse(expected));
        clock.Today.ShouldBe(DateOnly.Parse(asOf));
        clock.RealUtcNow.ShouldBe(WinterEvening.GetUtcNow());
    }

    [Fact]
    public void A_time_of_day_the_spring_clock_change_skips_moves_on_an_hour()
    {
        var clock = new SuiteClock(new DateOnly(2027, 3, 28), new Stopped(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero)));

        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2027, 3, 28, 2, 30, 0, TimeSpan.FromHours(1)));
        clock.Today.ShouldBe(new DateOnly(2027, 3, 28));
    }

    [Fact]
    public void A_time_of_day_the_autumn_clock_change_repeats_is_the_first_one_in_bst()
    {
        var clock = new SuiteClock(new DateOnly(2027, 10, 31), new Stopped(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero)));

        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Search_windows_start_the_day_after_the_as_of_date()
    {
        var settings = SuiteUnderTest.Settings(null, ("asOf", "2028-02-28"));
        var search = SlotSearch.FromTomorrow(7, SuiteClock.For(settings), settings.Consumer);

        search.Start.ShouldBe(new DateOnly(2028, 2, 29));
        search.End.ShouldBe(new DateOnly(2028, 3, 6));
    }

    [Fact]
    public void The_report_says_what_the_as_of_date_moves_for_the_embedded_and_for_a_remote_provider()
    {
        SuiteClock.Scope(SuiteUnderTest.Settings()).ShouldBeNull();
        SuiteClock.Scope(SuiteUnderTest.Settings(null, ("asOf", "2027-03-28"))).ShouldBe(
            "2027-03-28: the suite's dates and the embedded reference provider's clock and seeded practice run as of this day (JWT times stay real)");
        SuiteClock.Scope(SuiteUnderTest.Settings(null, ("asOf", "2027-03-28"), ("provider:target", "remote"), ("provider:fhirBaseUrl", "https://provider.example/A1/STU3/1/gpconnect")))
            .ShouldNotBeNull().ShouldContain("only the suite's own date windows move");
    }

    [Theory]
    [InlineData("28/03/2027")]
    [InlineData("2027-02-30")]
    [InlineData("tomorrow")]
    public void A_bad_as_of_date_is_a_configuration_problem_naming_the_key(string value)
    {
        var e = Should.Throw<Client.Configuration.ConfigurationException>(() => SuiteUnderTest.Settings(null, ("asOf", value)));
        e.Message.ShouldContain("asOf must be a date written YYYY-MM-DD");
        e.Message.ShouldContain(value);
    }
}
