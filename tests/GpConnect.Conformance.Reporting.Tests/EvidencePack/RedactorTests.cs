using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Reporting.Json;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.EvidencePack;

public class RedactorTests
{
    [Fact]
    public void Nhs_numbers_plain_and_spaced_get_stable_placeholders()
    {
        var r = new Redactor();
        r.RedactText($"patient {SampleRuns.PatientNhsNumber} then {SampleRuns.SpacedNhsNumber}").ShouldBe("patient NHS-NUMBER-1 then NHS-NUMBER-2");
        r.RedactText("again 943 476 5919 and 9434765870").ShouldBe("again NHS-NUMBER-1 and NHS-NUMBER-2");
        r.RedactText("not 12345678901 nor 123456789 nor B82617").ShouldBe("not 12345678901 nor 123456789 nor B82617");
    }

    [Fact]
    public void Jwt_time_claims_are_not_mistaken_for_nhs_numbers()
    {
        new Redactor().RedactText("""{"exp": 1795280700, "iat":1795280400, "x": 1795280400}""")
            .ShouldBe("""{"exp": 1795280700, "iat":1795280400, "x": NHS-NUMBER-1}""");
    }

    [Fact]
    public void Names_from_json_and_xml_bodies_and_jwt_claims_are_replaced_everywhere_in_the_run()
    {
        var redacted = new Redactor().Redact(SampleRuns.Full());
        var all = ResultsJson.Serialize(redacted, new ResultsJsonOptions { Evidence = EvidenceDetail.Full });

        foreach (var secret in new[] { SampleRuns.PatientNhsNumber, SampleRuns.PatientFamily, SampleRuns.PatientGiven, "Abernathy", "Quentin", SampleRuns.PractitionerFamily, "Adaeze" })
            all.ShouldNotContain(secret);
        all.ShouldContain("NHS-NUMBER-1");
        all.ShouldContain("NAME-1");
        // Identifiers used to compare runs are untouched.
        redacted.Scenarios.Select(s => s.Scenario.Id).ShouldBe(SampleRuns.Full().Scenarios.Select(s => s.Scenario.Id));
    }

    [Fact]
    public void Same_input_gives_the_same_placeholder_throughout_the_run()
    {
        var redacted = new Redactor().Redact(SampleRuns.Full());
        var passed = redacted.Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single();
        var outlineRow = redacted.Scenarios[2].Evidence.OfType<HttpExchangeEvidence>().Single();
        passed.ResponseBody.ShouldBe(outlineRow.ResponseBody);
        passed.Url.ShouldEndWith("|NHS-NUMBER-1");
        passed.ResponseBody!.ShouldContain("\"value\":\"NHS-NUMBER-1\"");

        var family = System.Text.RegularExpressions.Regex.Match(passed.ResponseBody!, "\"family\":\"(NAME-\\d+)\"").Groups[1].Value;
        family.ShouldStartWith("NAME-");
        var again = new Redactor().Redact(SampleRuns.Full()).Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single();
        again.ResponseBody.ShouldBe(passed.ResponseBody); // deterministic numbering for the same run
    }

    [Fact]
    public void Bearer_token_is_re_encoded_with_redacted_claims_and_still_decodes()
    {
        var redacted = new Redactor().Redact(SampleRuns.Full());
        var auth = JwtDecoder.AuthorizationHeader(redacted.Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single().RequestHeaders);
        var jwt = JwtDecoder.TryDecode(auth)!;
        jwt.PayloadJson.ShouldContain("\"value\": \"NHS-NUMBER-1\"");
        jwt.PayloadJson.ShouldNotContain(SampleRuns.PractitionerFamily);
        jwt.PayloadJson.ShouldContain("\"exp\": 1795280700");
        auth!.ShouldStartWith("Bearer ");
    }

    [Fact]
    public void Names_learned_later_are_applied_to_earlier_text_on_the_next_redaction()
    {
        var r = new Redactor();
        r.RedactText("Dr Okonkwo called").ShouldBe("Dr Okonkwo called");
        r.LearnBody("""{"name":[{"family":"Okonkwo"}]}""");
        r.RedactText("Dr Okonkwo called").ShouldBe("Dr NAME-1 called");
        r.RedactText("okonkwoville").ShouldBe("okonkwoville"); // whole words only
    }

    [Theory]
    [InlineData("")]
    [InlineData("JWT ")]
    [InlineData("bearer  ")]
    public void A_jwt_sent_without_the_bearer_prefix_is_redacted_too(string scheme)
    {
        // Audit finding 12: a token sent bare kept the practitioner's name readable.
        var run = SampleRuns.Full();
        var first = run.Scenarios[0];
        var exchange = first.Evidence.OfType<HttpExchangeEvidence>().Single();
        var bare = exchange with
        {
            RequestHeaders = exchange.RequestHeaders.Select(h => h.Key == "Authorization" ? new KeyValuePair<string, string>(h.Key, scheme + SampleRuns.Jwt()) : h).ToList(),
        };
        run = run with { Scenarios = [first with { Evidence = [bare] }] };

        var redacted = new Redactor().Redact(run);
        var auth = JwtDecoder.AuthorizationHeader(redacted.Scenarios[0].Evidence.OfType<HttpExchangeEvidence>().Single().RequestHeaders)!;

        auth.ShouldStartWith(scheme);
        var jwt = JwtDecoder.TryDecode(auth[scheme.Length..])!;
        jwt.PayloadJson.ShouldNotContain(SampleRuns.PractitionerFamily);
        jwt.PayloadJson.ShouldNotContain(SampleRuns.PatientNhsNumber);
        jwt.PayloadJson.ShouldContain("NAME-");
    }

    [Fact]
    public void Names_are_not_rewritten_inside_urls_or_host_names()
    {
        // Audit finding 13: the family name "Conformance" was replaced inside gpconnect-conformance.example.
        var r = new Redactor();
        r.LearnBody("""{"name":[{"family":"Conformance","given":["Jane"]}]}""");

        r.RedactText("https://gpconnect-conformance.example/A20047/STU3/1/gpconnect/Patient/1").ShouldBe("https://gpconnect-conformance.example/A20047/STU3/1/gpconnect/Patient/1");
        r.RedactText("issued by gpconnect-conformance.example for Jane Conformance").ShouldBe("issued by gpconnect-conformance.example for NAME-2 NAME-1");
        r.RedactText("https://x.example/Patient?family=Conformance&nhs=9434765919").ShouldBe("https://x.example/Patient?family=NAME-1&nhs=NHS-NUMBER-1");
        r.RedactText("jane.conformance@nhs.example").ShouldNotContain("conformance@");
    }
}
