using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Run;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

/// <summary>The bookings ledger and where bookings look for slots.</summary>
public sealed class NightlyDataTests
{
    [Fact]
    public void The_ledger_survives_the_process_and_lists_what_was_never_cancelled_per_provider()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gpcc-ledger-{Guid.NewGuid():N}", BookingLedger.FileName);
        try
        {
            var ledger = new BookingLedger(path, "run-1");
            ledger.RecordBooked("http://a/gp", "10", "f.feature:3", ["Slot/1"]);
            ledger.RecordBooked("http://a/gp", "11", "f.feature:9", ["Slot/2"]);
            ledger.RecordBooked("http://b/gp", "10", "f.feature:3", ["Slot/1"]);
            ledger.RecordCancelled("http://a/gp", "10");
            File.AppendAllText(path, "not json\n");

            var problems = new List<string>();
            var entries = BookingLedger.Read(path, problems);
            entries.Count.ShouldBe(4);
            problems.ShouldHaveSingleItem().ShouldContain(":5:");
            BookingLedger.Outstanding(entries, "http://a/gp/").Select(e => e.AppointmentId).ShouldBe(["11"]);
            BookingLedger.Outstanding(entries, "http://b/gp").ShouldHaveSingleItem().Scenario.ShouldBe("f.feature:3");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Bookings_search_the_second_week_then_the_coming_week_then_the_rest_of_the_horizon()
    {
        var today = new DateOnly(2026, 3, 2);
        (DateOnly, DateOnly) Days(int from, int to) => (today.AddDays(from), today.AddDays(to));
        BookableSlots.Windows(today, 21).ShouldBe([
            Days(13, 14), Days(11, 12), Days(9, 10), Days(8, 8),
            Days(6, 7), Days(4, 5), Days(2, 3), Days(1, 1),
            Days(20, 21), Days(18, 19), Days(16, 17), Days(15, 15)]);
        BookableSlots.Windows(today, 5).ShouldBe([Days(4, 5), Days(2, 3), Days(1, 1)]);
        BookableSlots.Windows(today, 16).ShouldBe([
            Days(13, 14), Days(11, 12), Days(9, 10), Days(8, 8), Days(6, 7), Days(4, 5), Days(2, 3), Days(1, 1), Days(15, 16)]);
    }

    [Fact]
    public void Within_a_window_the_latest_day_and_the_fullest_schedule_come_first()
    {
        FreeSlot Slot(string id, string schedule, int day, int hour) =>
            new(id, schedule, "", "", new DateTimeOffset(2026, 3, day, hour, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, day, hour, 10, 0, TimeSpan.Zero), "In-person", "GP", "1", "1");
        var ordered = BookableSlots.InPreferenceOrder([Slot("a", "1", 3, 9), Slot("b", "1", 4, 9), Slot("c", "2", 4, 8), Slot("d", "2", 4, 10)]);
        ordered.Select(s => s.Id).ShouldBe(["c", "d", "b", "a"]);
    }

    [Fact]
    public void A_minimal_booking_is_identified_by_its_location_header()
    {
        var canned = Support.CannedResponses.Json(201, "");
        var exchange = canned.Exchange with { ResponseHeaders = [new GpConnect.Conformance.Client.HttpHeader("Location", "http://x/A20047/STU3/1/gpconnect/Appointment/42/_history/7")] };
        AppointmentActions.CreatedId(new GpConnect.Conformance.Specs.Domain.ProviderResponse(exchange)).ShouldBe("42");
        AppointmentActions.CreatedId(canned).ShouldBeNull();
    }
}
