using GpConnect.Conformance.Fhir.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Parsing;

public class ElementModelTests
{
    [Fact]
    public void Json_slot_gives_resource_type_values_and_indexed_paths()
    {
        var slot = Fixtures.Parse(Fixtures.SlotJson);
        slot.ResourceType.ShouldBe("Slot");
        slot.Path.ShouldBe("Slot");
        slot.SelectValue("status").ShouldBe("free");
        slot.SelectValue("Slot.status").ShouldBe("free");
        slot.SelectValue("serviceType.text").ShouldBe("General GP Appointment");
        slot.Child("serviceType")!.Path.ShouldBe("Slot.serviceType[0]");
        slot.Child("schedule")!.Path.ShouldBe("Slot.schedule");
        slot.Select("meta.profile").Single().Path.ShouldBe("Slot.meta.profile[0]");
        slot.SelectValue("nothing.here").ShouldBeNull();
    }

    [Fact]
    public void Choice_elements_keep_their_concrete_name_and_expose_base_and_type()
    {
        var slot = Fixtures.Parse(Fixtures.SlotJson);
        var value = slot.Child("extension")!.Child("valueCode")!;
        value.Name.ShouldBe("valueCode");
        value.ChoiceBase.ShouldBe("value");
        value.ChoiceType.ShouldBe("code");
        value.Value.ShouldBe("In-person");
        slot.Child("extension")!.Child("value").ShouldBeSameAs(value);
        slot.SelectValue("extension.value").ShouldBe("In-person");

        var schedule = Fixtures.Parse(Fixtures.ScheduleJson);
        var cc = schedule.Child("extension")!.Child("valueCodeableConcept")!;
        cc.ChoiceType.ShouldBe("CodeableConcept");
        cc.Path.ShouldBe("Schedule.extension[0].valueCodeableConcept");
    }

    [Fact]
    public void Bundle_entry_resources_are_resource_nodes_with_paths()
    {
        var bundle = Fixtures.Parse(Fixtures.BundleJson);
        var resources = bundle.Select("entry.resource").ToList();
        resources.Select(r => r.ResourceType).ShouldBe(new[] { "Schedule", "Slot", "Slot" });
        resources[2].Path.ShouldBe("Bundle.entry[2].resource");
        resources[2].Select("serviceType").Last().Path.ShouldBe("Bundle.entry[2].resource.serviceType[1]");
        resources[2].SelectValue("schedule.reference").ShouldBe("Schedule/14");
        bundle.Select("entry.resource.serviceType.text").Select(n => n.Value).ShouldBe(new[] { "A", "B", "C" });
    }

    [Fact]
    public void Json_primitive_extensions_and_ids_merge_into_the_primitive()
    {
        var root = Fixtures.Parse("""
        { "resourceType": "Patient", "birthDate": "1970-01-01",
          "_birthDate": { "id": "b1", "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime", "valueDateTime": "1970-01-01T10:00:00+00:00" } ] },
          "name": [ { "given": [ "A", null ], "_given": [ null, { "extension": [ { "url": "http://example.org/x", "valueString": "y" } ] } ] } ] }
        """);
        var birth = root.Child("birthDate")!;
        birth.Value.ShouldBe("1970-01-01");
        birth.SelectValue("id").ShouldBe("b1");
        birth.SelectValue("extension.valueDateTime").ShouldBe("1970-01-01T10:00:00+00:00");
        var given = root.Select("name.given").ToList();
        given.Count.ShouldBe(2);
        given[0].Value.ShouldBe("A");
        given[1].Value.ShouldBeNull();
        given[1].SelectValue("extension.url").ShouldBe("http://example.org/x");
        given[1].Path.ShouldBe("Patient.name[0].given[1]");
    }

    [Fact]
    public void Xml_gives_the_same_tree_as_json()
    {
        var json = Fixtures.Parse(Fixtures.SlotJson);
        var xml = Fixtures.Parse(Fixtures.SlotXml);
        TreeComparer.Canonical(xml).ShouldBe(TreeComparer.Canonical(json));
        xml.Child("extension")!.SelectValue("url").ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2");
    }

