using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class CoreErrorChecksTests
{
    [Fact]
    public void Either_allowed_code_passes_with_its_own_status()
    {
        string[] codes = ["NOT_IMPLEMENTED", "BAD_REQUEST"];

        ErrorChecks.OperationOutcomeWithOneOf(CannedResponses.Json(501, CannedResponses.OperationOutcome("NOT_IMPLEMENTED", "not-supported")), codes).Passed.ShouldBeTrue();
        ErrorChecks.OperationOutcomeWithOneOf(CannedResponses.Json(400, CannedResponses.OperationOutcome("BAD_REQUEST")), codes).Passed.ShouldBeTrue();
    }

    [Fact]
    public void Another_code_fails_naming_both_allowed_codes()
    {
        var check = ErrorChecks.OperationOutcomeWithOneOf(
            CannedResponses.Json(404, CannedResponses.OperationOutcome("NO_RECORD_FOUND", "not-found")), ["NOT_IMPLEMENTED", "BAD_REQUEST"]);

        check.Passed.ShouldBeFalse();
        check.Failures.ShouldContain(f => f.Rule == "spine-error-code.allowed" && f.Message.Contains("NOT_IMPLEMENTED or BAD_REQUEST") && f.Message.Contains("HTTP 404 NO_RECORD_FOUND"));
    }

    [Fact]
    public void The_right_code_with_a_status_it_does_not_map_to_fails()
    {
        ErrorChecks.OperationOutcomeWithOneOf(CannedResponses.Json(400, CannedResponses.OperationOutcome("NOT_IMPLEMENTED", "not-supported")), ["NOT_IMPLEMENTED", "BAD_REQUEST"])
            .Passed.ShouldBeFalse();
    }
}
