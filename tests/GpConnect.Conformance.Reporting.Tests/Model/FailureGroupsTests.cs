using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Model;

public class FailureGroupsTests
{
    private static ScenarioResult Failed(string id, string? message, params CheckFailure[] failures) =>
        SampleRuns.Result(SampleRuns.Info("f.feature", "F", id, 1, ["@CORE-073", "@" + id.ToUpperInvariant()]), ScenarioStatus.Failed, message, failures);

    [Fact]
    public void One_ignored_header_is_one_group_however_many_scenarios_it_breaks()
    {
        var groups = FailureGroups.Of(SampleRuns.ManyFailures().Scenarios);

        groups.Select(g => g.Count).ShouldBe([13, 3, 2, 1, 1]);
        groups.Sum(g => g.Count).ShouldBe(20, "every failed scenario is in exactly one group");
        groups[0].Key.ShouldBe("rule:header.cache-control@Cache-Control");
        groups[0].Kind.ShouldBe(FailureCauseKind.Rule);
        groups[0].SharedObligations.ShouldBe(["CORE-073", "FND-002"]);
        groups[0].RepresentativeExchange.ShouldNotBeNull().Url.ShouldContain("rest:read:metadata-1");
        groups[1].Key.ShouldBe("http:400->200");
        groups[1].Title.ShouldBe("Expected HTTP 400; the provider answered 200");
        groups[2].Kind.ShouldBe(FailureCauseKind.Message);
        groups[2].RepresentativeMessage.ShouldBe("No response from https://provider.example within 30 s");
        groups.Single(g => g.Key == "http:400->422/INVALID_RESOURCE").Title.ShouldBe("Expected HTTP 400; the provider answered 422 with INVALID_RESOURCE");
    }

    [Fact]
    public void A_status_pair_groups_only_with_the_same_pair_and_error_code()
    {
        var groups = FailureGroups.Of([
            Failed("a", null, new CheckFailure("http.status", null, "400", "200", "m")),
            Failed("b", null, new CheckFailure("http.status", null, "400", "200", "m")),
            Failed("c", null, new CheckFailure("http.status", null, "404", "200", "m")),
            Failed("d", null, new CheckFailure("http.status", null, "400", "422", "m"), new CheckFailure("spine-error-code", "OperationOutcome.issue.details.coding.code", "BAD_REQUEST", "INVALID_RESOURCE", "m")),
            Failed("e", null, new CheckFailure("http.status", null, "400", "422", "m"), new CheckFailure("spine-error-code", "x", "BAD_REQUEST", "INVALID_PARAMETER", "m")),
        ]);
        groups.Select(g => (g.Key, g.Count)).ShouldBe([("http:400->200", 2), ("http:404->200", 1), ("http:400->422/INVALID_RESOURCE", 1), ("http:400->422/INVALID_PARAMETER", 1)]);
        groups.ShouldAllBe(g => g.Kind == FailureCauseKind.HttpStatus);
    }

    [Fact]
    public void A_check_groups_by_rule_and_element_path_ignoring_array_positions()
    {
        var groups = FailureGroups.Of([
            Failed("a", null, new CheckFailure("cardinality", "Bundle.entry[0].resource.serviceType", "1", "0", "missing")),
            Failed("b", null, new CheckFailure("cardinality", "Bundle.entry[7].resource.serviceType", "1", "0", "missing in another entry")),
            Failed("c", null, new CheckFailure("cardinality", "Bundle.entry[0].resource.status", "1", "0", "missing")),
            Failed("d", null, new CheckFailure("binding", "Bundle.entry[0].resource.serviceType", null, null, "bad code")),
        ]);
        groups.Select(g => (g.Key, g.Count)).ShouldBe([
            ("rule:cardinality@Bundle.entry[].resource.serviceType", 2), ("rule:cardinality@Bundle.entry[].resource.status", 1), ("rule:binding@Bundle.entry[].resource.serviceType", 1)]);
        groups[0].SharedObligations.ShouldBe(["CORE-073"], "only the obligation every scenario of the group carries");
    }

    [Fact]
    public void Without_findings_messages_group_by_pattern_and_other_statuses_are_left_out()
    {
        var passed = SampleRuns.Result(SampleRuns.Info("f.feature", "F", "p", 1, []), ScenarioStatus.Passed);
        var waived = SampleRuns.Result(SampleRuns.Info("f.feature", "F", "w", 1, []), ScenarioStatus.Waived, "Waived: x");
        var groups = FailureGroups.Of([
            passed, waived,
            Failed("a", "Step 'When I book' (line 12) failed: Resource 'Slot/7' was not returned (3 of 5 checked)"),
            Failed("b", "Resource 'Slot/19' was not returned (1 of 2 checked)"),
            Failed("c", "Something else broke"),
        ]);
        groups.Select(g => g.Count).ShouldBe([2, 1]);
        groups[0].Key.ShouldBe("message:Resource <value> was not returned <value>");
        groups[0].Title.ShouldBe("Resource 'Slot/7' was not returned (3 of 5 checked)", "the step prefix is not part of the cause");
        FailureGroups.Of([passed, waived]).ShouldBeEmpty();
    }

    [Fact]
    public void Message_pattern_sets_aside_urls_ids_quoted_values_and_numbers()
    {
        FailureGroups.MessagePattern("GET https://x.example/Slot?id=1 took 3012 ms for trace 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 and \"abc\"")
            .ShouldBe("GET <url> took <n> ms for trace <id> and <value>");
    }
}
