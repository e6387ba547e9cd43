using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Specs.Checks.Appointments;

/// <summary>
/// The exact error of a refused booking, amendment or cancellation (the Appointment Management pages). Where the spec
/// names the Spine code, only that code and its status pass, and a code the sources also tolerate is a warning. Where the
/// spec pages refuse without naming a code, GP Connect's error guidance makes a request that breaks a business or
/// validation rule 422 INVALID_RESOURCE: that passes, and any other GP Connect error (4xx with a GPConnect-OperationOutcome-1)
/// passes with a warning naming what was answered; anything that is not a refusal fails (docs/expectations.md).
/// </summary>
public static class RefusalChecks
{
    /// <summary>
    /// Refused with <paramref name="expectedCode"/> (and its HTTP status). When <paramref name="tolerated"/> is empty the
    /// spec names no code, and any other GP Connect refusal is a warning; otherwise only the tolerated codes warn.
    /// </summary>
    public static Check RefusedWith(ProviderResponse response, string expectedCode, IReadOnlyList<string> tolerated, ProfileValidator? validator = null)
    {
        var exact = ResponseChecks.OperationOutcome(response, expectedCode, validator);
        if (exact.Passed) return exact;
        var expected = SpineErrorCodes.Get(expectedCode);
        var answered = Describe(response);
        if (tolerated.Count == 0)
        {
            var refused = AppointmentChecks.Refused(response);
            if (!refused.Passed) return refused;
            return new Check().Warn("refusal.recommended-code", "OperationOutcome.issue.details.coding.code", $"{expected.HttpStatus} {expectedCode}", answered,
                $"The provider refused the request with {answered}. The spec names no Spine error code for this refusal; GP Connect's error guidance " +
                $"makes a request that breaks a business or validation rule {expected.HttpStatus} {expectedCode}, which consumers will expect (docs/expectations.md).");
        }
        foreach (var code in tolerated)
        {
            if (!ResponseChecks.OperationOutcome(response, code, validator).Passed) continue;
            var other = SpineErrorCodes.Get(code);
            return new Check().Warn("refusal.tolerated-code", "OperationOutcome.issue.details.coding.code", $"{expected.HttpStatus} {expectedCode}", $"{other.HttpStatus} {code}",
                $"The provider refused the request with {other.HttpStatus} {code}; the spec names {expected.HttpStatus} {expectedCode} for this refusal. " +
                $"{code} is tolerated with this warning (docs/expectations.md).");
        }
        return exact.Fail("refusal.code", "OperationOutcome.issue.details.coding.code", $"{expected.HttpStatus} {expectedCode}", answered,
            $"Expected {expected.HttpStatus} {expectedCode} (or, with a warning, {string.Join(" or ", tolerated)}); the provider answered {answered}.");
    }

    private static string Describe(ProviderResponse response)
    {
        if (!response.HasResponse) return "no response";
        var codes = response.Resource?.Select("issue.details.coding.code").Select(c => c.Value).Where(v => v is not null).ToList() ?? [];
        return codes.Count == 0 ? $"HTTP {response.StatusCode}" : $"HTTP {response.StatusCode} {string.Join(", ", codes)}";
    }
}
