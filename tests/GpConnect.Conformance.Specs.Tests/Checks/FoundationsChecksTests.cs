using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Checks.Foundations;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Foundations;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

/// <summary>The Foundations checks on canned resources: each passes a conforming resource and names the broken rule otherwise.</summary>
public sealed class FoundationsChecksTests
{
    private const string NhsSystem = "https://fhir.nhs.uk/Id/nhs-number";

    private static JsonObject Patient() => JsonNode.Parse("""
        {"resourceType":"Patient","id":"1",
         "meta":{"versionId":"7","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1"]},
         "extension":[
           {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1","extension":[
             {"url":"registrationType","valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1","code":"T"}]}},
             {"url":"preferredBranchSurgery","valueReference":{"reference":"Location/2"}}]},
           {"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1","extension":[
             {"url":"language","valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1","code":"bh","display":"Bihari languages"}]}},
             {"url":"interpreterRequired","valueBoolean":true}]}],
         "identifier":[{"extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1",
           "valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1","code":"01"}]}}],
           "system":"https://fhir.nhs.uk/Id/nhs-number","value":"9690000004"}],
         "name":[{"use":"official","family":"Jackson","given":["Jane"]}],
         "gender":"female","birthDate":"1952-05-31",
         "contact":[{"relationship":[{"text":"Next of kin"}],"name":{"use":"usual","family":"Jackson"}}],
         "managingOrganization":{"reference":"Organization/1"}}
        """)!.AsObject();

    private static ProviderResponse Read(JsonObject resource, string? etag = null) => new(new HttpExchange
    {
        Interaction = Interactions.ReadPatient,
        Method = "GET",
        Url = "http://127.0.0.1/A20047/STU3/1/gpconnect/Patient/1",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(5),
        StatusCode = 200,
        ResponseHeaders = etag is null ? [] : [new HttpHeader("ETag", etag)],
        ResponseBody = resource.ToJsonString(),
    });

    private static Fhir.ElementNode Node(JsonObject resource) => Read(resource).Resource!;

    [Fact]
    public void A_conforming_patient_passes_every_patient_check()
    {
        var patient = Node(Patient());

        PatientChecks.NhsNumber(patient, "9690000004").Passed.ShouldBeTrue();
        PatientChecks.OfficialName(patient).Passed.ShouldBeTrue();
        PatientChecks.BirthDateAndGender(patient).Passed.ShouldBeTrue();
        PatientChecks.Contacts(patient).Passed.ShouldBeTrue();
        PatientChecks.Language(patient).Passed.ShouldBeTrue();
        PatientChecks.CorrectedLanguageDisplay(patient).Passed.ShouldBeTrue();
        PatientChecks.TemporaryRegistration(patient).Passed.ShouldBeTrue();
        PatientChecks.PreferredBranch(patient, out var location).Passed.ShouldBeTrue();
        location.ShouldBe("2");
        FoundationsChecks.ProfileAndVersion(patient).Passed.ShouldBeTrue();
        FoundationsChecks.NoneOf(patient, PatientChecks.ExcludedElements, "FND-045").Passed.ShouldBeTrue();
    }

    [Fact]
    public void The_nhs_number_must_use_the_nhs_number_system_and_be_verified()
    {
        var wrongSystem = Patient();
        wrongSystem["identifier"]![0]!["system"] = "http://fhir.nhs.net/Id/nhs-number";
        PatientChecks.NhsNumber(Node(wrongSystem), "9690000004").Failures.ShouldHaveSingleItem().Message.ShouldContain(NhsSystem);

        var unverified = Patient();
        unverified["identifier"]![0]!["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"] = "02";
        PatientChecks.NhsNumber(Node(unverified), "9690000004").Failures.ShouldHaveSingleItem().Rule.ShouldBe("FND-036 verified");

        PatientChecks.NhsNumber(Node(Patient()), "9690000012").Failures.ShouldHaveSingleItem().Message.ShouldContain("not the \"9690000012\"");
    }

