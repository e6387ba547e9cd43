using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

/// <summary>Find, Read and Register a patient on the seeded practice (foundations.md §3.1–§3.3).</summary>
public sealed class FoundationsPatientTests : IAsyncLifetime
{
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task Find_returns_an_active_verified_patient_with_the_nhs_number_first_and_verified()
    {
        var patient = (await _session.FindPatientAsync("9690000004")).Entries().ShouldHaveSingleItem();

        patient["id"]!.GetValue<string>().ShouldBe("1");
        patient["meta"]!["profile"]![0]!.GetValue<string>().ShouldBe(FoundationsRequests.PatientProfile);
        var nhs = patient["identifier"]![0]!;
        nhs["system"]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/Id/nhs-number");
        nhs["value"]!.GetValue<string>().ShouldBe("9690000004");
        nhs["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"]!.GetValue<string>().ShouldBe("01");
        patient["name"]!.AsArray().Count(n => n!["use"]!.GetValue<string>() == "official").ShouldBe(1);
        patient["managingOrganization"]!["reference"]!.GetValue<string>().ShouldBe("Organization/1");
        patient["contact"]![0]!["relationship"]![0]!.AsObject().ContainsKey("coding").ShouldBeFalse();
    }

    [Theory]
    [InlineData("9690000047", "deceased")]
    [InlineData("9690000055", "left the practice")]
    [InlineData("9690000071", "sensitive (S-flag)")]
    [InlineData("9690000187", "not held")]
    [InlineData("9690000144", "never verified, demographics fail the PDS check")]
    [InlineData("9690000152", "never verified, deceased on PDS")]
    [InlineData("9690000160", "never verified, sensitive on PDS")]
    [InlineData("9690000179", "never verified, superseded on PDS")]
    public async Task Find_gives_an_empty_searchset_for_patients_it_must_not_share(string nhsNumber, string why)
    {
        var response = await _session.FindPatientAsync(nhsNumber);

        response.Status.ShouldBe(HttpStatusCode.OK, why);
        response.Entries().ShouldBeEmpty(why);
    }

    [Theory]
    [InlineData("9690000128")]
    [InlineData("9690000136")]
    public async Task Find_verifies_a_never_verified_patient_who_passes_the_pds_checks_921(string nhsNumber)
    {
        (await _session.FindPatientAsync(nhsNumber)).Entries().ShouldHaveSingleItem();
        (await _session.FindPatientAsync(nhsNumber)).Entries().ShouldHaveSingleItem("the record is now marked verified");
    }

