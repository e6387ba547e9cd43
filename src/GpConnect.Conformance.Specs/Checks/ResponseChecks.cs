using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks;

/// <summary>
/// Checks on a whole response: status, resource type, profile validity, element values, OperationOutcome errors.
/// Each returns a <see cref="Check"/> whose failures name the rule, the element path, what was expected and what came back.
/// </summary>
public static class ResponseChecks
{
    public static Check Status(ProviderResponse response, int expected)
    {
        var check = new Check();
        if (!response.HasResponse)
            return check.Fail("http.response", null, $"HTTP {expected}", "no response",
                $"Expected HTTP {expected} but the provider did not answer: {response.Exchange.TransportError}");
        if (response.StatusCode != expected)
            check.Fail("http.status", null, expected.ToString(), response.StatusCode.ToString(),
                $"Expected HTTP {expected} but the provider answered {response.StatusCode}{SpineCodeSuffix(response)}.");
        return check;
    }

    /// <summary>The body parses as FHIR and its root resource is <paramref name="resourceType"/>.</summary>
    public static Check ResourceType(ProviderResponse response, string resourceType)
    {
        var check = new Check();
        if (!response.HasResponse)
            return check.Fail("http.response", null, resourceType, "no response",
                $"Expected a {resourceType} but the provider did not answer: {response.Exchange.TransportError}");
        if (response.Resource is null)
        {
            var problems = response.ParseFindings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.Message).ToList();
            return check.Fail("body.parse", null, resourceType, problems.Count == 0 ? "empty body" : "unparseable body",
                problems.Count == 0
                    ? $"Expected a {resourceType} resource but the response body is empty."
                    : $"Expected a {resourceType} resource but the body is not valid FHIR: {string.Join("; ", problems)}");
        }
        if (response.Resource.ResourceType != resourceType)
            check.Fail("resource.type", response.Resource.Path, resourceType, response.Resource.ResourceType,
                $"Expected a {resourceType} resource but the body is a {response.Resource.ResourceType}{SpineCodeSuffix(response)}.");
        return check;
    }

    /// <summary>Every error-level finding of the validator, against the named profile, is a failure.</summary>
    public static Check ValidAgainst(ProviderResponse response, ProfileValidator validator, string profile)
    {
        var check = new Check();
        if (response.Resource is null) return ResourceType(response, ProfileResourceType(profile));
        return check.Add(ValidationFailures(validator.Validate(response.Resource, profile), profile));
    }

    /// <summary>The element at <paramref name="path"/> (dotted, from the root resource) has exactly <paramref name="expected"/>.</summary>
    public static Check ElementValue(ProviderResponse response, string path, string expected)
    {
        var check = new Check();
        if (response.Resource is null) return ResourceType(response, "resource");
        var fullPath = $"{response.Resource.ResourceType}.{path}";
        var values = response.Resource.Select(path).Select(n => n.Value).ToList();
        if (values.Count == 0)
            return check.Fail("element.value", fullPath, expected, "absent", $"{fullPath} should be \"{expected}\" but it is absent.");
        if (values.Count > 1 || values[0] != expected)
            check.Fail("element.value", fullPath, expected, string.Join(", ", values.Select(v => v is null ? "(no value)" : $"\"{v}\"")),
                $"{fullPath} should be \"{expected}\" but it is {string.Join(", ", values.Select(v => v is null ? "(no value)" : $"\"{v}\""))}.");
        return check;
    }

    /// <summary>
    /// A provider error as GP Connect requires it (spec: Error handling guidance, CORE-067…072): the HTTP status mapped to the Spine
    /// code, an OperationOutcome with the GPConnect-OperationOutcome-1 meta.profile, severity error, the issue type that goes
    /// with the code, details.coding with a Spine system, the code and a display, and diagnostics where mandatory.
    /// </summary>
    public static Check OperationOutcome(ProviderResponse response, string spineCode, ProfileValidator? validator = null)
    {
        var expected = SpineErrorCodes.Get(spineCode);
        var check = Status(response, expected.HttpStatus);
        if (!response.HasResponse) return check;
        var type = ResourceType(response, "OperationOutcome");
        if (!type.Passed) return check.Add(type.Failures);

        var outcome = response.Resource!;
        if (!outcome.Select("meta.profile").Any(p => p.Value == SpineErrorCodes.OperationOutcomeProfile))
            check.Fail("meta.profile", "OperationOutcome.meta.profile", SpineErrorCodes.OperationOutcomeProfile,
                Join(outcome.Select("meta.profile")), "The OperationOutcome does not declare the GPConnect-OperationOutcome-1 profile in meta.profile.");

        var issues = outcome.Children("issue").ToList();
        if (issues.Count == 0)
            return check.Fail("operation-outcome.issue", "OperationOutcome.issue", "1 issue", "none", "The OperationOutcome has no issue.");

        var matching = issues.FirstOrDefault(i => i.Select("details.coding.code").Any(c => c.Value == spineCode));
        if (matching is null)
            return check.Fail("spine-error-code", "OperationOutcome.issue.details.coding.code", spineCode,
                Join(outcome.Select("issue.details.coding.code")),
                $"Expected Spine error code {spineCode} but the OperationOutcome carries {Join(outcome.Select("issue.details.coding.code"))}.");

        foreach (var issue in issues)
            if (issue.SelectValue("severity") != "error")
                check.Fail("operation-outcome.severity", issue.Path + ".severity", "error", issue.SelectValue("severity") ?? "absent",
                    $"{issue.Path}.severity must be \"error\" in GP Connect error responses.");

        var issueType = matching.SelectValue("code");
        if (issueType is null || !expected.IssueTypes.Contains(issueType))
            check.Fail("operation-outcome.issue-type", matching.Path + ".code", string.Join(" or ", expected.IssueTypes), issueType ?? "absent",
                $"{spineCode} goes with issue type {string.Join(" or ", expected.IssueTypes)}, not {issueType ?? "nothing"}.");

        var coding = matching.Select("details.coding").First(c => c.SelectValue("code") == spineCode);
        var system = coding.SelectValue("system");
        if (system is null || !SpineErrorCodes.Systems.Contains(system))
            check.Fail("spine-error-code.system", coding.Path + ".system", SpineErrorCodes.Systems[0], system ?? "absent",
                $"The Spine error coding must use the Spine-ErrorOrWarningCode-1 system, not {system ?? "no system"}.");
        if (string.IsNullOrWhiteSpace(coding.SelectValue("display")))
            check.Fail("spine-error-code.display", coding.Path + ".display", "a display", "absent", "The Spine error coding has no display.");

        if (SpineErrorCodes.RequiresDiagnostics(spineCode) && string.IsNullOrWhiteSpace(matching.SelectValue("diagnostics")))
            check.Fail("operation-outcome.diagnostics", matching.Path + ".diagnostics", "diagnostics", "absent",
                $"{spineCode} errors must carry issue.diagnostics.");

        if (validator is not null)
            check.Add(ValidationFailures(validator.Validate(outcome, "GPConnect-OperationOutcome-1"), "GPConnect-OperationOutcome-1"));
        return check;
    }

    internal static IEnumerable<Runner.Results.CheckFailure> ValidationFailures(ValidationReport report, string profile) =>
        report.Findings
            .Where(f => f.Severity == FindingSeverity.Error)
            .Select(f => new Runner.Results.CheckFailure(f.Rule, f.Path, f.Expected, f.Actual, $"[{profile}] {f.Message}"));

    private static string ProfileResourceType(string profile)
    {
        var name = profile[(profile.LastIndexOf('/') + 1)..];
        var parts = name.Split('-');
        return parts.Length >= 3 ? parts[^2] : name;
    }

    private static string Join(IEnumerable<ElementNode> nodes)
    {
        var values = nodes.Select(n => n.Value).Where(v => v is not null).ToList();
        return values.Count == 0 ? "nothing" : string.Join(", ", values);
    }

    private static string SpineCodeSuffix(ProviderResponse response)
    {
        if (response.Resource?.ResourceType != "OperationOutcome") return "";
        var codes = response.Resource.Select("issue.details.coding.code").Select(c => c.Value).Where(v => v is not null).ToList();
        var diagnostics = response.Resource.SelectValue("issue.diagnostics");
        return codes.Count == 0 ? "" : $" with {string.Join(", ", codes)}{(diagnostics is null ? "" : $" (\"{diagnostics}\")")}";
    }
}
