using System.Text.Json.Nodes;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class AppointmentLifecycleChecksTests
{
    private const string Booked = """
        {"resourceType":"Appointment","id":"12","meta":{"versionId":"3"},
         "extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1","valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1","code":"R0260"}]}},
                      {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"In-person"}],
         "identifier":[{"system":"https://practice.example/Id/appointment","value":"APT-12"}],
         "status":"booked","serviceCategory":{"text":"Morning surgery"},"serviceType":[{"text":"General GP Appointment"}],
         "description":"Booked","comment":"Kept","participant":[{"actor":{"reference":"Location/2"},"status":"accepted"}]}
        """;

    private static readonly FreeSlot Slot = new("4", "1", "2026-06-02T09:00:00+01:00", "2026-06-02T09:10:00+01:00", DateTimeOffset.MinValue, DateTimeOffset.MinValue,
        "In-person", "General GP Appointment", "2", null, "Morning surgery", "R0260");

    private static Fhir.ElementNode Resource(string json) => CannedResponses.Json(200, json).Resource!;

    [Fact]
    public void One_of_several_codes_passes_with_any_and_fails_naming_the_preferred_one()
    {
        AppointmentLifecycleChecks.OperationOutcomeWithOneOf(CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_RESOURCE")), null,
            "REFERENCE_NOT_FOUND", "INVALID_RESOURCE").Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.OperationOutcomeWithOneOf(CannedResponses.Json(500, CannedResponses.OperationOutcome("INTERNAL_SERVER_ERROR", "processing")), null,
            "REFERENCE_NOT_FOUND", "INVALID_RESOURCE").Failures.ShouldContain(f => f.Message.Contains("Expected HTTP 422"));
    }

    [Fact]
    public void No_body_passes_an_empty_answer_only()
    {
        AppointmentLifecycleChecks.NoBody(CannedResponses.Json(201, ""), 201).Passed.ShouldBeTrue();
        // Honouring Prefer is a SHOULD: a body is a warning, not a failure.
        var withBody = AppointmentLifecycleChecks.NoBody(CannedResponses.Json(201, Booked), 201);
        withBody.Passed.ShouldBeTrue();
        withBody.Warnings.ShouldHaveSingleItem().Message.ShouldContain("Prefer: return=minimal");
        AppointmentLifecycleChecks.NoBody(CannedResponses.Json(200, ""), 201).Passed.ShouldBeFalse();
    }

    [Fact]
    public void Schedule_details_must_match_the_booked_slot()
    {
        AppointmentLifecycleChecks.ScheduleDetails(Resource(Booked), Slot).Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.ScheduleDetails(Resource(Booked.Replace("Morning surgery", "Evening")), Slot)
            .Failures.ShouldHaveSingleItem().Path.ShouldEndWith("serviceCategory.text");
        AppointmentLifecycleChecks.ScheduleDetails(Resource(Booked.Replace("R0260", "R0270")), Slot).Failures.ShouldHaveSingleItem().Rule.ShouldBe("appointment.practitioner-role");
        AppointmentLifecycleChecks.ScheduleDetails(Resource(Booked.Replace("In-person", "Video")), Slot).Failures.ShouldHaveSingleItem().Rule.ShouldBe("appointment.delivery-channel");
    }

    [Fact]
    public void Identifiers_must_exist_and_carry_only_system_and_value()
    {
        AppointmentLifecycleChecks.BusinessIdentifiers(Resource(Booked)).Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.BusinessIdentifiers(Resource(Booked.Replace("\"value\":\"APT-12\"", "\"value\":\"APT-12\",\"use\":\"official\"")))
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("carries only system and value");
        AppointmentLifecycleChecks.BusinessIdentifiers(Resource(Booked.Replace("\"identifier\"", "\"ignored\""))).Passed.ShouldBeFalse("none at all cannot pass");
    }

    [Fact]
    public void A_cancellation_may_change_only_status_reason_and_version()
    {
        var before = JsonNode.Parse(Booked)!.AsObject();
        var cancelled = AppointmentEdits.Cancelled(before, "No longer needed");
        cancelled["meta"]!["versionId"] = "4";
        AppointmentLifecycleChecks.UnchangedButStatusAndReason(before, cancelled).Passed.ShouldBeTrue();
        cancelled.Remove("comment");
        AppointmentLifecycleChecks.UnchangedButStatusAndReason(before, cancelled).Failures.ShouldHaveSingleItem().Path.ShouldBe("Appointment.comment");
    }

    [Fact]
    public void Retrieve_membership_emptiness_and_the_visit_placeholder()
    {
        var bundle = CannedResponses.Json(200, $$"""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{Booked}}}]}""");
        AppointmentLifecycleChecks.BundleLacksAppointment(bundle, "5", "after the range").Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.BundleLacksAppointment(bundle, "12", "after the range").Failures.ShouldHaveSingleItem().Message.ShouldContain("should not include");
        AppointmentLifecycleChecks.EmptySearchset(bundle).Failures.ShouldHaveSingleItem().Message.ShouldContain("should be empty");
        AppointmentLifecycleChecks.EmptySearchset(CannedResponses.Json(200, """{"resourceType":"Bundle","type":"searchset"}""")).Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.NotASurgery("3", ["1", "2"]).Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.NotASurgery("1", ["1", "2"]).Failures.ShouldHaveSingleItem().Message.ShouldContain("one of the practice's surgeries");
        AppointmentLifecycleChecks.CommentMentions(Resource(Booked.Replace("\"Kept\"", "\"Home visit requested\"")), "home visit").Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.CommentMentions(Resource(Booked), "Home visit").Passed.ShouldBeFalse();
        AppointmentLifecycleChecks.Without(Resource(Booked), "reason", "specialty").Passed.ShouldBeTrue();
        AppointmentLifecycleChecks.Without(Resource(Booked.Replace("\"status\"", "\"reason\":[{\"text\":\"x\"}],\"status\"")), "reason", "specialty").Passed.ShouldBeFalse();
    }
}
