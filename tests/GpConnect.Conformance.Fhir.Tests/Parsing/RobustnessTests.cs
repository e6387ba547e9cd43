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

    [Fact]
    public void Xml_nested_fifty_thousand_levels_deep_is_a_finding_not_a_stack_overflow()
    {
        // Audit finding 1: this body killed the process (exit 134) with a stack overflow.
        var deep = "<Basic xmlns=\"http://hl7.org/fhir\">" + string.Concat(Enumerable.Repeat("<extension>", 50_000))
            + string.Concat(Enumerable.Repeat("</extension>", 50_000)) + "</Basic>";

        var parsed = FhirParser.Parse(deep);

        parsed.Success.ShouldBeFalse();
        parsed.Findings.ShouldContain(f => f.Rule == "parse.xml-depth" && f.Message.Contains("limits:maxNestingDepth"));
    }

    [Fact]
    public void Xml_just_inside_the_depth_limit_is_read()
    {
        var levels = FhirParseLimits.MaxDepth - 2;
        var body = "<Basic xmlns=\"http://hl7.org/fhir\">" + string.Concat(Enumerable.Repeat("<extension url=\"x\">", levels))
            + string.Concat(Enumerable.Repeat("</extension>", levels)) + "</Basic>";

        var parsed = FhirParser.Parse(body);

        parsed.Findings.ShouldNotContain(f => f.Rule == "parse.xml-depth");
        parsed.Root.ShouldNotBeNull();
    }

    [Fact]
    public void The_validate_command_reports_a_deep_xml_file_instead_of_dying()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gpcc-deep-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, "<Basic xmlns=\"http://hl7.org/fhir\">" + string.Concat(Enumerable.Repeat("<a>", 50_000)) + string.Concat(Enumerable.Repeat("</a>", 50_000)) + "</Basic>");
        try
        {
            var stdout = new StringWriter();
            var exit = GpConnect.Conformance.Fhir.Commands.ValidateCommand.Run([file], stdout, new StringWriter());
            exit.ShouldBe(1);
            stdout.ToString().ShouldContain("parse.xml-depth");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_depth_limit_cannot_be_set_outside_its_documented_range()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FhirParseLimits.MaxDepth = 5);
        Should.Throw<ArgumentOutOfRangeException>(() => FhirParseLimits.MaxDepth = 100_000);
        FhirParseLimits.MaxDepth.ShouldBe(FhirParseLimits.DefaultMaxDepth);
    }
}
