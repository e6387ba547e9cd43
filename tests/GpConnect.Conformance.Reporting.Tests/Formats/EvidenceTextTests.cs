using GpConnect.Conformance.Reporting.Html;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Formats;

public class EvidenceTextTests
{
    [Fact]
    public void Curl_repeats_the_request_without_the_bearer_token_or_client_key()
    {
        var x = SampleRuns.JsonExchange() with
        {
            Method = "POST",
            RequestHeaders = [.. SampleRuns.JsonExchange().RequestHeaders, new("X-Api-Key", "s3cr3t"), new("Content-Length", "42")],
            RequestBody = """{"description":"It's booked"}""",
        };
        var curl = CurlCommand.For(x);

        curl.ShouldStartWith("curl -sS -i -X POST 'https://provider.example/B82617/STU3/1/gpconnect/fhir/Patient?identifier=");
        curl.ShouldContain("--cert client-certificate.pem --key client-private-key.pem");
        curl.ShouldContain("-H 'Ssp-InteractionID: urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1'");
        curl.ShouldContain("-H 'Authorization: " + CurlCommand.RedactedAuthorization + "'");
        curl.ShouldNotContain(SampleRuns.Jwt().Split('.')[1], Case.Sensitive, "the JWT itself is never in the command");
        curl.ShouldContain("-H 'X-Api-Key: <redacted>'");
        curl.ShouldNotContain("s3cr3t");
        curl.ShouldNotContain("Content-Length");
        curl.ShouldContain("--data-raw '{\"description\":\"It'\\''s booked\"}'");
        curl.Split(" \\\n  ").Length.ShouldBe(7, "curl, certificate, four headers, body");
    }

    [Fact]
    public void Curl_over_plain_http_names_no_client_certificate() =>
        CurlCommand.For(SampleRuns.JsonExchange() with { Url = "http://127.0.0.1:5000/metadata" }).ShouldNotContain("--cert");

    private static readonly string Outcome = """{"resourceType":"OperationOutcome","meta":{"profile":["https://example/wrong"]},"issue":[{"severity":"error","details":{"coding":[{"code":"INVALID_RESOURCE"}]}},{"severity":"error","details":{"coding":[{"code":"BAD_REQUEST"}]}}]}""";

    [Fact]
    public void A_finding_path_marks_the_lines_of_its_element_and_puts_the_finding_beside_them()
    {
        var lines = JsonFindingMarker.Mark(Outcome, [new CheckFailure("spine-error-code", "OperationOutcome.issue.details.coding.code", "BAD_REQUEST", "INVALID_RESOURCE", "Expected BAD_REQUEST")])
            .ShouldNotBeNull();
        lines.Where(l => l.Hit).Select(l => l.Text.Trim()).ShouldBe(["\"code\": \"INVALID_RESOURCE\"", "\"code\": \"BAD_REQUEST\""], "an array step without an index matches every item");
        var noted = lines.Single(l => l.Notes.Contains("spine-error-code: Expected BAD_REQUEST"));
        noted.Text.ShouldContain("INVALID_RESOURCE");
        lines.Count(l => l.Notes.Count > 0).ShouldBe(2);
        string.Join("\n", lines.Select(l => l.Text)).ShouldBe(BodyFormatter.Format(Outcome).Text, "the marked body reads exactly like the pretty-printed one");
    }

    [Fact]
    public void A_missing_element_marks_its_nearest_present_parent_and_says_what_is_missing()
    {
        const string bundle = """{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Slot","id":"1","serviceType":[{"text":"GP"}]}},{"resource":{"resourceType":"Slot","id":"2"}}]}""";
        var lines = JsonFindingMarker.Mark(bundle, [new CheckFailure("TKT-032", "Bundle.entry[1].resource.serviceType", "1", "0", "Slot must have one serviceType")]).ShouldNotBeNull().ToList();
        var hit = lines.Where(l => l.Hit).ToList();
        hit.Count.ShouldBe(1);
        hit[0].Text.Trim().ShouldBe("\"resource\": {");
        lines.IndexOf(hit[0]).ShouldBeGreaterThan(lines.FindIndex(l => l.Text.Contains("\"GP\"")), "the second entry's resource, not the first");
        hit[0].Notes.Single().ShouldBe("TKT-032: Slot must have one serviceType (missing here: serviceType)");

        var byType = JsonFindingMarker.Mark(bundle, [new CheckFailure("cardinality", "Slot.serviceType", "1", "0", "missing")]).ShouldNotBeNull();
        byType.Where(l => l.Hit).Select(l => l.Text.Trim()).ShouldBe(["\"serviceType\": [", "{", "\"text\": \"GP\"", "}", "]"],
            "a resource type leading the path finds the Bundle entries of that type; a small element is marked whole");
    }

    [Fact]
    public void Paths_that_do_not_point_into_the_body_leave_it_unmarked()
    {
        JsonFindingMarker.Mark(Outcome, [new CheckFailure("header.cache-control", "Cache-Control", "no-store", "absent", "m")]).ShouldBeNull();
        JsonFindingMarker.Mark(Outcome, [new CheckFailure("jwt", "JWT exp/iat", null, null, "m")]).ShouldBeNull();
        JsonFindingMarker.Mark(Outcome, [new CheckFailure("x", null, null, null, "m")]).ShouldBeNull();
        JsonFindingMarker.Mark("<Bundle/>", [new CheckFailure("x", "Bundle.type", null, null, "m")]).ShouldBeNull();
    }

    [Theory]
    [InlineData("tls:clientCertificatePassword", "hunter2", "***")]
    [InlineData("tls:clientCertificatePassword", "", "")]
    [InlineData("provider:odsCode", "B82617", "B82617")]
    [InlineData("config", "a:b = 1\ntls:clientCertificatePassword = hunter2\nprovider:client_key = abc\nx:apiToken =\n", "a:b = 1\ntls:clientCertificatePassword = ***\nprovider:client_key = ***\nx:apiToken =\n")]
    [InlineData("config", """{"Provider":{"ClientKey":"abc","Secret":"***","Url":"https://x"}}""", """{"Provider":{"ClientKey":"***","Secret":"***","Url":"https://x"}}""")]
    public void Configuration_secrets_are_masked_whatever_the_caller_did(string key, string value, string shown) =>
        ConfigText.Mask(key, value).ShouldBe(shown);
}
