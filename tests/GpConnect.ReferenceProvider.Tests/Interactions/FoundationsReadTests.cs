using System.Net;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

public sealed class FoundationsReadTests : IAsyncLifetime
{
    private const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    private const string SdsSystem = "https://fhir.nhs.uk/Id/sds-user-id";
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    private static string Token(string system, string value) => "?identifier=" + Uri.EscapeDataString(system) + "%7C" + value;

    [Fact]
    public async Task Read_location_returns_the_location_with_its_etag_and_managing_organization()
    {
        var response = await _session.GetAsync("/Location/2", InteractionIds.ReadLocation);

        response.Status.ShouldBe(HttpStatusCode.OK);
        var location = response.Json;
        location["id"]!.GetValue<string>().ShouldBe("2");
        location["meta"]!["profile"]![0]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Location-1");
        response.Headers["ETag"].ShouldBe($"W/\"{location["meta"]!["versionId"]!.GetValue<string>()}\"");
        location["address"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Object, "Location.address is 0..1");
        location["managingOrganization"]!["reference"]!.GetValue<string>().ShouldBe("Organization/1");
        location.ContainsKey("endpoint").ShouldBeFalse();
    }

    [Fact]
    public async Task Read_location_with_an_unknown_id_is_no_record_found()
    {
        (await _session.GetAsync("/Location/404", InteractionIds.ReadLocation)).ShouldBeError(HttpStatusCode.NotFound, "NO_RECORD_FOUND")
            ["code"]!.GetValue<string>().ShouldBe("not-found");
    }

    [Fact]
    public async Task Read_organization_returns_the_practice()
    {
        var response = await _session.GetAsync("/Organization/1", InteractionIds.ReadOrganization);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Json["identifier"]![0]!["system"]!.GetValue<string>().ShouldBe(OdsSystem);
        response.Json["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("A20047");
        response.Headers["ETag"].ShouldBe($"W/\"{response.Json["meta"]!["versionId"]!.GetValue<string>()}\"");
        response.Json.ContainsKey("contact").ShouldBeFalse();
    }

    [Fact]
    public async Task Read_organization_with_an_unknown_id_is_organisation_not_found()
    {
        (await _session.GetAsync("/Organization/9", InteractionIds.ReadOrganization)).ShouldBeError(HttpStatusCode.NotFound, "ORGANISATION_NOT_FOUND");
    }

    [Fact]
    public async Task Find_organization_by_ods_code_returns_one_and_an_unknown_code_returns_none()
    {
        var found = (await _session.GetAsync("/Organization" + Token(OdsSystem, "A20047"), InteractionIds.FindOrganization)).Entries();
        found.Count.ShouldBe(1);
        found[0]["id"]!.GetValue<string>().ShouldBe("1");

        (await _session.GetAsync("/Organization" + Token(OdsSystem, "Z99999"), InteractionIds.FindOrganization)).Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_and_find_practitioner()
    {
        var read = await _session.GetAsync("/Practitioner/3", InteractionIds.ReadPractitioner);
        read.Status.ShouldBe(HttpStatusCode.OK);
        var sdsUserId = read.Json["identifier"]![0]!["value"]!.GetValue<string>();
        read.Json["name"]!.AsArray().Count.ShouldBe(1);
        foreach (var forbidden in new[] { "telecom", "address", "birthDate", "photo", "qualification" })
        {
            read.Json.ContainsKey(forbidden).ShouldBeFalse();
        }

        var found = (await _session.GetAsync("/Practitioner" + Token(SdsSystem, sdsUserId), InteractionIds.FindPractitioner)).Entries();
        found.Select(p => p["id"]!.GetValue<string>()).ShouldBe(["3"]);
        (await _session.GetAsync("/Practitioner" + Token(SdsSystem, "G00000000"), InteractionIds.FindPractitioner)).Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_practitioner_with_an_unknown_id_is_practitioner_not_found()
    {
        (await _session.GetAsync("/Practitioner/77", InteractionIds.ReadPractitioner)).ShouldBeError(HttpStatusCode.NotFound, "PRACTITIONER_NOT_FOUND");
    }

    [Theory]
    [InlineData("", 400, "BAD_REQUEST")]
    [InlineData("?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CA20047&identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7CA20047", 400, "BAD_REQUEST")]
    [InlineData("?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9658218873", 400, "INVALID_IDENTIFIER_SYSTEM")]
    [InlineData("?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7Cnot%20an%20ods%20code", 400, "INVALID_IDENTIFIER_VALUE")]
    [InlineData("?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7C", 422, "INVALID_PARAMETER")]
    [InlineData("?identifier=A20047", 422, "INVALID_PARAMETER")]
    public async Task Find_organization_identifier_errors(string query, int status, string code)
    {
        (await _session.GetAsync("/Organization" + query, InteractionIds.FindOrganization)).ShouldBeError((HttpStatusCode)status, code);
    }

    [Fact]
    public async Task Find_practitioner_with_another_system_is_an_invalid_identifier_system()
    {
        (await _session.GetAsync("/Practitioner" + Token(OdsSystem, "A20047"), InteractionIds.FindPractitioner))
            .ShouldBeError(HttpStatusCode.BadRequest, "INVALID_IDENTIFIER_SYSTEM");
    }

    [Fact]
    public async Task A_read_interaction_id_on_a_search_path_is_a_bad_request()
    {
        (await _session.GetAsync("/Location", InteractionIds.ReadLocation)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }
}
