using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class AppointmentChecksTests
{
    private const string Booked = """
        {"resourceType":"Appointment","id":"9","meta":{"versionId":"12"},
         "extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"Visit"},
                      {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1","valueString":"Patient no longer"}],
         "status":"booked","serviceType":[{"text":"General GP Appointment"}],"slot":[{"reference":"Slot/4"},{"reference":"Slot/5"}]}
        """;

    private static Fhir.ElementNode Resource(string json) => CannedResponses.Json(200, json).Resource!;

    [Fact]
    public void Refused_accepts_any_4xx_OperationOutcome_and_names_a_success_status()
    {
        AppointmentChecks.Refused(CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_RESOURCE"))).Passed.ShouldBeTrue();
        AppointmentChecks.Refused(CannedResponses.Json(409, CannedResponses.OperationOutcome("DUPLICATE_REJECTED", "duplicate"))).Passed.ShouldBeTrue();

        AppointmentChecks.Refused(CannedResponses.Json(201, Booked)).Failures.ShouldHaveSingleItem().Message.ShouldContain("answered HTTP 201 with an Appointment");
        AppointmentChecks.Refused(CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_RESOURCE", withProfile: false)))
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("meta.profile");
        AppointmentChecks.Refused(CannedResponses.NoAnswer("connection refused")).Passed.ShouldBeFalse();
    }

    [Fact]
    public void Slot_type_allows_one_entry_with_text_and_can_require_the_booked_slots_text()
    {
        AppointmentChecks.SlotType(Resource(Booked), 1, "General GP Appointment").Passed.ShouldBeTrue();
        AppointmentChecks.SlotType(Resource(Booked), 1, "Blood Test").Failures.ShouldHaveSingleItem().Message.ShouldContain("\"Blood Test\"");
        AppointmentChecks.SlotType(Resource(Booked.Replace("""[{"text":"General GP Appointment"}]""", """[{"text":"A"},{"text":"B"}]""")), 1)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("serviceType has 2 entries");
        AppointmentChecks.SlotType(Resource(Booked.Replace("""[{"text":"General GP Appointment"}]""", """[{"coding":[]}]""")), 1)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("serviceType.text must carry the slot type");
    }

    [Fact]
    public void Not_cancelled_fails_only_for_a_cancelled_appointment()
    {
        AppointmentChecks.NotCancelled(CannedResponses.Json(201, Booked)).Passed.ShouldBeTrue();
        AppointmentChecks.NotCancelled(CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_RESOURCE"))).Passed.ShouldBeTrue();
        AppointmentChecks.NotCancelled(CannedResponses.Json(201, Booked.Replace("\"booked\"", "\"cancelled\""))).Passed.ShouldBeFalse();
    }

    [Fact]
    public void New_version_cancellation_reason_delivery_channel_and_slots_compare_with_what_was_sent()
    {
        var appointment = Resource(Booked);
        AppointmentChecks.NewVersion(appointment, "11").Passed.ShouldBeTrue();
        AppointmentChecks.NewVersion(appointment, "12").Failures.ShouldHaveSingleItem().Message.ShouldContain("still 12");
        AppointmentChecks.CancellationReason(appointment, "Patient no longer needs the appointment").Passed.ShouldBeTrue("a provider may truncate");
        AppointmentChecks.CancellationReason(appointment, "Something else").Passed.ShouldBeFalse();
        AppointmentChecks.DeliveryChannel(appointment, "Visit").Passed.ShouldBeTrue();
        AppointmentChecks.DeliveryChannel(appointment, "Video").Passed.ShouldBeFalse();
        AppointmentChecks.Slots(appointment, ["5", "4"]).Passed.ShouldBeTrue();
        AppointmentChecks.Slots(appointment, ["4"]).Passed.ShouldBeFalse();
    }

    [Fact]
    public void Bundle_checks_find_appointments_channels_times_and_roles()
    {
        var retrieve = CannedResponses.Json(200, CannedResponses.SlotBundle(Booked));
        AppointmentChecks.BundleHasAppointment(retrieve, "9", "x").Passed.ShouldBeTrue();
        AppointmentChecks.BundleHasAppointment(retrieve, "10", "the cancelled appointment").Failures.ShouldHaveSingleItem().Message.ShouldContain("Appointment/10");

        var slots = CannedResponses.Json(200, CannedResponses.SlotBundle(
            """{"resourceType":"Slot","id":"1","extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"Visit"}],"start":"2026-06-02T09:00:00Z","end":"2026-06-02T09:10:00+01:00"}""",
            """{"resourceType":"Schedule","id":"1","extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1","valueCodeableConcept":{"coding":[{"code":"R1290"}]}}]}"""));
        AppointmentChecks.EveryDeliveryChannelIn(slots, "Slot", ["In-person", "Telephone", "Video"]).Failures.ShouldHaveSingleItem().Message.ShouldContain("\"Visit\"");
        AppointmentChecks.EveryTimeInUkLocalTime(slots, "Slot", "start", "end").Failures.ShouldHaveSingleItem().Path.ShouldBe("Bundle.entry[0].resource.start");
        AppointmentChecks.HasScheduleWithRole(slots, "R1290").Passed.ShouldBeTrue();
        AppointmentChecks.HasScheduleWithRole(slots, "R1110").Failures.ShouldHaveSingleItem().Message.ShouldContain("R1290");
    }

    [Fact]
    public void Offers_differ_needs_slots_on_both_sides_and_fails_when_both_searches_offer_the_same()
    {
        AppointmentChecks.OffersDiffer(["1", "2"], ["1", "3"], "a", "b").Passed.ShouldBeTrue();
        AppointmentChecks.OffersDiffer(["1", "2"], ["2", "1"], "a", "b").Failures.ShouldHaveSingleItem().Message.ShouldContain("exactly the same");
        AppointmentChecks.OffersDiffer([], ["1"], "a", "b").Passed.ShouldBeFalse();
    }
}
