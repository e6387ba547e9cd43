using GpConnect.Conformance.Fhir.Definitions;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Definitions;

public class DefinitionFormatTests
{
    [Fact]
    public void Built_in_definitions_round_trip_through_the_text_format()
    {
        var original = BuiltInDefinitions.LoadFresh();
        var writer = new StringWriter();
        DefinitionTextFormat.Write(original, writer);
        var again = DefinitionTextFormat.Read(new StringReader(writer.ToString()), "round-trip");
        var writer2 = new StringWriter();
        DefinitionTextFormat.Write(again, writer2);
        writer2.ToString().ShouldBe(writer.ToString());
        again.Structures.Count().ShouldBe(original.Structures.Count());
    }

    [Fact]
    public void Built_in_set_covers_every_profile_base_resource_and_datatype_in_scope()
    {
        var defs = BuiltInDefinitions.Instance;
        foreach (var name in new[]
                 {
                     "GPConnect-Slot-1", "GPConnect-Schedule-1", "GPConnect-Appointment-1", "GPConnect-OperationOutcome-1",
                     "GPConnect-Searchset-Bundle-1", "CareConnect-GPC-Patient-1", "CareConnect-GPC-Practitioner-1",
                     "CareConnect-GPC-PractitionerRole-1", "CareConnect-GPC-Organization-1", "CareConnect-GPC-Location-1",
                 })
            defs.FindStructure(name).ShouldNotBeNull(name).Kind.ShouldBe(StructureKind.Resource);
        foreach (var type in new[] { "Bundle", "OperationOutcome", "CapabilityStatement", "Parameters", "Device", "Organization", "Practitioner" })
            defs.FindBase(type).ShouldNotBeNull(type).Kind.ShouldBe(StructureKind.Resource);
        foreach (var type in new[] { "Identifier", "CodeableConcept", "Coding", "Reference", "Period", "HumanName", "Address", "ContactPoint", "Extension", "Meta", "Narrative", "Quantity", "Attachment" })
            defs.FindBase(type).ShouldNotBeNull(type).Kind.ShouldBe(StructureKind.ComplexType);
        defs.FindStructure("Slot.serviceType").ShouldBeNull();
        defs.FindStructure("GPConnect-Slot-1")!.Find("Slot.serviceType")!.Max.ShouldBe(1);
        defs.FindStructure("GPConnect-Schedule-1")!.Find("Schedule.serviceCategory")!.Max.ShouldBe(1);
        defs.FindStructure("GPConnect-Appointment-1")!.Find("Appointment.serviceCategory")!.Max.ShouldBe(1);
    }

    [Fact]
    public void Bad_definition_lines_name_source_and_line()
    {
        var ex = Should.Throw<FormatException>(() => DefinitionTextFormat.Read(new StringReader("# c\nstructure\tX\thttp://x\tX\tResource\t\n>\tX.a\tone..1\n"), "test.fdef"));
        ex.Message.ShouldStartWith("test.fdef:3:");
    }

    [Theory]
    [InlineData("Slot", "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1")]
    [InlineData("Patient", "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1")]
    [InlineData("Bundle", "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1")]
    [InlineData("Location", "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Location-1")]
    public void Gp_connect_profile_url_for_resource_type(string type, string url)
    {
        GpConnectProfiles.UrlFor(type).ShouldBe(url);
        BuiltInDefinitions.Instance.FindStructure(url).ShouldNotBeNull().Type.ShouldBe(type);
    }

    [Theory]
    [InlineData("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Schedule-1", "Schedule")]
    [InlineData("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Device-1", "Device")]
    [InlineData("http://hl7.org/fhir/StructureDefinition/RelatedPerson", "RelatedPerson")]
    [InlineData("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Nonsense-1", null)]
    public void Type_of_a_reference_target_profile(string url, string? type) => BuiltInDefinitions.Instance.TypeOfProfile(url).ShouldBe(type);

    [Fact]
    public void Resource_type_without_a_gp_connect_profile_has_no_url() => GpConnectProfiles.UrlFor("CapabilityStatement").ShouldBeNull();
}
