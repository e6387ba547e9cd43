using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

public sealed class CapabilityStatementTests
{
    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("1.2.4", "1.2.3")]
    [InlineData("1.2.7", "1.2.7")]
    public async Task Version_follows_the_release_the_provider_is_built_to(string specVersion, string expected)
    {
        await using var session = await ProviderSession.StartAsync(o => o.SpecVersion = specVersion);

        var response = await session.MetadataAsync();

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Json["resourceType"]!.GetValue<string>().ShouldBe("CapabilityStatement");
        response.Json["version"]!.GetValue<string>().ShouldBe(expected);
    }

    [Fact]
    public async Task Statement_declares_the_template_content()
    {
        await using var session = await ProviderSession.StartAsync();
        var cs = (await session.MetadataAsync()).Json;

        cs["fhirVersion"]!.GetValue<string>().ShouldBe("3.0.1");
        cs["acceptUnknown"]!.GetValue<string>().ShouldBe("both");
        cs["kind"]!.GetValue<string>().ShouldBe("capability");
        cs["status"]!.GetValue<string>().ShouldBe("active");
        cs["format"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["application/fhir+json", "application/fhir+xml"]);
        var rest = cs["rest"]![0]!;
        rest["mode"]!.GetValue<string>().ShouldBe("server");
        rest["security"]!["cors"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        rest["operation"]![0]!["name"]!.GetValue<string>().ShouldBe("gpc.registerpatient");
        rest["operation"]![0]!["definition"]!["reference"]!.GetValue<string>()
            .ShouldBe("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1");
    }

    [Fact]
    public async Task Resources_interactions_and_search_parameters_are_declared()
    {
        await using var session = await ProviderSession.StartAsync();
        var resources = (await session.MetadataAsync()).Json["rest"]![0]!["resource"]!.AsArray()
            .ToDictionary(r => r!["type"]!.GetValue<string>(), r => r!.AsObject());

        Codes(resources["Patient"]).ShouldBe(["read", "search-type"]);
        Codes(resources["Organization"]).ShouldBe(["read", "search-type"]);
        Codes(resources["Practitioner"]).ShouldBe(["read", "search-type"]);
        Codes(resources["Location"]).ShouldBe(["read"]);
        Codes(resources["Appointment"]).ShouldBe(["read", "create", "update", "search-type"]);
        resources["Appointment"]["updateCreate"]!.GetValueKind().ShouldBe(JsonValueKind.False);
        Codes(resources["Slot"]).ShouldBe(["search-type"]);
        resources["Slot"]["searchInclude"]!.AsArray().Select(i => i!.GetValue<string>())
            .ShouldBe(["Schedule:actor:Location", "Schedule:actor:Practitioner", "Slot:schedule", "Location:managingOrganization"], ignoreOrder: true);
        resources["Slot"]["searchParam"]!.AsArray().Select(p => $"{p!["name"]}/{p["type"]}")
            .ShouldBe(["start/date", "end/date", "status/token", "searchFilter/token"], ignoreOrder: true);
        foreach (var type in new[] { "Patient", "Organization", "Practitioner" })
        {
            resources[type]["searchParam"]![0]!["name"]!.GetValue<string>().ShouldBe("identifier");
        }
    }

    [Fact]
    public async Task Every_Foundations_and_appointment_profile_is_declared()
    {
        await using var session = await ProviderSession.StartAsync();
        var profiles = (await session.MetadataAsync()).Json["profile"]!.AsArray().Select(p => p!["reference"]!.GetValue<string>()).ToArray();

        foreach (var name in new[] { "CareConnect-GPC-Patient-1", "CareConnect-GPC-Organization-1", "CareConnect-GPC-Practitioner-1",
                     "CareConnect-GPC-PractitionerRole-1", "CareConnect-GPC-Location-1", "GPConnect-OperationOutcome-1",
                     "GPConnect-Appointment-1", "GPConnect-Schedule-1", "GPConnect-Slot-1" })
        {
            profiles.ShouldContain("https://fhir.nhs.uk/STU3/StructureDefinition/" + name);
        }
    }

    [Fact]
    public async Task Declared_resource_types_match_the_specification_example_when_available()
    {
        var example = SharedAssets.Find("examples/foundations/get_capability_statement_response_example.json");
        await using var session = await ProviderSession.StartAsync();
        var ours = (await session.MetadataAsync()).Json;
        var theirs = JsonNode.Parse(File.ReadAllText(example))!;

        string[] Types(JsonNode cs) => cs["rest"]![0]!["resource"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).Order().ToArray();
        Types(ours).ShouldBe(Types(theirs));
        ours["fhirVersion"]!.GetValue<string>().ShouldBe(theirs["fhirVersion"]!.GetValue<string>());
    }

    private static string[] Codes(JsonObject resource) =>
        resource["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToArray();
}
