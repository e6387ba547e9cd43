using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Writing;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Parsing;

/// <summary>Bad input is a finding, never an exception: corrupted bodies (fixed seed, so reproducible) parse and validate without throwing.</summary>
public class RobustnessTests
{
    private static readonly ProfileValidator Validator = ProfileValidator.CreateDefault();

    [Theory]
    [InlineData(FhirFormat.Json)]
    [InlineData(FhirFormat.Xml)]
    public void Corrupted_bodies_never_throw(FhirFormat format)
    {
        var bundle = Fixtures.Parse(Fixtures.BundleJson);
        var source = format == FhirFormat.Json ? Fixtures.BundleJson : FhirXmlWriter.Write(bundle);
        var random = new Random(20261121);
        var findings = 0;
        for (var i = 0; i < 400; i++)
        {
            var chars = source.ToCharArray().ToList();
            for (var k = 0; k < 1 + i % 4; k++)
            {
                var at = random.Next(chars.Count);
                if (random.Next(2) == 0) chars.RemoveAt(at);
                else chars.Insert(at, "{}[]\",:<>/= a1"[random.Next(14)]);
            }
            var text = new string(chars.ToArray());
            var parsed = FhirParser.Parse(text, format);
            findings += parsed.Findings.Count;
            parsed.Findings.ShouldNotContain(f => f.Rule == "parse.internal", text);
            if (parsed.Root is null) continue;
            var report = Validator.ValidateDeclared(parsed.Root);
            findings += report.Findings.Count;
            if (parsed.Root.ResourceType == "Bundle") Validator.ValidateBundleEntries(parsed.Root);
        }
        findings.ShouldBeGreaterThan(100, "corruption should be noticed");
    }

    [Fact]
    public void Parser_and_validator_can_be_shared_between_threads()
    {
        var expected = string.Join("\n", Validator.ValidateBundleEntries(Fixtures.Parse(Fixtures.BundleJson)).Findings);
        expected.ShouldNotBeEmpty();
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
            results.Add(string.Join("\n", Validator.ValidateBundleEntries(FhirParser.Parse(Fixtures.BundleJson).Root!).Findings)));
        results.Count.ShouldBe(64);
        results.ShouldAllBe(r => r == expected);
    }

    [Fact]
    public void Deeply_nested_json_is_a_finding()
    {
        var deep = "{\"resourceType\":\"Basic\",\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 301);
        var parsed = FhirParser.Parse(deep);
        parsed.Success.ShouldBeFalse();
        parsed.Findings.ShouldContain(f => f.Rule == "parse.json");
    }
}
