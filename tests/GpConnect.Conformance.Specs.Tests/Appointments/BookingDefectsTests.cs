using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain.Appointments;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class BookingDefectsTests
{
    private static readonly FreeSlot Slot = new("4", "1", "2026-06-02T09:00:00+01:00", "2026-06-02T09:10:00+01:00",
        DateTimeOffset.Parse("2026-06-02T08:00:00Z"), DateTimeOffset.Parse("2026-06-02T08:10:00Z"), "In-person", "General GP Appointment", "2", "1");

    private static JsonObject Valid() =>
        AppointmentRequests.Booking([Slot], "1", new ConsumerSettings { OdsCode = "GPCC001" }, TimeProvider.System);

    public static TheoryData<string> Defects() => [.. BookingDefects.Known];

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_defect_changes_the_booking_and_leaves_the_original_alone(string defect)
    {
        var valid = Valid();
        var before = valid.ToJsonString();
        var changed = BookingDefects.Apply(valid, defect);
        changed.ToJsonString().ShouldNotBe(before);
        valid.ToJsonString().ShouldBe(before);
    }

    [Fact]
    public void Defects_do_what_they_say()
    {
        BookingDefects.Apply(Valid(), "without the patient participant")["participant"]!.AsArray()
            .ShouldNotContain(p => p!["actor"]!["reference"]!.GetValue<string>() == "Patient/1");
        BookingDefects.Apply(Valid(), "with a start an hour before the slot's")["start"]!.GetValue<string>().ShouldBe("2026-06-02T08:00:00+01:00");
        BookingDefects.Apply(Valid(), "as a Bundle instead of an Appointment")["resourceType"]!.GetValue<string>().ShouldBe("Bundle");
        BookingDefects.Apply(Valid(), "with an absolute reference to the patient")["participant"]![0]!["actor"]!["reference"]!.GetValue<string>().ShouldStartWith("https://");
        BookingDefects.Apply(Valid(), "with a booking organisation without a type")["contained"]![0]!.AsObject().ContainsKey("type").ShouldBeFalse();
        Should.Throw<ArgumentException>(() => BookingDefects.Apply(Valid(), "with a typo")).Message.ShouldContain("without a start");
    }

    [Theory]
    [InlineData("with the cancellation reason under another URL", "cancelled", false)]
    [InlineData("with an empty cancellation reason", "cancelled", true)]
    [InlineData("without a cancellation reason", "cancelled", false)]
    [InlineData("leaving its status booked", "booked", true)]
    public void Cancellation_defects_set_status_and_reason_as_named(string defect, string status, bool hasReasonExtension)
    {
        var cancelled = CancellationDefects.Apply(Valid(), defect, "No longer needed");
        cancelled["status"]!.GetValue<string>().ShouldBe(status);
        (cancelled["extension"] as JsonArray ?? []).Any(e => e!["url"]!.GetValue<string>() == AppointmentRequests.CancellationReasonUrl).ShouldBe(hasReasonExtension);
    }
}
