using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class AppointmentDomainTests
{
    private static FreeSlot Slot(string id, string schedule, string start, int minutes, string channel = "In-person", string type = "GP")
    {
        var from = DateTimeOffset.Parse(start);
        return new FreeSlot(id, schedule, start, UkDateTimeText.Format(from.AddMinutes(minutes)), from, from.AddMinutes(minutes), channel, type, "1", null);
    }

    private static readonly IReadOnlyList<FreeSlot> Diary =
    [
        Slot("1", "A", "2026-06-02T09:00:00+01:00", 10),
        Slot("2", "A", "2026-06-02T09:10:00+01:00", 10, channel: "Telephone"),
        Slot("3", "A", "2026-06-02T09:20:00+01:00", 10),
        Slot("4", "A", "2026-06-02T09:30:00+01:00", 10, type: "Extended"),
        Slot("5", "B", "2026-06-02T09:40:00+01:00", 10, type: "Extended"),
        Slot("6", "A", "2026-06-02T09:50:00+01:00", 10),
    ];

    [Theory]
    [InlineData("adjacent on one schedule", "1", "2", false)]
    [InlineData("separated by a gap", "1", "3", true)]
    [InlineData("on different schedules", "4", "5", true)]
    [InlineData("with different delivery channels", "1", "2", true)]
    [InlineData("with different slot types", "3", "4", true)]
    public void Slot_combinations_find_the_first_pair_that_relates_as_asked(string words, string first, string second, bool expected)
    {
        var pair = SlotCombinations.Find(Diary, SlotCombinations.Parse(words));

        (pair is { } p && p.First.Id == first && p.Second.Id == second).ShouldBe(expected);
    }

    [Fact]
    public void Adjacent_pairs_need_one_schedule_channel_and_type_and_unknown_words_are_refused()
    {
        SlotCombinations.Find(Diary, SlotPairing.Adjacent).ShouldBeNull("no two adjacent slots here share schedule, channel and type");
        SlotCombinations.Find([Diary[0], Slot("7", "A", "2026-06-02T09:10:00+01:00", 10)], SlotPairing.Adjacent)!.Value.Second.Id.ShouldBe("7");
        Should.Throw<ArgumentException>(() => SlotCombinations.Parse("far apart")).Message.ShouldContain("separated by a gap");
    }

    [Fact]
    public void A_booking_spans_its_slots_and_names_patient_location_practitioner_and_the_consumer()
    {
        var consumer = new ConsumerSettings { OdsCode = "GPCC001", OrganisationName = "Harness" };
        var slots = new[] { Diary[0] with { PractitionerId = "7" }, Diary[2] };

        var booking = AppointmentRequests.Booking(slots, "42", consumer, new FixedTime(DateTimeOffset.Parse("2026-06-01T10:00:00Z")));

        booking["start"]!.GetValue<string>().ShouldBe("2026-06-02T09:00:00+01:00");
        booking["end"]!.GetValue<string>().ShouldBe("2026-06-02T09:30:00+01:00");
        booking["created"]!.GetValue<string>().ShouldBe("2026-06-01T11:00:00+01:00");
        booking["slot"]!.AsArray().Select(s => s!["reference"]!.GetValue<string>()).ShouldBe(["Slot/1", "Slot/3"]);
        booking["participant"]!.AsArray().Select(p => p!["actor"]!["reference"]!.GetValue<string>()).ShouldBe(["Patient/42", "Location/1", "Practitioner/7"]);
        booking["contained"]![0]!["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("GPCC001");
    }

    [Fact]
    public void Edits_change_a_copy_only_what_they_name()
    {
        var original = JsonNode.Parse("""{"resourceType":"Appointment","status":"booked","description":"old","start":"2026-06-02T09:00:00+01:00","extension":[]}""")!.AsObject();

        var cancelled = AppointmentEdits.Cancelled(original, "reason");
        var moved = AppointmentEdits.WithForbiddenChange(original, "start");

        original["status"]!.GetValue<string>().ShouldBe("booked");
        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["extension"]!.AsArray().Single()!["valueString"]!.GetValue<string>().ShouldBe("reason");
        moved["start"]!.GetValue<string>().ShouldBe("2026-06-02T10:00:00+01:00");
        AppointmentEdits.WithDescription(original, "new")["description"]!.GetValue<string>().ShouldBe("new");
        Should.Throw<ArgumentException>(() => AppointmentEdits.WithForbiddenChange(original, "colour"));
    }

    [Theory]
    [InlineData("2026-06-02T09:00:00+01:00", true)]
    [InlineData("2026-12-02T09:00:00+00:00", true)]
    [InlineData("2026-06-02T09:00:00+00:00", false)]
    [InlineData("2026-06-02T08:00:00Z", false)]
    [InlineData("2026-06-02", false)]
    [InlineData(null, false)]
    public void Uk_local_time_needs_the_offset_in_force_at_that_instant(string? text, bool expected) =>
        UkDateTimeText.IsUkLocal(text).ShouldBe(expected);

    [Fact]
    public void Free_slots_are_read_from_a_search_with_their_schedule_actors()
    {
        var search = CannedResponses.Json(200, CannedResponses.SlotBundle(
            """{"resourceType":"Slot","id":"2","schedule":{"reference":"Schedule/1"},"start":"2026-06-02T09:10:00+01:00","end":"2026-06-02T09:20:00+01:00","serviceType":[{"text":"GP"}],"extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"Video"}]}""",
            """{"resourceType":"Slot","id":"1","schedule":{"reference":"Schedule/1"},"start":"2026-06-02T09:00:00+01:00","end":"2026-06-02T09:10:00+01:00"}""",
            """{"resourceType":"Schedule","id":"1","actor":[{"reference":"Location/3"},{"reference":"Practitioner/4"}]}"""));

        var slots = FreeSlot.FromSearch(search);

        slots.Select(s => s.Id).ShouldBe(["1", "2"]);
        slots[1].ShouldBe(slots[1] with { LocationId = "3", PractitionerId = "4", DeliveryChannel = "Video", SlotType = "GP" });
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
