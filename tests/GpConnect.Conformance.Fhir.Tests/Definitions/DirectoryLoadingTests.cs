using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Definitions;

/// <summary>Definitions loaded from a folder of JSON conformance resources (self-contained: the resources are written here).</summary>
public sealed class DirectoryLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fhir-defs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Built as a JSON object (not a literal file) so that no tracked file looks like an official profile asset.
    private static readonly string StrictSlot = new System.Text.Json.Nodes.JsonObject
    {
        ["resourceType"] = "StructureDefinition",
        ["url"] = "http://example.org/StructureDefinition/Strict-Slot",
        ["name"] = "StrictSlot",
        ["status"] = "draft",
        ["kind"] = "resource",
        ["abstract"] = false,
        ["type"] = "Slot",
        ["derivation"] = "constraint",
        ["baseDefinition"] = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1",
        ["differential"] = new System.Text.Json.Nodes.JsonObject
        {
            ["element"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["path"] = "Slot.comment", ["min"] = 1 },
                new System.Text.Json.Nodes.JsonObject { ["path"] = "Slot.overbooked", ["max"] = "0" }),
        },
    }.ToJsonString();

    private const string Colours = """
    { "resourceType": "CodeSystem", "url": "http://example.org/CodeSystem/colour", "status": "draft", "content": "complete",
      "concept": [ { "code": "red", "display": "Red" }, { "code": "blue", "display": "Blue", "concept": [ { "code": "navy", "display": "Navy" } ] } ] }
    """;

    private const string ColourSet = """
    { "resourceType": "ValueSet", "url": "http://example.org/ValueSet/colour", "status": "draft",
      "compose": { "include": [ { "system": "http://example.org/CodeSystem/colour" } ] } }
    """;

    [Fact]
    public void Json_structure_definitions_with_a_differential_are_completed_from_their_base()
    {
        File.WriteAllText(Path.Combine(_dir, "strict-slot.json"), StrictSlot);
        var validator = ProfileValidator.FromDirectory(_dir);
        validator.KnownProfiles.ShouldContain("Strict-Slot");
        var slot = Fixtures.Parse(Fixtures.SlotJson);
        var report = validator.Validate(slot, "http://example.org/StructureDefinition/Strict-Slot");
        report.Findings.Select(f => $"{f.Rule}|{f.Path}").OrderBy(x => x, StringComparer.Ordinal)
            .ShouldBe(new[] { "cardinality.min|Slot.comment", "meta.profile|Slot.meta.profile" });
        // Everything else comes from GPConnect-Slot-1, the declared base (e.g. serviceType 0..1 from the release notes).
        var two = Fixtures.Parse(Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]")
            .Replace("\"status\": \"free\",", "\"status\": \"free\", \"comment\": \"c\",")
            .Replace("StructureDefinition/GPConnect-Slot-1", "StructureDefinition/Strict-Slot").Replace("https://fhir.nhs.uk/STU3/StructureDefinition/Strict-Slot", "http://example.org/StructureDefinition/Strict-Slot"));
        validator.ValidateDeclared(two).Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "cardinality.max|Slot.serviceType" });
    }

    [Fact]
    public void Json_value_sets_expand_from_json_code_systems_including_nested_concepts()
    {
        File.WriteAllText(Path.Combine(_dir, "cs.json"), Colours);
        File.WriteAllText(Path.Combine(_dir, "vs.json"), ColourSet);
        var defs = OfficialDefinitionLoader.LoadDirectory(_dir);
        var vs = defs.FindValueSet("http://example.org/ValueSet/colour").ShouldNotBeNull();
        vs.Codes.Select(c => c.Code).ShouldBe(new[] { "red", "blue", "navy" });
        vs.Find("http://example.org/CodeSystem/colour", "navy")!.Display.ShouldBe("Navy");
    }

    [Fact]
    public void A_file_that_is_not_a_resource_names_the_file()
    {
        File.WriteAllText(Path.Combine(_dir, "broken.json"), "{ not json");
        var ex = Should.Throw<InvalidDataException>(() => OfficialDefinitionLoader.LoadDirectory(_dir));
        ex.Message.ShouldContain("broken.json");
    }
}