    [Theory]
    [InlineData("969000000")]
    [InlineData("9690000005")]
    [InlineData("96900000A4")]
    public async Task Find_refuses_a_structurally_invalid_nhs_number(string nhsNumber) =>
        (await _session.FindPatientAsync(nhsNumber)).ShouldBeError(HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER");

    [Fact]
    public async Task Read_returns_the_patient_with_its_etag_but_hides_sensitive_and_inactive_patients()
    {
        var response = await _session.ReadPatientAsync("1");
        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Headers["ETag"].ShouldBe($"W/\"{response.Json["meta"]!["versionId"]!.GetValue<string>()}\"");

        (await _session.ReadPatientAsync("8")).ShouldBeError(HttpStatusCode.NotFound, "PATIENT_NOT_FOUND");
        (await _session.ReadPatientAsync("5")).ShouldBeError(HttpStatusCode.NotFound, "PATIENT_NOT_FOUND");
        (await _session.ReadPatientAsync("no-such-id")).ShouldBeError(HttpStatusCode.NotFound, "PATIENT_NOT_FOUND");
        (await _session.ReadPatientAsync("9")).Status.ShouldBe(HttpStatusCode.OK, "dissent is not applied to Foundations");
    }

    [Fact]
    public async Task Register_creates_a_temporary_registration_returned_in_a_searchset_bundle_and_found_afterwards()
    {
        var response = await _session.RegisterAsync(FoundationsRequests.Patient("9690000209"));

        response.Status.ShouldBe(HttpStatusCode.OK, response.Body);
        var bundle = response.Json;
        bundle["meta"]!["profile"]![0]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1");
        bundle.ContainsKey("total").ShouldBeFalse();
        var patient = response.Entries().ShouldHaveSingleItem();
        patient["gender"]!.GetValue<string>().ShouldBe("female", "gender comes from PDS when not sent");
        response.Body.ShouldContain("\"url\":\"registrationType\"");
        response.Body.ShouldContain("\"code\":\"T\"");

        var found = (await _session.FindPatientAsync("9690000209")).Entries().ShouldHaveSingleItem();
        found["id"]!.GetValue<string>().ShouldBe(patient["id"]!.GetValue<string>());
        (await _session.RegisterAsync(FoundationsRequests.Patient("9690000209"))).ShouldBeError(HttpStatusCode.Conflict, "DUPLICATE_REJECTED");
    }

    [Fact]
    public async Task Register_reactivates_an_inactive_record_with_its_id_and_preferred_branch()
    {
        var response = await _session.RegisterAsync(FoundationsRequests.Patient("9690000063", "Lindqvist", "Erik", "1975-12-01"));

        var patient = response.Entries().ShouldHaveSingleItem();
        patient["id"]!.GetValue<string>().ShouldBe("7");
        response.Body.ShouldContain("Location/2");
    }

    [Theory]
    [InlineData("9690000004", "Jackson", "Jane", "1952-05-31", HttpStatusCode.Conflict, "DUPLICATE_REJECTED")]
    [InlineData("9690000101", "Morgan", "Rhys", "2001-01-25", HttpStatusCode.Conflict, "DUPLICATE_REJECTED")]
    [InlineData("9690000047", "Whitaker", "Harold", "1931-09-09", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9690000349", "Ashworth", "Edith", "1940-01-30", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9690000357", "Private", "Sam", "1985-08-08", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9690000365", "Holt", "Brian", "1972-06-14", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER")]
    [InlineData("9690000373", "Vance", "Ruth", "1999-11-11", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER")]
    [InlineData("9690000381", "Nobody", "Nora", "1980-02-02", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9690000144", "Castillo", "Maria", "1995-03-12", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9690000217", "Kowalski", "Anna", "1987-07-15", HttpStatusCode.BadRequest, "INVALID_PATIENT_DEMOGRAPHICS")]
    [InlineData("9000000008", "Kowalski", "Anna", "1987-04-12", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER")]
    public async Task Register_refuses_what_it_must(string nhsNumber, string family, string given, string birthDate, HttpStatusCode status, string code) =>
        (await _session.RegisterAsync(FoundationsRequests.Patient(nhsNumber, family, given, birthDate))).ShouldBeError(status, code);

    [Theory]
    [InlineData("meta")]
    [InlineData("birthDate")]
    [InlineData("name")]
    [InlineData("identifier")]
    public async Task Register_refuses_a_patient_missing_what_it_must_carry_as_an_invalid_resource(string element)
    {
        var patient = FoundationsRequests.Patient("9690000225");
        patient.Remove(element);

        (await _session.RegisterAsync(patient)).ShouldBeError((HttpStatusCode)422, "INVALID_RESOURCE");
    }

    [Fact]
    public async Task Register_refuses_a_bare_patient_and_a_malformed_body()
    {
        (await _session.RegisterBodyAsync(FoundationsRequests.Patient("9690000225").ToJsonString())).ShouldBeError((HttpStatusCode)422, "INVALID_RESOURCE");
        (await _session.RegisterBodyAsync("{\"resourceType\":")).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Register_accepts_an_xml_body_and_answers_in_xml()
    {
        const string xml = """
            <Parameters xmlns="http://hl7.org/fhir">
              <parameter>
                <name value="registerPatient"/>
                <resource>
                  <Patient>
                    <meta><profile value="https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1"/></meta>
                    <identifier><system value="https://fhir.nhs.uk/Id/nhs-number"/><value value="9690000233"/></identifier>
                    <name><use value="official"/><family value="Kowalski"/><given value="Anna"/></name>
                    <birthDate value="1987-04-12"/>
                  </Patient>
                </resource>
              </parameter>
            </Parameters>
            """;

        var response = await _session.RegisterBodyAsync(xml, "application/fhir+xml");

        response.Status.ShouldBe(HttpStatusCode.OK, response.Body);
        response.ContentType!.ShouldStartWith("application/fhir+xml");
        response.Xml.Root!.Name.LocalName.ShouldBe("Bundle");
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_nhs_number_register_it_exactly_once()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _session.RegisterAsync(FoundationsRequests.Patient("9690000241"))));

        attempts.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1);
        attempts.Count(r => r.Status == HttpStatusCode.Conflict).ShouldBe(11);
        (await _session.FindPatientAsync("9690000241")).Entries().ShouldHaveSingleItem();
    }
}
