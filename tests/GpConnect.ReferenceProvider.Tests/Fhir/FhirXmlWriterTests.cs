using System.Text.Json.Nodes;
using System.Xml.Linq;
using GpConnect.ReferenceProvider.Fhir;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Fhir;

public sealed class FhirXmlWriterTests
{
    private static readonly XNamespace F = "http://hl7.org/fhir";

    private static XElement Write(string json) => XDocument.Parse(FhirXmlWriter.Write(JsonNode.Parse(json)!.AsObject())).Root!;

    [Fact]
    public void The_resource_type_is_the_root_element_in_the_fhir_namespace()
    {
        var root = Write("""{"resourceType":"Location","id":"17","name":"Main"}""");

        root.Name.ShouldBe(F + "Location");
        root.Attribute("resourceType").ShouldBeNull();
        root.Element(F + "id")!.Attribute("value")!.Value.ShouldBe("17");
        root.Element(F + "name")!.Attribute("value")!.Value.ShouldBe("Main");
    }

    [Fact]
    public void Arrays_repeat_and_non_string_primitives_keep_their_lexical_form()
    {
        var root = Write("""{"resourceType":"Bundle","type":"searchset","total":2,"entry":[],"link":[{"relation":"self","url":"x"}]}""");

        root.Element(F + "total")!.Attribute("value")!.Value.ShouldBe("2");
        root.Elements(F + "entry").ShouldBeEmpty();
        var practitioner = Write("""{"resourceType":"Practitioner","active":true,"name":[{"given":["A","B"]}]}""");
        practitioner.Element(F + "active")!.Attribute("value")!.Value.ShouldBe("true");
        practitioner.Element(F + "name")!.Elements(F + "given").Select(g => g.Attribute("value")!.Value).ShouldBe(["A", "B"]);
    }

    [Fact]
    public void Extension_url_and_element_id_are_attributes()
    {
        var root = Write("""
            {"resourceType":"Slot","extension":[{"id":"e1","url":"https://example/ext","valueCode":"Video"}]}
            """);

        var extension = root.Element(F + "extension")!;
        extension.Attribute("url")!.Value.ShouldBe("https://example/ext");
        extension.Attribute("id")!.Value.ShouldBe("e1");
        extension.Element(F + "url").ShouldBeNull();
        extension.Element(F + "valueCode")!.Attribute("value")!.Value.ShouldBe("Video");
    }

    [Fact]
    public void Nested_resources_are_wrapped_in_their_element()
    {
        var root = Write("""
            {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Slot","id":"1"}}],
             "contained":[{"resourceType":"Organization","id":"1"}]}
            """);

        root.Element(F + "entry")!.Element(F + "resource")!.Element(F + "Slot")!.Element(F + "id")!.Attribute("value")!.Value.ShouldBe("1");
        root.Element(F + "contained")!.Element(F + "Organization").ShouldNotBeNull();
    }

    [Fact]
    public void Primitive_extensions_merge_into_the_primitive_element()
    {
        var root = Write("""
            {"resourceType":"Patient","birthDate":"1970-01-01","_birthDate":{"extension":[{"url":"https://example/time","valueDateTime":"1970-01-01T10:00:00+00:00"}]}}
            """);

        var birthDate = root.Element(F + "birthDate")!;
        birthDate.Attribute("value")!.Value.ShouldBe("1970-01-01");
        birthDate.Element(F + "extension")!.Attribute("url")!.Value.ShouldBe("https://example/time");
        root.Elements().Count(e => e.Name.LocalName.StartsWith('_')).ShouldBe(0);
    }

    [Fact]
    public void Narrative_div_is_written_as_xhtml()
    {
        var root = Write("""{"resourceType":"Location","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p></div>"}}""");

        root.Element(F + "text")!.Element((XNamespace)"http://www.w3.org/1999/xhtml" + "div").ShouldNotBeNull();
    }

    [Fact]
    public void A_json_object_without_resource_type_cannot_be_written()
    {
        Should.Throw<ArgumentException>(() => FhirXmlWriter.Write(new JsonObject { ["id"] = "1" }));
    }
}
