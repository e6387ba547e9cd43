using System.Text.Json;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;
using Shouldly;

namespace GpConnect.Conformance.Reporting.Tests.Formats;

public class ResultsJsonTests
{
    [Fact]
    public void Round_trip_keeps_ids_statuses_messages_tags_durations_failures_steps_and_metadata()
    {
        var run = SampleRuns.Full();
        var back = ResultsJson.Deserialize(ResultsJson.Serialize(run));

        back.Started.ShouldBe(run.Started);
        back.Finished.ShouldBe(run.Finished);
        back.Complete.ShouldBeTrue();
        back.Metadata.ShouldBe(run.Metadata);
        back.FeatureErrors.ShouldBe(run.FeatureErrors);
        back.Scenarios.Count.ShouldBe(run.Scenarios.Count);
        for (int i = 0; i < run.Scenarios.Count; i++)
        {
            var (a, b) = (run.Scenarios[i], back.Scenarios[i]);
            b.Scenario.Id.ShouldBe(a.Scenario.Id);
            b.Scenario.DisplayName.ShouldBe(a.Scenario.DisplayName);
            b.Scenario.ExampleRow.ShouldBe(a.Scenario.ExampleRow);
            b.Scenario.Tags.ShouldBe(a.Scenario.Tags);
            b.Status.ShouldBe(a.Status);
            b.Message.ShouldBe(a.Message);
            b.Duration.ShouldBe(a.Duration);
            b.Started.ShouldBe(a.Started);
            b.Failures.ShouldBe(a.Failures);
            b.Steps.ShouldBe(a.Steps);
            b.Evidence.Count.ShouldBe(a.Evidence.Count);
        }
    }

    [Fact]
    public void Document_has_schema_version_totals_and_status_tokens()
    {
        using var doc = JsonDocument.Parse(ResultsJson.Serialize(SampleRuns.Full()));
        var root = doc.RootElement;
        root.GetProperty("schemaVersion").GetInt32().ShouldBe(2);
        root.GetProperty("complete").GetBoolean().ShouldBeTrue();
        var totals = root.GetProperty("totals");
        totals.GetProperty("scenarios").GetInt32().ShouldBe(7);
        totals.GetProperty("failed").GetInt32().ShouldBe(2);
        totals.GetProperty("notApplicable").GetInt32().ShouldBe(1);
        totals.GetProperty("featureErrors").GetInt32().ShouldBe(1);
        root.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("status").GetString())
            .ShouldBe(["passed", "failed", "passed", "failed", "skipped", "notApplicable", "waived"]);
        root.GetProperty("metadata")[0].GetProperty("name").GetString().ShouldBe("target");
    }

    [Fact]
    public void Excerpt_mode_drops_headers_and_cuts_bodies_while_full_mode_keeps_them()
    {
        var run = SampleRuns.Full();
        var excerpt = ResultsJson.Deserialize(ResultsJson.Serialize(run, new ResultsJsonOptions { ExcerptLength = 20 }));
        var http = excerpt.Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single();
        http.RequestHeaders.ShouldBeEmpty();
        http.ResponseBody!.Length.ShouldBe(20);
        http.StatusCode.ShouldBe(200);
        http.Url.ShouldContain("/Patient?identifier=");

        var full = ResultsJson.Deserialize(ResultsJson.Serialize(run, new ResultsJsonOptions { Evidence = EvidenceDetail.Full }));
        full.Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single().ShouldSatisfyAllConditions(
            h => h.RequestHeaders.Count.ShouldBe(3),
            h => h.ResponseBody.ShouldBe(SampleRuns.PatientJson));

        var none = ResultsJson.Deserialize(ResultsJson.Serialize(run, new ResultsJsonOptions { Evidence = EvidenceDetail.None }));
        none.Scenarios.ShouldAllBe(s => s.Evidence.Count == 0);
    }

    [Fact]
    public void Incomplete_flag_survives_a_round_trip()
    {
        var run = SampleRuns.Full() with { Complete = false };
        ResultsJson.Deserialize(ResultsJson.Serialize(run)).Complete.ShouldBeFalse();
    }

    [Fact]
    public void Unknown_schema_version_and_bad_json_are_clear_errors()
    {
        Should.Throw<ResultsFormatException>(() => ResultsJson.Deserialize("""{"schemaVersion":3}""", "old/results.json"))
            .Message.ShouldBe("old/results.json: schemaVersion 3 is not supported (this reader understands 1 to 2).");
        Should.Throw<ResultsFormatException>(() => ResultsJson.Deserialize("{not json", "x.json")).Message.ShouldStartWith("x.json: not a valid results.json");
        Should.Throw<ResultsFormatException>(() => ResultsJson.Read("/no/such/dir/results.json")).Message.ShouldContain("not found");
    }

    [Fact]
    public void Write_and_read_a_file()
    {
        using var temp = new TempFolder();
        var path = temp.File("sub/results.json");
        ResultsJson.Write(SampleRuns.Full(), path);
        ResultsJson.Read(path).Scenarios.Count.ShouldBe(7);
    }
}