    [Fact]
    public void A_coded_contact_relationship_and_an_old_language_display_are_named()
    {
        var coded = Patient();
        coded["contact"]![0]!["relationship"]![0]!["coding"] = new JsonArray(new JsonObject { ["code"] = "N" });
        PatientChecks.Contacts(Node(coded)).Failures.ShouldHaveSingleItem().Rule.ShouldBe("FND-042 relationship.coding");

        var old = Patient();
        old["extension"]![1]!["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["display"] = "Bihari";
        PatientChecks.CorrectedLanguageDisplay(Node(old)).Failures.ShouldHaveSingleItem().Message.ShouldContain("\"Bihari languages\"");
    }

    [Fact]
    public void A_regular_registration_and_excluded_data_fail()
    {
        var regular = Patient();
        regular["extension"]![0]!["extension"]![0]!["valueCodeableConcept"]!["coding"]![0]!["code"] = "R";
        PatientChecks.TemporaryRegistration(Node(regular)).Failures.ShouldHaveSingleItem().Message.ShouldContain("MUST NOT");

        var leaking = Patient();
        leaking["maritalStatus"] = new JsonObject { ["text"] = "Married" };
        ((JsonArray)leaking["extension"]!).Add(new JsonObject { ["url"] = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-EthnicCategory-1" });
        FoundationsChecks.NoneOf(Node(leaking), PatientChecks.ExcludedElements, "FND-045").Failures.Count.ShouldBe(2);
    }

    [Fact]
    public void The_etag_must_be_the_weak_version()
    {
        FoundationsChecks.ETag(Read(Patient(), "W/\"7\""), Node(Patient())).Passed.ShouldBeTrue();
        FoundationsChecks.ETag(Read(Patient()), Node(Patient())).Failures.ShouldHaveSingleItem().Message.ShouldContain("there is none");
        FoundationsChecks.ETag(Read(Patient(), "\"7\""), Node(Patient())).Failures.ShouldHaveSingleItem().Expected.ShouldBe("W/\"7\"");
    }

    [Fact]
    public void A_location_address_written_as_an_array_is_refused()
    {
        var single = JsonNode.Parse("""{"resourceType":"Location","id":"1","address":{"city":"Leeds"}}""")!.AsObject();
        var array = JsonNode.Parse("""{"resourceType":"Location","id":"1","address":[{"city":"Leeds"}]}""")!.AsObject();

        FoundationsChecks.SingleAddress(Node(single)).Passed.ShouldBeTrue();
        FoundationsChecks.SingleAddress(Node(array)).Failures.ShouldHaveSingleItem().Message.ShouldContain("single Address object");
    }

    [Fact]
    public void Empty_and_entry_count_tell_an_empty_searchset_from_a_populated_one()
    {
        var empty = CannedResponses.Json(200, """{"resourceType":"Bundle","type":"searchset"}""");
        var one = CannedResponses.Json(200, $$"""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{Patient().ToJsonString()}}}]}""");

        FoundationsChecks.Empty(empty).Passed.ShouldBeTrue();
        FoundationsChecks.Empty(one).Failures.ShouldHaveSingleItem().Message.ShouldContain("Patient/1");
        FoundationsChecks.EntryCount(one, "Patient", 1).Passed.ShouldBeTrue();
        FoundationsChecks.EntryCount(empty, "Patient", 1).Passed.ShouldBeFalse();
        FoundationsChecks.Returned(one, "Patient", out var patient).Passed.ShouldBeTrue();
        patient!.SelectValue("id").ShouldBe("1");
    }

    [Fact]
    public void Relative_references_must_be_type_slash_id()
    {
        var absolute = Patient();
        absolute["managingOrganization"]!["reference"] = "https://provider.example/Organization/1";

        FoundationsChecks.RelativeReference(Node(Patient()), "managingOrganization", "Organization", "FND-039", out var id).Passed.ShouldBeTrue();
        id.ShouldBe("1");
        FoundationsChecks.RelativeReference(Node(absolute), "managingOrganization", "Organization", "FND-039", out _).Passed.ShouldBeFalse();
    }

    [Fact]
    public void Every_named_registration_change_alters_the_request_body()
    {
        var baseline = new PatientRegistration("9690000209", "Kowalski", "Anna", "1987-04-12").ToJson();
        baseline.ShouldContain("CareConnect-GPC-Patient-1");
        baseline.ShouldContain("\"name\":\"registerPatient\"");

        foreach (var change in PatientRegistration.Changes.Keys)
        {
            var changed = new PatientRegistration("9690000209", "Kowalski", "Anna", "1987-04-12").Change(change).ToJson();
            changed.ShouldNotBe(baseline, change);
            JsonNode.Parse(changed).ShouldNotBeNull(change);
        }
        Should.Throw<ArgumentException>(() => new PatientRegistration("1", "a", "b", "2000-01-01").Change("does something unknown"))
            .Message.ShouldContain("Known:");
    }

    [Fact]
    public void The_step_wording_of_registration_changes_matches_the_changes_the_domain_knows()
    {
        var phrases = Steps.Foundations.FoundationsTestDataSteps.RoleOfPhrase;
        phrases.Values.ShouldAllBe(role => TestData.TestDataRoles.All.Any(r => r.Id == role));

        var stepPattern = typeof(Steps.Foundations.FoundationsRequestSteps).Assembly
            .GetType("GpConnect.Conformance.Specs.Steps.Foundations.RegistrationChanges")!
            .GetField("Phrases")!.GetValue(null)!.ToString()!.Replace("\\.", ".");
        stepPattern.Split('|').ShouldBe(PatientRegistration.Changes.Keys, ignoreOrder: true);
    }
}
