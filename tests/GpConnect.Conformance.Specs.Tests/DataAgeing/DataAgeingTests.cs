using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.Conformance.Specs.TestData;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.DataAgeingChecks;

/// <summary>--check-data's ageing part: the day each date-dependent role stops satisfying its scenarios, and the warning.</summary>
public sealed class DataAgeingTests
{
    private static readonly DateOnly Today = new(2027, 3, 26);

    [Fact]
    public void A_seeded_future_appointment_stops_on_the_day_the_first_one_starts_and_one_beyond_two_weeks_is_named()
    {
        var result = DataAgeing.FutureAppointments("appointments.cancelled", [("5", Today.AddDays(3)), ("8", Today.AddDays(20))], Today);

        result.StopsOn.ShouldBe(Today.AddDays(3));
        result.DaysLeft(Today).ShouldBe(3);
        result.Warns(Today, 7).ShouldBeTrue();
        result.Warns(Today, 2).ShouldBeFalse();
        result.Detail.ShouldContain("beyond two weeks (Appointment/8)");
        result.Detail.ShouldContain("before 2027-04-01");
    }

    [Fact]
    public void The_appointment_earlier_today_stops_at_midnight_and_one_on_another_day_has_already_stopped()
    {
        DataAgeing.EarlierToday("9", Today, Today).StopsOn.ShouldBe(Today.AddDays(1));
        var stale = DataAgeing.EarlierToday("9", Today.AddDays(-2), Today);
        stale.DaysLeft(Today).ShouldBe(-1);
        stale.Warns(Today, 0).ShouldBeTrue();
    }

    [Fact]
    public void The_past_appointment_does_not_age_once_past_but_one_not_yet_past_does_not_satisfy_today()
    {
        DataAgeing.Past("6", Today.AddDays(-1), Today).StopsOn.ShouldBeNull();
        DataAgeing.Past("6", Today.AddDays(-1), Today).Warns(Today, 7).ShouldBeFalse();
        DataAgeing.Past("6", Today, Today).Warns(Today, 0).ShouldBeTrue();
    }

    [Fact]
    public void Free_slots_stop_on_the_day_of_the_last_one_offered_and_none_at_all_stops_today()
    {
        DataAgeing.FreeSlots(Today.AddDays(10), Today, 56).StopsOn.ShouldBe(Today.AddDays(10));
        DataAgeing.FreeSlots(null, Today, 56).DaysLeft(Today).ShouldBe(0);
    }

    [Fact]
    public void The_booking_horizon_needs_a_week_of_diary_after_the_window_and_without_diaryEnds_says_which_key_to_set()
    {
        // Diary ends 2027-04-30; a 21-day window plus a week of slots after it: the last good day is 2027-04-02.
        DataAgeing.BookingHorizon(21, new DateOnly(2027, 4, 30), Today).StopsOn.ShouldBe(new DateOnly(2027, 4, 3));
        var unknown = DataAgeing.BookingHorizon(21, null, Today);
        unknown.StopsOn.ShouldBeNull();
        unknown.Detail.ShouldContain("testData:appointments:bookingHorizon:diaryEnds");
    }

    [Fact]
    public void The_table_warns_only_within_the_configured_days()
    {
        AgeingResult[] results = [new("a.soon", Today.AddDays(2), "x"), new("a.later", Today.AddDays(30), "y"), new("a.never", null, "z")];

        var text = DataAgeing.Render(results, Today, 7);
        text.ShouldContain("a.soon   WARNING  stops 2027-03-28 (in 2 days)");
        text.ShouldContain("a.later  ok       stops 2027-04-25 (in 30 days)");
        text.ShouldContain("a.never  ok       does not age");
        text.ShouldContain("1 date-dependent role stops satisfying its scenarios within 7 days");
        DataAgeing.Render(results, Today, 1).ShouldContain("No date-dependent role ages out within 1 days.");
    }

    [Fact]
    public async Task Against_the_embedded_provider_as_of_a_date_the_seeded_roles_age_from_that_date()
    {
        var settings = SuiteUnderTest.Settings(null, ("asOf", "2027-03-26"), ("checkData:ageingWarningDays", "2"));
        await using var session = await ConformanceSession.StartAsync(settings, TestContext.Current.CancellationToken);

        var results = await DataAgeing.RunAsync(session.Client, settings, session.Clock, TestContext.Current.CancellationToken);

        session.Clock.Today.ShouldBe(Today);
        // The embedded practice seeds #663 appointments on the first weekday two days ahead: Friday 26 March → Monday 29 March.
        results.Single(r => r.RoleId == TestDataRoles.Appointments.BookedByAnotherOrganisation).StopsOn.ShouldBe(new DateOnly(2027, 3, 29));
        results.Single(r => r.RoleId == TestDataRoles.Appointments.EarlierToday).StopsOn.ShouldBe(Today.AddDays(1));
        results.Single(r => r.RoleId == TestDataRoles.Appointments.Past).StopsOn.ShouldBeNull();
        results.Single(r => r.RoleId.Contains("free slots")).StopsOn.ShouldNotBeNull().ShouldBeGreaterThan(Today.AddDays(14));
        results.ShouldNotContain(r => r.Unread);
        var text = DataAgeing.Render(results, session.Clock.Today, settings.AgeingWarningDays);
        text.ShouldContain("appointments.earlierToday");
        text.ShouldContain("within 2 days");
    }
}
