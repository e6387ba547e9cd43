using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

/// <summary>The clock-change rules: the next change from the Europe/London rules, the window around it, offsets, durations, instants.</summary>
public sealed class ClockChangesTests
{
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);
    private static readonly UkClockChange Spring2027 = new(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), Gmt, Bst);
    private static readonly UkClockChange Autumn2027 = new(new DateTimeOffset(2027, 10, 31, 1, 0, 0, TimeSpan.Zero), Bst, Gmt);

    private static void RequireLondonData()
    {
        if (UkTime.Zone == TimeZoneInfo.Utc) Assert.Skip("This host has no Europe/London time-zone data.");
    }

    [Theory]
    [InlineData("2026-12-07T21:30:00+00:00", "2027-03-28T01:00:00+00:00", true)]
    [InlineData("2027-03-28T00:59:00+00:00", "2027-03-28T01:00:00+00:00", true)]
    [InlineData("2027-03-28T01:00:00+00:00", "2027-10-31T01:00:00+00:00", false)]
    [InlineData("2027-10-29T12:00:00+01:00", "2027-10-31T01:00:00+00:00", false)]
    [InlineData("2028-02-29T09:00:00+00:00", "2028-03-26T01:00:00+00:00", true)]
    public void The_next_change_comes_from_the_europe_london_rules(string now, string expected, bool forward)
    {
        RequireLondonData();
        var change = UkClockChange.Next(DateTimeOffset.Parse(now), UkTime.Zone)!;
        change.At.ShouldBe(DateTimeOffset.Parse(expected));
        change.Forward.ShouldBe(forward);
        change.OffsetBefore.ShouldBe(forward ? Gmt : Bst);
        change.OffsetAfter.ShouldBe(forward ? Bst : Gmt);
    }

    [Fact]
    public void A_zone_with_one_offset_has_no_next_change() =>
        UkClockChange.Next(DateTimeOffset.Parse("2027-03-01T00:00:00+00:00"), TimeZoneInfo.Utc).ShouldBeNull();

    [Fact]
    public void It_is_described_by_its_day_and_direction()
    {
        Spring2027.Day.ShouldBe(new DateOnly(2027, 3, 28));
        Autumn2027.Day.ShouldBe(new DateOnly(2027, 10, 31));
        Spring2027.Describe().ShouldBe("Sunday 28 March 2027, when the clocks go forward (+00:00 to +01:00)");
        Autumn2027.Describe().ShouldContain("clocks go back (+01:00 to +00:00)");
    }

    [Theory]
    [InlineData("2027-03-22", "2027-03-24", "2027-03-31")]
    [InlineData("2027-03-26", "2027-03-25", "2027-03-31")]
    [InlineData("2027-03-27", "2027-03-26", "2027-03-31")]
    [InlineData("2027-03-10", "2027-03-24", "2027-03-31")]
    public void The_window_runs_from_four_days_before_the_change_but_not_before_yesterday_to_three_days_after(string today, string start, string end)
    {
        var window = ClockChanges.Window(Spring2027, DateOnly.Parse(today), 21, out var whyNot);
        whyNot.ShouldBeNull();
        window.ShouldBe((DateOnly.Parse(start), DateOnly.Parse(end)));
        (window!.Value.End.DayNumber - window.Value.Start.DayNumber + 1).ShouldBeLessThanOrEqualTo(14);
    }

    [Fact]
    public void A_change_whose_following_days_lie_beyond_the_horizon_is_out_of_reach_with_a_date_to_run_as_of()
    {
        ClockChanges.Window(Spring2027, new DateOnly(2026, 12, 7), 21, out var whyNot).ShouldBeNull();
        whyNot.ShouldNotBeNull();
        whyNot.ShouldContain("Sunday 28 March 2027");
        whyNot.ShouldContain("111 days");
        whyNot.ShouldContain("--as-of 2027-03-23");
        ClockChanges.Window(Spring2027, new DateOnly(2027, 3, 17), 13, out _).ShouldBeNull();
        ClockChanges.Window(Spring2027, new DateOnly(2027, 3, 17), 14, out _).ShouldNotBeNull();
    }

    [Fact]
    public void The_retrieve_range_runs_from_today_past_the_change() =>
        ClockChanges.RetrieveRange(Spring2027, new DateOnly(2027, 3, 24)).ShouldBe((new DateOnly(2027, 3, 24), new DateOnly(2027, 3, 31)));

    [Fact]
    public void Offsets_of_each_instant_pass()
    {
        var response = Search(Slot("1", "2027-03-26T09:00:00+00:00", "2027-03-26T09:10:00+00:00"), Slot("2", "2027-03-29T09:00:00+01:00", "2027-03-29T09:10:00+01:00"));
        ClockChanges.OffsetsAtOwnInstants(response, Spring2027).Passed.ShouldBeTrue();
        var autumn = Search(Slot("1", "2027-10-29T09:00:00+01:00", "2027-10-29T09:10:00+01:00"), Slot("2", "2027-11-01T09:00:00+00:00", "2027-11-01T09:10:00+00:00"));
        ClockChanges.OffsetsAtOwnInstants(autumn, Autumn2027).Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_bst_slot_written_with_the_gmt_offset_fails_naming_the_offset_in_force()
    {
        var response = Search(Slot("1", "2027-03-26T09:00:00+00:00", "2027-03-26T09:10:00+00:00"), Slot("7", "2027-03-29T09:00:00+00:00", "2027-03-29T09:10:00+00:00"));
        var check = ClockChanges.OffsetsAtOwnInstants(response, Spring2027);
        check.Failures.Count.ShouldBe(2);
        check.Failures[0].Message.ShouldContain("Slot/7.start is \"2027-03-29T09:00:00+00:00\"");
        check.Failures[0].Message.ShouldContain("when the UK offset is +01:00, not +00:00");
    }

    [Fact]
    public void A_time_without_an_offset_fails()
    {
        var check = ClockChanges.OffsetsAtOwnInstants(Search(Slot("3", "2027-03-29T08:00:00Z", "2027-03-29T08:10:00Z")), Spring2027);
        check.Failures.Count.ShouldBe(2);
        check.Failures[0].Message.ShouldContain("does not state a UK offset");
    }

    [Fact]
    public void Slots_keeping_their_length_across_the_change_pass_even_when_a_schedule_mixes_lengths()
    {
        var slots = new[]
        {
            Free("1", "A", "2027-03-26T09:00:00+00:00", "2027-03-26T09:10:00+00:00"),
            Free("2", "A", "2027-03-26T11:00:00+00:00", "2027-03-26T11:30:00+00:00"),
            Free("3", "A", "2027-03-29T09:00:00+01:00", "2027-03-29T09:10:00+01:00"),
            Free("4", "B", "2027-03-29T14:00:00+01:00", "2027-03-29T14:45:00+01:00"),
            Free("5", "B", "2027-03-26T14:00:00+00:00", "2027-03-26T14:15:00+00:00"),
            Free("6", "B", "2027-03-29T14:45:00+01:00", "2027-03-29T15:00:00+01:00"),
        };
        ClockChanges.DurationsAcrossChange(slots, Spring2027).Passed.ShouldBeTrue();
        ClockChanges.SomeScheduleOnBothSides(slots, Spring2027).ShouldBeTrue();
    }

    [Fact]
    public void A_slot_an_hour_longer_than_its_schedule_uses_before_the_change_fails()
    {
        var slots = new[]
        {
            Free("1", "A", "2027-03-26T09:00:00+00:00", "2027-03-26T09:10:00+00:00"),
            Free("3", "A", "2027-03-29T09:00:00+01:00", "2027-03-29T10:10:00+01:00"),
        };
        var check = ClockChanges.DurationsAcrossChange(slots, Spring2027);
        check.Passed.ShouldBeFalse();
        check.Failures.ShouldContain(f => f.Message.Contains("Slot/3 of Schedule/A") && f.Message.Contains("lasts 70 min") && f.Message.Contains("last 10 min"));
    }

    [Fact]
    public void A_slot_that_does_not_last_longer_than_zero_fails()
    {
        var check = ClockChanges.DurationsAcrossChange([Free("9", "A", "2027-10-31T01:30:00+01:00", "2027-10-31T01:30:00+00:00"), Free("8", "A", "2027-10-31T01:30:00+00:00", "2027-10-31T01:40:00+01:00")], Autumn2027);
        check.Failures.Count(f => f.Message.Contains("does not last longer than zero")).ShouldBe(1);
    }

    [Fact]
    public void A_schedule_on_one_side_only_is_not_compared()
    {
        var slots = new[] { Free("1", "A", "2027-03-26T09:00:00+00:00", "2027-03-26T09:10:00+00:00"), Free("2", "B", "2027-03-29T09:00:00+01:00", "2027-03-29T10:10:00+01:00") };
        ClockChanges.DurationsAcrossChange(slots, Spring2027).Passed.ShouldBeTrue();
        ClockChanges.SomeScheduleOnBothSides(slots, Spring2027).ShouldBeFalse();
        var (before, after) = ClockChanges.Sides(slots, Spring2027);
        before.Single().Id.ShouldBe("1");
        after.Single().Id.ShouldBe("2");
    }

    [Fact]
    public void The_same_instant_in_another_notation_passes_and_another_instant_fails()
    {
        var slot = Free("3", "A", "2027-03-29T09:00:00+01:00", "2027-03-29T09:10:00+01:00");
        ClockChanges.SameInstants("Appointment/1", "2027-03-29T08:00:00+00:00", "2027-03-29T08:10:00+00:00", slot).Passed.ShouldBeTrue();
        var check = ClockChanges.SameInstants("Appointment/1 as read", "2027-03-29T09:00:00+00:00", "2027-03-29T09:10:00+00:00", slot);
        check.Failures.Count.ShouldBe(2);
        check.Failures[0].Message.ShouldContain("Appointment/1 as read's start is \"2027-03-29T09:00:00+00:00\" (2027-03-29 09:00 UTC)");
        check.Failures[0].Message.ShouldContain("not the same instant");
        ClockChanges.SameInstants("Appointment/1", null, "x", slot).Failures.Count.ShouldBe(2);
    }

    private static FreeSlot Free(string id, string schedule, string start, string end) =>
        new(id, schedule, start, end, DateTimeOffset.Parse(start), DateTimeOffset.Parse(end), "In-person", "General", "1", "1");

    private static string Slot(string id, string start, string end) =>
        $$"""{"resourceType":"Slot","id":"{{id}}","schedule":{"reference":"Schedule/1"},"status":"free","start":"{{start}}","end":"{{end}}"}""";

    private static ProviderResponse Search(params string[] resources) =>
        CannedResponses.Json(200, $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", resources.Select(r => $$"""{"resource":{{r}}}"""))}}]}""");
}