    [Fact]
    public void Xml_contained_resources_narrative_and_element_ids()
    {
        var root = Fixtures.Parse("""
        <Appointment xmlns="http://hl7.org/fhir">
          <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></text>
          <contained><Organization><id value="1"/><name value="Org"/></Organization></contained>
          <status id="s1" value="booked"/>
        </Appointment>
        """);
        var contained = root.Child("contained")!;
        contained.ResourceType.ShouldBe("Organization");
        contained.SelectValue("name").ShouldBe("Org");
        contained.Path.ShouldBe("Appointment.contained[0]");
        root.SelectValue("text.div")!.ShouldContain("<p>Hi</p>");
        root.Child("status")!.SelectValue("id").ShouldBe("s1");
        root.Child("status")!.Value.ShouldBe("booked");
        root.Child("status")!.Line.ShouldBe(4);
    }

    [Fact]
    public void Nodes_carry_source_lines()
    {
        var slot = Fixtures.Parse(Fixtures.SlotJson);
        slot.Child("status")!.Line.ShouldBe(10);
        slot.Child("status")!.Column.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{ \"resourceType\": \"Slot\", ", "parse.json")]
    [InlineData("[ { \"resourceType\": \"Slot\" } ]", "parse.root")]
    [InlineData("{ \"id\": \"x\" }", "parse.root")]
    [InlineData("", "parse.json")]
    [InlineData("<Slot xmlns=\"http://hl7.org/fhir\"><status value=\"free\"></Slot>", "parse.xml")]
    [InlineData("<Slot><status value=\"free\"/></Slot>", "parse.root")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><Slot xmlns=\"http://hl7.org/fhir\"/>", "parse.xml")]
    public void Malformed_bodies_give_a_finding_not_an_exception(string body, string rule)
    {
        var result = FhirParser.Parse(body);
        result.Success.ShouldBeFalse();
        result.Root.ShouldBeNull();
        result.Findings.ShouldContain(f => f.Rule == rule);
    }

    [Fact]
    public void Bad_json_reports_line_and_column()
    {
        var result = FhirParser.Parse("{\n  \"resourceType\": \"Slot\",\n  \"status\": free\n}");
        var f = result.Findings.Single();
        f.Rule.ShouldBe("parse.json");
        f.Line.ShouldBe(3);
        f.Column.ShouldNotBeNull();
    }

    [Fact]
    public void Duplicate_json_key_is_reported_with_path_and_line()
    {
        var result = FhirParser.Parse("{\n \"resourceType\": \"Slot\",\n \"status\": \"free\",\n \"status\": \"busy\"\n}");
        result.Root.ShouldNotBeNull();
        var f = result.Findings.Single();
        f.Rule.ShouldBe("parse.duplicate-key");
        f.Path.ShouldBe("Slot.status");
        f.Line.ShouldBe(4);
        result.Root!.SelectValue("status").ShouldBe("free");
    }

    [Fact]
    public void Xml_primitive_without_value_is_reported()
    {
        var result = FhirParser.Parse("<Slot xmlns=\"http://hl7.org/fhir\">\n  <comment/>\n</Slot>");
        var f = result.Findings.Single();
        f.Rule.ShouldBe("parse.xml-value-missing");
        f.Path.ShouldBe("Slot.comment");
        f.Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("\uFEFF<Slot xmlns=\"http://hl7.org/fhir\"><status value=\"free\"/></Slot>")]
    [InlineData("\uFEFF{\"resourceType\":\"Slot\",\"status\":\"free\"}")]
    public void Byte_order_mark_is_ignored(string body) => FhirParser.Parse(body).Root!.SelectValue("status").ShouldBe("free");

    [Theory]
    [InlineData("  {\"resourceType\":\"Slot\"}", FhirFormat.Json)]
    [InlineData("\n<Slot xmlns=\"http://hl7.org/fhir\"/>", FhirFormat.Xml)]
    public void Format_is_sniffed(string body, FhirFormat expected) => FhirParser.Parse(body).Format.ShouldBe(expected);
}
