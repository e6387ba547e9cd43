using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain.Core;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

/// <summary>The HTTP-level checks: short _format forms, capability statement declarations, URL probes and method refusals.</summary>
public sealed class HttpLevelChecksTests
{
    private const string XmlOrganization = """<Organization xmlns="http://hl7.org/fhir"><id value="1"/></Organization>""";
    private const string Xml = "application/fhir+xml;charset=utf-8";

    [Fact]
    public void A_short_format_form_may_be_refused_but_never_served_in_another_format()
    {
        FormatChecks.BodyOrUnsupported(CoreResponses.With(415, ""), FhirWireFormat.Xml).Passed.ShouldBeTrue();
        FormatChecks.BodyOrUnsupported(CoreResponses.With(200, XmlOrganization, ("Content-Type", Xml)), FhirWireFormat.Xml).Passed.ShouldBeTrue();
        FormatChecks.BodyOrUnsupported(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", CoreResponses.Json)), FhirWireFormat.Xml)
            .Failures.Select(f => f.Rule).ShouldBe(["content-type.media-type", "body.format"]);
        FormatChecks.BodyOrUnsupported(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", Xml)), FhirWireFormat.Xml)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("body.format");
        FormatChecks.BodyOrUnsupported(CoreResponses.With(400, CannedResponses.OperationOutcome("BAD_REQUEST"), ("Content-Type", CoreResponses.Json)), FhirWireFormat.Json)
            .Passed.ShouldBeFalse();
    }

    private static string Capability(string resources, string software = ""","software":{"name":"Product","version":"2.1"}""") =>
        $$"""{"resourceType":"CapabilityStatement"{{software}},"format":["application/fhir+json"],"rest":[{"mode":"server","resource":[{{resources}}]}]}""";

    private const string FullSlot = """{"type":"Slot","interaction":[{"code":"search-type"}],"searchInclude":["Slot:schedule","Schedule:actor:Practitioner","Schedule:actor:Location","Location:managingOrganization"]}""";
    private static readonly string[] Includes = ["Slot:schedule", "Schedule:actor:Practitioner", "Schedule:actor:Location", "Location:managingOrganization"];

    [Fact]
    public void Every_slot_search_include_must_be_declared_in_any_order()
    {
        CapabilityDeclarationChecks.DeclaresSearchIncludes(CoreResponses.With(200, Capability(FullSlot)), "Slot", Includes).Passed.ShouldBeTrue();

        var missing = CapabilityDeclarationChecks.DeclaresSearchIncludes(
            CoreResponses.With(200, Capability("""{"type":"Slot","searchInclude":["Location:managingOrganization","Slot:schedule"]}""")), "Slot", Includes);
        missing.Failures.Select(f => f.Expected).ShouldBe(["Schedule:actor:Practitioner", "Schedule:actor:Location"]);

        CapabilityDeclarationChecks.DeclaresSearchIncludes(CoreResponses.With(200, Capability("""{"type":"Patient"}""")), "Slot", Includes)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("does not declare the Slot resource");
    }

    [Fact]
    public void The_software_must_have_a_name_and_a_version()
    {
        CapabilityDeclarationChecks.NamesSoftware(CoreResponses.With(200, Capability(FullSlot))).Passed.ShouldBeTrue();
        CapabilityDeclarationChecks.NamesSoftware(CoreResponses.With(200, Capability(FullSlot, ""","software":{"name":"Product"}""")))
            .Failures.ShouldHaveSingleItem().Path.ShouldBe("CapabilityStatement.software.version");
        CapabilityDeclarationChecks.NamesSoftware(CoreResponses.With(200, Capability(FullSlot, "")))
            .Failures.Select(f => f.Path).ShouldBe(["CapabilityStatement.software.name", "CapabilityStatement.software.version"]);
    }

    [Fact]
    public void Xml_may_be_refused_but_xml_served_must_be_declared()
    {
        CapabilityDeclarationChecks.XmlServedIsDeclared(CoreResponses.With(415, "")).Passed.ShouldBeTrue();
        const string declared = """<CapabilityStatement xmlns="http://hl7.org/fhir"><format value="application/fhir+json"/><format value="application/fhir+xml"/></CapabilityStatement>""";
        CapabilityDeclarationChecks.XmlServedIsDeclared(CoreResponses.With(200, declared, ("Content-Type", Xml))).Passed.ShouldBeTrue();

        const string undeclared = """<CapabilityStatement xmlns="http://hl7.org/fhir"><format value="application/fhir+json"/></CapabilityStatement>""";
        CapabilityDeclarationChecks.XmlServedIsDeclared(CoreResponses.With(200, undeclared, ("Content-Type", Xml)))
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("serves FHIR XML but CapabilityStatement.format does not declare it");

        CapabilityDeclarationChecks.XmlServedIsDeclared(CoreResponses.With(200, Capability(FullSlot), ("Content-Type", CoreResponses.Json))).Passed.ShouldBeFalse();
    }

    [Fact]
    public void A_url_probe_keeps_the_interactions_headers_and_body_and_changes_only_the_path()
    {
        var settings = SuiteUnderTest.Settings();
        var register = UrlProbes.At("Register a patient", "/Patient/$gpc.registerpatien", settings, TimeProvider.System);
        register.Interaction.ShouldBe(Interactions.RegisterPatient);
        register.RelativePath.ShouldBe("/Patient/$gpc.registerpatien");
        register.Method.ShouldBe("POST");
        register.Body.ShouldNotBeNullOrWhiteSpace();

        var read = UrlProbes.At("read a patient", "/Patient/", settings, TimeProvider.System);
        read.Interaction.ShouldBe(Interactions.ReadPatient);
        read.RelativePath.ShouldBe("/Patient/");

        Should.Throw<ArgumentException>(() => UrlProbes.At("Read a patient", "Patient/", settings, TimeProvider.System)).Message.ShouldContain("must start with '/'");
        Should.Throw<ArgumentException>(() => UrlProbes.At("Read a cat", "/Cat/1", settings, TimeProvider.System)).Message.ShouldContain("Known:");
    }

    [Fact]
    public void A_method_no_interaction_uses_is_refused_with_400_bad_request_or_405()
    {
        UrlProbes.MethodRefused(CoreResponses.With(405, "")).Passed.ShouldBeTrue();
        UrlProbes.MethodRefused(CoreResponses.With(400, CannedResponses.OperationOutcome("BAD_REQUEST"), ("Content-Type", CoreResponses.Json))).Passed.ShouldBeTrue();
        UrlProbes.MethodRefused(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", CoreResponses.Json))).Passed.ShouldBeFalse();
        UrlProbes.MethodRefused(CoreResponses.With(404, CannedResponses.OperationOutcome("NO_RECORD_FOUND", "not-found"), ("Content-Type", CoreResponses.Json))).Passed.ShouldBeFalse();
    }

    [Fact]
    public void Options_may_be_refused_or_answered_as_a_bodiless_preflight_but_never_served_with_a_body()
    {
        UrlProbes.OptionsNotServed(CoreResponses.With(204, "")).Passed.ShouldBeTrue();
        UrlProbes.OptionsNotServed(CoreResponses.With(200, "", ("Access-Control-Allow-Methods", "GET"))).Passed.ShouldBeTrue();
        UrlProbes.OptionsNotServed(CoreResponses.With(405, "")).Passed.ShouldBeTrue();
        UrlProbes.OptionsNotServed(CoreResponses.With(400, CannedResponses.OperationOutcome("BAD_REQUEST"), ("Content-Type", CoreResponses.Json))).Passed.ShouldBeTrue();
        UrlProbes.OptionsNotServed(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", CoreResponses.Json)))
            .Failures.ShouldContain(f => f.Message.Contains("OPTIONS is no GP Connect interaction"));
        UrlProbes.OptionsNotServed(CoreResponses.With(500, "")).Passed.ShouldBeFalse();
    }
}
