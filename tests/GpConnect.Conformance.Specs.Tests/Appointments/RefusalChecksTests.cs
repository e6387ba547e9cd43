using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class RefusalChecksTests
{
    [Fact]
    public void Where_the_spec_names_no_code_the_guidance_code_passes_another_refusal_warns_and_acceptance_fails()
    {
        RefusalChecks.RefusedWith(CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_RESOURCE")), "INVALID_RESOURCE", []).Passed.ShouldBeTrue();

        var other = RefusalChecks.RefusedWith(CannedResponses.Json(400, CannedResponses.OperationOutcome("BAD_REQUEST")), "INVALID_RESOURCE", []);
        other.Passed.ShouldBeTrue();
        other.Warnings.ShouldHaveSingleItem().Message.ShouldContain("HTTP 400 BAD_REQUEST");

        RefusalChecks.RefusedWith(CannedResponses.Json(201, """{"resourceType":"Appointment"}"""), "INVALID_RESOURCE", [])
            .Failures.ShouldContain(f => f.Message.Contains("refuse the request with a 4xx error"));
        RefusalChecks.RefusedWith(CannedResponses.Json(500, CannedResponses.OperationOutcome("INTERNAL_SERVER_ERROR", "processing")), "INVALID_RESOURCE", [])
            .Passed.ShouldBeFalse();
    }

    [Fact]
    public void Where_the_spec_names_a_code_only_it_passes_a_tolerated_code_warns_and_any_other_fails()
    {
        RefusalChecks.RefusedWith(CannedResponses.Json(422, CannedResponses.OperationOutcome("REFERENCE_NOT_FOUND")), "REFERENCE_NOT_FOUND", ["PATIENT_NOT_FOUND"]).Passed.ShouldBeTrue();

        var tolerated = RefusalChecks.RefusedWith(CannedResponses.Json(404, CannedResponses.OperationOutcome("PATIENT_NOT_FOUND", "not-found")), "REFERENCE_NOT_FOUND", ["PATIENT_NOT_FOUND"]);
        tolerated.Passed.ShouldBeTrue();
        tolerated.Warnings.ShouldHaveSingleItem().Message.ShouldContain("PATIENT_NOT_FOUND is tolerated");

        var other = RefusalChecks.RefusedWith(CannedResponses.Json(400, CannedResponses.OperationOutcome("BAD_REQUEST")), "REFERENCE_NOT_FOUND", ["PATIENT_NOT_FOUND"]);
        other.Passed.ShouldBeFalse();
        other.Failures.ShouldContain(f => f.Message.Contains("Expected HTTP 422"));
    }
}
