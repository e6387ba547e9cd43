using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Error-response checks where the spec pages allow more than one Spine code.</summary>
public static class ErrorChecks
{
    /// <summary>
    /// The response is a GP Connect error (ResponseChecks.OperationOutcome) with one of <paramref name="codes"/>; the first is
    /// the preferred one. When none fits, the failures are those against the preferred code, plus one naming the alternatives.
    /// </summary>
    public static Check OperationOutcomeWithOneOf(ProviderResponse response, IReadOnlyList<string> codes, ProfileValidator? validator = null)
    {
        if (codes.Count == 0) throw new ArgumentException("Name at least one Spine error code.", nameof(codes));
        var checks = codes.Select(code => ResponseChecks.OperationOutcome(response, code, validator)).ToList();
        var passed = checks.FirstOrDefault(c => c.Passed);
        if (passed is not null) return passed;
        var preferred = checks[0];
        if (codes.Count > 1)
            preferred.Fail("spine-error-code.allowed", "OperationOutcome.issue.details.coding.code", string.Join(" or ", codes), Describe(response),
                $"Expected an error with {string.Join(" or ", codes)} (each with its own HTTP status); the provider answered {Describe(response)}.");
        return preferred;
    }

    private static string Describe(ProviderResponse response)
    {
        if (!response.HasResponse) return "no response";
        var codes = response.Resource?.Select("issue.details.coding.code").Select(c => c.Value).Where(v => v is not null).ToList() ?? [];
        return $"HTTP {response.StatusCode}{(codes.Count == 0 ? "" : " " + string.Join(", ", codes))}";
    }
}
