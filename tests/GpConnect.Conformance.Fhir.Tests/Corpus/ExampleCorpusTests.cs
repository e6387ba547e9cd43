using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Writing;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Corpus;

/// <summary>The specification's own example payloads (../shared/examples): real resources no one here wrote.</summary>
public class ExampleCorpusTests
{
    private static readonly ProfileValidator Validator = ProfileValidator.CreateDefault();

    /// <summary>
    /// The defects the spec's examples really have, each with its reason. Every other example must validate without
    /// error; these errors must appear exactly (file | rule | path).
    /// </summary>
    private static readonly (string Finding, string Reason)[] ExpectedDefects =
    {
        ("foundations/find_patient_response_example.json|binding.required|Bundle.entry[0].resource.identifier[0].extension[0].valueCodeableConcept",
            "example uses the non-canonical system https://fhir.nhs.uk/CareConnect-NHSNumberVerificationStatus-1 (foundations digest §5 item 1)"),
        ("foundations/read_patient_response_example.json|binding.required|Patient.identifier[0].extension[0].valueCodeableConcept",
            "same non-canonical NHS number verification status system (§5 item 1)"),
        ("foundations/register_patient_request_example.json|binding.required|Parameters.parameter[0].resource.identifier[0].extension[0].valueCodeableConcept",
            "same non-canonical NHS number verification status system (§5 item 1)"),
        ("foundations/register_patient_response_example.json|binding.required|Bundle.entry[0].resource.identifier[0].extension[0].valueCodeableConcept",
            "same non-canonical NHS number verification status system (§5 item 1)"),
        ("foundations/register_patient_response_example.json|binding.required|Bundle.entry[0].resource.extension[0].extension[1].valueCodeableConcept",
            "example uses the non-canonical system https://fhir.nhs.uk/CareConnect-RegistrationType-1 (§5 item 1)"),
        ("foundations/read_location_response_example.json|json.array|Location.address",
            "example renders Location.address as an array; STU3 Location.address is 0..1 (§5 item 3)"),
        ("foundations/get_capability_statement_response_example.json|format.dateTime|CapabilityStatement.software.releaseDate",
            "example holds the placeholder '[Provider Software Release Date]' instead of a dateTime"),
        ("appointments/search_for_free_slots_response_example.json|json.not-array|Bundle.entry[4].resource.telecom[0]",
            "example renders the included Location's telecom (0..*) as a single object instead of an array"),
        ("appointments/search_for_free_slots_response_example.json|json.not-array|Bundle.entry[5].resource.address[0]",
            "example renders the included Organization's address (0..*) as a single object"),
        ("appointments/search_for_free_slots_response_example.json|json.not-array|Bundle.entry[5].resource.telecom[0]",
            "example renders the included Organization's telecom (0..*) as a single object"),
    };

    private static IEnumerable<(string Name, string Text)> Examples()
    {
        var dir = SharedFolder.Require("examples");
        var files = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(10, "the examples folder should hold the spec's payloads");
        return files.Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    [Fact]
    public void Every_example_parses_and_validates_except_the_listed_spec_defects()
    {
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in Examples())
        {
            var parsed = FhirParser.Parse(text);
            parsed.Success.ShouldBeTrue($"{name}: {string.Join("; ", parsed.Findings)}");
            var report = Validator.ValidateDeclared(parsed.Root!);
            if (parsed.Root!.ResourceType == "Bundle") report = report.Concat(Validator.ValidateBundleEntries(parsed.Root));
            foreach (var e in report.Errors) errors.Add($"{name}|{e.Rule}|{e.Path}");
        }
        errors.ToArray().ShouldBe(ExpectedDefects.Select(d => d.Finding).OrderBy(x => x, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Every_element_of_every_example_is_reached_by_a_definition()
    {
        var gaps = new List<string>();
        foreach (var (name, text) in Examples())
        {
            var root = FhirParser.Parse(text).Root!;
            var report = Validator.ValidateDeclared(root);
            if (root.ResourceType == "Bundle") report = report.Concat(Validator.ValidateBundleEntries(root));
            gaps.AddRange(report.Findings.Where(f => f.Severity == FindingSeverity.Information).Select(f => $"{name}|{f.Rule}|{f.Path}"));
        }
        gaps.ShouldBeEmpty();
    }

    [Fact]
    public void Json_and_xml_of_every_example_give_the_same_tree_and_findings()
    {
        foreach (var (name, text) in Examples())
        {
            var json = FhirParser.Parse(text, FhirFormat.Json).Root!;
            var xmlText = FhirXmlWriter.Write(json);
            var xml = FhirParser.Parse(xmlText, FhirFormat.Xml);
            xml.Findings.ShouldBeEmpty($"{name} as XML");
            TreeComparer.Canonical(xml.Root!).ShouldBe(TreeComparer.Canonical(json), $"{name}: trees differ");
            // JSON array/object shape rules have no XML counterpart; every other finding must agree.
            Keys(Validator.ValidateDeclared(xml.Root!)).ShouldBe(Keys(Validator.ValidateDeclared(json)).Where(k => !k.StartsWith("json.", StringComparison.Ordinal)).ToList(), name);
        }
    }

    [Fact]
    public void Search_for_free_slots_example_has_the_1_2_7_slot_and_schedule_types()
    {
        var text = File.ReadAllText(Path.Combine(SharedFolder.Require("examples"), "appointments", "search_for_free_slots_response_example.json"));
        var bundle = FhirParser.Parse(text).Root!;
        bundle.Select("entry.resource").Where(r => r.ResourceType == "Slot").Select(s => s.SelectValue("serviceType.text")).ShouldAllBe(t => !string.IsNullOrEmpty(t));
        Validator.ValidateBundleEntries(bundle).Findings.Where(f => f.Path.Contains("serviceType")).ShouldBeEmpty();
    }

    private static List<string> Keys(ValidationReport report) =>
        report.Findings.Select(f => $"{f.Rule}|{f.Path}").OrderBy(x => x, StringComparer.Ordinal).ToList();
}
