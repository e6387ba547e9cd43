using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class ReturnedAppointmentChecksTests
{
    private const string Complete = """
        {"resourceType":"Appointment","id":"12","meta":{"versionId":"3","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1"]},
         "status":"booked","created":"2026-06-01T10:00:00+01:00",
         "participant":[{"actor":{"reference":"Patient/2"},"status":"accepted"},{"actor":{"reference":"Location/1"},"status":"accepted"}]}
        """;

    [Fact]
    public void A_complete_appointment_passes_and_each_missing_page_element_is_named()
    {
        ReturnedAppointmentChecks.PageMandatoryElements(CannedResponses.Json(200, Complete).Resource!).Passed.ShouldBeTrue();

        var bare = ReturnedAppointmentChecks.PageMandatoryElements(CannedResponses.Json(200, """{"resourceType":"Appointment","id":"12","status":"booked"}""").Resource!);
        bare.Failures.Select(f => f.Rule).ShouldBe(
            ["appointment.meta.profile", "appointment.meta.versionId", "appointment.created", "appointment.participant.patient", "appointment.participant.location"],
            ignoreOrder: true);
    }

    [Fact]
    public void Only_free_slots_pass_a_free_slot_search()
    {
        ReturnedAppointmentChecks.EverySlotFree(CannedResponses.Json(200, CannedResponses.SlotBundle("""{"resourceType":"Slot","id":"1","status":"free"}"""))).Passed.ShouldBeTrue();
        ReturnedAppointmentChecks.EverySlotFree(CannedResponses.Json(200, CannedResponses.SlotBundle("""{"resourceType":"Slot","id":"1","status":"busy"}""")))
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("Slot/1");
    }

    [Fact]
    public void A_participant_read_must_answer_200_with_the_resource_named()
    {
        ReturnedAppointmentChecks.ParticipantsResolve([("Location/1", CannedResponses.Json(200, """{"resourceType":"Location","id":"1"}"""))]).Passed.ShouldBeTrue();
        ReturnedAppointmentChecks.ParticipantsResolve([("Location/1", CannedResponses.Json(404, CannedResponses.OperationOutcome("NO_RECORD_FOUND", "not-found")))])
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("must resolve");
        ReturnedAppointmentChecks.ParticipantsResolve([("Location/1", CannedResponses.Json(200, """{"resourceType":"Location","id":"2"}"""))]).Passed.ShouldBeFalse();
        ReturnedAppointmentChecks.ParticipantsResolve([]).Passed.ShouldBeFalse();
    }
}
