using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

public sealed class ResponseChecksTests
{
    [Fact]
    public void Status_passes_on_the_expected_status_and_names_the_spine_code_otherwise()
    {
        ResponseChecks.Status(CannedResponses.Json(200, "{}"), 200).Passed.ShouldBeTrue();

        var check = ResponseChecks.Status(CannedResponses.Json(400, CannedResponses.OperationOutcome("BAD_REQUEST")), 200);

        check.Failures.ShouldHaveSingleItem().Rule.ShouldBe("http.status");
        check.Failures[0].Message.ShouldContain("answered 400 with BAD_REQUEST");
    }

    [Fact]
    public void Status_fails_with_the_transport_error_when_the_provider_did_not_answer()
    {
        var check = ResponseChecks.Status(CannedResponses.NoAnswer("Connection refused (127.0.0.1:9)"), 200);

        check.Failures.ShouldHaveSingleItem().Message.ShouldContain("Connection refused");
    }

    [Fact]
    public void Resource_type_reports_unparseable_bodies_and_the_wrong_type()
    {
        ResponseChecks.ResourceType(CannedResponses.Json(200, """{"resourceType":"Patient","id":"1"}"""), "Patient").Passed.ShouldBeTrue();
        ResponseChecks.ResourceType(CannedResponses.Json(200, """{"resourceType":"Bundle","type":"searchset"}"""), "Patient")
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("resource.type");
        ResponseChecks.ResourceType(CannedResponses.Json(200, "{ not json"), "Patient")
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("body.parse");
        ResponseChecks.ResourceType(CannedResponses.Json(200, ""), "Patient")
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("empty");
    }

    [Fact]
    public void Element_value_compares_the_value_at_a_path()
    {
        var response = CannedResponses.Json(200, """{"resourceType":"CapabilityStatement","version":"1.2.7","rest":[{"mode":"server"}]}""");

        ResponseChecks.ElementValue(response, "version", "1.2.7").Passed.ShouldBeTrue();
        ResponseChecks.ElementValue(response, "rest.mode", "server").Passed.ShouldBeTrue();
        ResponseChecks.ElementValue(response, "version", "1.2.3").Failures.ShouldHaveSingleItem().Actual.ShouldBe("\"1.2.7\"");
        ResponseChecks.ElementValue(response, "fhirVersion", "3.0.1").Failures.ShouldHaveSingleItem().Actual.ShouldBe("absent");
    }

    [Fact]
    public void A_well_formed_spine_error_passes()
    {
        var response = CannedResponses.Json(400, CannedResponses.OperationOutcome("BAD_REQUEST"));

        ResponseChecks.OperationOutcome(response, "BAD_REQUEST").Failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(422, "BAD_REQUEST", "invalid", "details", true, "error", "http.status")]
    [InlineData(400, "INVALID_NHS_NUMBER", "value", "details", true, "error", "spine-error-code")]
    [InlineData(400, "BAD_REQUEST", "value", "details", true, "error", "operation-outcome.issue-type")]
    [InlineData(400, "BAD_REQUEST", "invalid", "details", false, "error", "meta.profile")]
    [InlineData(400, "BAD_REQUEST", "invalid", "details", true, "warning", "operation-outcome.severity")]
    public void Each_broken_error_rule_is_named(int status, string code, string issueType, string diagnostics, bool withProfile, string severity, string rule)
    {
        var response = CannedResponses.Json(status, CannedResponses.OperationOutcome(code, issueType, diagnostics, withProfile: withProfile, severity: severity));

        ResponseChecks.OperationOutcome(response, "BAD_REQUEST").Failures.Select(f => f.Rule).ShouldContain(rule);
    }

    [Fact]
    public void Spine_coding_system_may_be_the_value_set_or_the_code_system_but_nothing_else()
    {
        var codeSystem = CannedResponses.OperationOutcome("BAD_REQUEST", system: "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        var other = CannedResponses.OperationOutcome("BAD_REQUEST", system: "http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1");

        ResponseChecks.OperationOutcome(CannedResponses.Json(400, codeSystem), "BAD_REQUEST").Passed.ShouldBeTrue();
        ResponseChecks.OperationOutcome(CannedResponses.Json(400, other), "BAD_REQUEST").Failures
            .ShouldHaveSingleItem().Rule.ShouldBe("spine-error-code.system");
    }

    [Fact]
    public void Codes_that_need_diagnostics_fail_without_them()
    {
        var response = CannedResponses.Json(422, CannedResponses.OperationOutcome("INVALID_PARAMETER", diagnostics: null));

        ResponseChecks.OperationOutcome(response, "INVALID_PARAMETER").Failures
            .ShouldHaveSingleItem().Rule.ShouldBe("operation-outcome.diagnostics");
    }

    [Fact]
    public void An_unknown_spine_code_in_a_feature_is_a_clear_error()
    {
        Should.Throw<ArgumentException>(() => SpineErrorCodes.Get("NOT_A_CODE")).Message.ShouldContain("BAD_REQUEST");
    }
}
