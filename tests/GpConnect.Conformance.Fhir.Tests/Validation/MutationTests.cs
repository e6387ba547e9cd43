using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

/// <summary>Each mutation breaks exactly one rule of a valid resource and must give exactly that finding (rule + path).</summary>
public class MutationTests
{
    private static readonly ProfileValidator Validator = ProfileValidator.CreateDefault();

    public static TheoryData<string, string, string, string, string, FindingSeverity> Mutations => ToTheoryData(Table);

    /// <summary>
    /// The mutations whose rule also exists in XML. Left out: JSON array/object shape and JSON token kinds (no XML form),
    /// and a namespace-less narrative div (the XML writer puts it in the XHTML namespace).
    /// </summary>
    public static TheoryData<string, string, string, string, string, FindingSeverity> XmlMutations =>
        ToTheoryData(Table.Where(m => !m.Expected.StartsWith("json.", StringComparison.Ordinal) && !m.Expected.StartsWith("format.boolean", StringComparison.Ordinal)
                                      && !m.Expected.StartsWith("format.xhtml", StringComparison.Ordinal) && m.Name != "number as a string"));

    private static TheoryData<string, string, string, string, string, FindingSeverity> ToTheoryData(IEnumerable<(string Name, string Fixture, string Find, string Replace, string Expected, FindingSeverity Severity)> rows)
    {
        var data = new TheoryData<string, string, string, string, string, FindingSeverity>();
        foreach (var r in rows) data.Add(r.Name, r.Fixture, r.Find, r.Replace, r.Expected, r.Severity);
        return data;
    }

    private static readonly (string Name, string Fixture, string Find, string Replace, string Expected, FindingSeverity Severity)[] Table =
    {
        // name, fixture, find, replace-with, "expected rule|expected path", severity
        ("second serviceType", "slot", "\"serviceType\": [ { \"text\": \"General GP Appointment\" } ]", "\"serviceType\": [ { \"text\": \"A\" }, { \"text\": \"B\" } ]", "cardinality.max|Slot.serviceType", FindingSeverity.Error),
        ("missing status", "slot", "\"status\": \"free\",", "", "cardinality.min|Slot.status", FindingSeverity.Error),
        ("serviceCategory present (0..0)", "slot", "\"status\": \"free\",", "\"status\": \"free\", \"serviceCategory\": { \"text\": \"x\" },", "cardinality.max|Slot.serviceCategory", FindingSeverity.Error),
        ("bad instant", "slot", "2016-08-15T11:30:00+01:00", "2016-08-15 11:30", "format.instant|Slot.start", FindingSeverity.Error),
        ("instant without offset", "slot", "2016-08-15T11:30:00+01:00", "2016-08-15T11:30:00", "format.instant|Slot.start", FindingSeverity.Error),
        ("bad dateTime", "schedule", "\"start\": \"2016-08-15T09:00:00+01:00\"", "\"start\": \"2016-13-15T09:00:00+01:00\"", "format.dateTime|Schedule.planningHorizon.start", FindingSeverity.Error),
        ("unknown element", "slot", "\"status\": \"free\",", "\"status\": \"free\", \"colour\": \"red\",", "element.unknown|Slot.colour", FindingSeverity.Error),
        ("unknown nested element", "slot", "{ \"reference\": \"Schedule/14\" }", "{ \"reference\": \"Schedule/14\", \"kind\": \"x\" }", "element.unknown|Slot.schedule.kind", FindingSeverity.Error),
        ("wrong extension url", "slot", "Extension-GPConnect-DeliveryChannel-2", "Extension-GPConnect-DeliveryChanel-2", "extension.url|Slot.extension[0]", FindingSeverity.Warning),
        ("extension value of wrong type", "slot", "\"valueCode\": \"In-person\"", "\"valueString\": \"In-person\"", "type.choice|Slot.extension[0].valueString", FindingSeverity.Error),
        ("delivery channel outside extensible value set", "slot", "\"valueCode\": \"In-person\"", "\"valueCode\": \"Carrier pigeon\"", "binding.extensible|Slot.extension[0].valueCode", FindingSeverity.Warning),
        ("code outside required value set", "slot", "\"status\": \"free\"", "\"status\": \"open\"", "binding.required|Slot.status", FindingSeverity.Error),
        ("wrong reference target", "slot", "\"reference\": \"Schedule/14\"", "\"reference\": \"Patient/14\"", "reference.target|Slot.schedule.reference", FindingSeverity.Error),
        ("json array where an object belongs", "slot", "\"schedule\": { \"reference\": \"Schedule/14\" }", "\"schedule\": [ { \"reference\": \"Schedule/14\" } ]", "json.array|Slot.schedule", FindingSeverity.Error),
        ("json object where an array belongs", "slot", "\"serviceType\": [ { \"text\": \"General GP Appointment\" } ]", "\"serviceType\": { \"text\": \"General GP Appointment\" }", "json.not-array|Slot.serviceType[0]", FindingSeverity.Error),
        ("boolean as a string", "slot", "\"status\": \"free\",", "\"status\": \"free\", \"overbooked\": \"true\",", "format.boolean|Slot.overbooked", FindingSeverity.Error),
        ("number as a string", "schedule", "\"meta\": { \"profile\"", "\"meta\": { \"versionId\": 3, \"profile\"", "format.id|Schedule.meta.versionId", FindingSeverity.Error),
        ("meta.profile of another profile", "slot", "StructureDefinition/GPConnect-Slot-1", "StructureDefinition/GPConnect-Schedule-1", "meta.profile|Slot.meta.profile", FindingSeverity.Error),
        ("two delivery channels", "slot", "\"valueCode\": \"In-person\" }", "\"valueCode\": \"In-person\" }, { \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2\", \"valueCode\": \"Video\" }", "cardinality.max|Slot.extension:deliveryChannel", FindingSeverity.Error),
        ("role code with wrong system", "schedule", "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1", "http://example.org/roles", "binding.extensible|Schedule.extension[0].valueCodeableConcept", FindingSeverity.Warning),
        ("role display differs", "schedule", "\"display\": \"General Medical Practitioner\"", "\"display\": \"GP\"", "binding.display|Schedule.extension[0].valueCodeableConcept.coding[0].display", FindingSeverity.Warning),
        ("schedule serviceType (0..0)", "schedule", "\"serviceCategory\"", "\"serviceType\": [ { \"text\": \"x\" } ], \"serviceCategory\"", "cardinality.max|Schedule.serviceType", FindingSeverity.Error),
        ("two schedule serviceCategory", "schedule", "\"serviceCategory\": { \"text\": \"Morning clinic\" },", "\"serviceCategory\": [ { \"text\": \"Morning clinic\" } ],", "json.array|Schedule.serviceCategory", FindingSeverity.Error),
        ("empty string", "slot", "\"status\": \"free\",", "\"status\": \"free\", \"comment\": \"\",", "format.string|Slot.comment", FindingSeverity.Error),
        ("narrative that is not XHTML", "slot", "\"status\": \"free\",", "\"status\": \"free\", \"text\": { \"status\": \"generated\", \"div\": \"<div>plain</div>\" },", "format.xhtml|Slot.text.div", FindingSeverity.Error),
        ("spine code not in the value set", "outcome", "\"NO_RECORD_FOUND\"", "\"NOT_A_CODE\"", "binding.required|OperationOutcome.issue[0].details", FindingSeverity.Error),
        ("issue code outside issue-type", "outcome", "\"not-found\"", "\"nope\"", "binding.required|OperationOutcome.issue[0].code", FindingSeverity.Error),
        ("missing issue details (1..1)", "outcome", "\"details\": { \"coding\": [ { \"system\": \"https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1\", \"code\": \"NO_RECORD_FOUND\", \"display\": \"No record found\" } ] },", "", "cardinality.min|OperationOutcome.issue[0].details", FindingSeverity.Error),
        ("searchset type fixed", "searchset", "\"type\": \"searchset\"", "\"type\": \"collection\"", "fixed-value|Bundle.type", FindingSeverity.Error),
        ("searchset total forbidden", "searchset", "\"type\": \"searchset\"", "\"type\": \"searchset\", \"total\": 0", "cardinality.max|Bundle.total", FindingSeverity.Error),
        ("string where a Reference belongs", "slot", "\"schedule\": { \"reference\": \"Schedule/14\" }", "\"schedule\": \"Schedule/14\"", "value.unexpected|Slot.schedule", FindingSeverity.Error),
        ("object where a code belongs", "slot", "\"status\": \"free\"", "\"status\": { \"code\": \"free\" }", "value.missing|Slot.status", FindingSeverity.Error),
        ("bad id", "slot", "\"id\": \"1584\"", "\"id\": \"15 84\"", "format.id|Slot.id", FindingSeverity.Error),
        ("no official name", "patient", "\"use\": \"official\"", "\"use\": \"usual\"", "cardinality.min|Patient.name:official", FindingSeverity.Error),
        ("identifier use forbidden on NHS number", "patient", "\"system\": \"https://fhir.nhs.uk/Id/nhs-number\",", "\"system\": \"https://fhir.nhs.uk/Id/nhs-number\", \"use\": \"official\",", "cardinality.max|Patient.identifier[0].use", FindingSeverity.Error),
        ("gender outside required value set", "patient", "\"gender\": \"female\"", "\"gender\": \"F\"", "binding.required|Patient.gender", FindingSeverity.Error),
        ("managing organization pointing at a patient", "patient", "\"reference\": \"Organization/1\"", "\"reference\": \"Patient/1\"", "reference.target|Patient.managingOrganization.reference", FindingSeverity.Error),
        ("unknown modifier extension", "patient", "\"gender\": \"female\",", "\"gender\": \"female\", \"modifierExtension\": [ { \"url\": \"http://example.org/m\", \"valueBoolean\": true } ],", "extension.url|Patient.modifierExtension[0]", FindingSeverity.Error),
        ("old HumanLanguage display (#643)", "patient", "\"display\": \"Romanian; Moldavian; Moldovan\"", "\"display\": \"Romanian\"", "binding.display|Patient.extension[1].extension[0].valueCodeableConcept.coding[0].display", FindingSeverity.Warning),
        ("non-canonical verification status system", "patient", "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1", "https://fhir.nhs.uk/CareConnect-NHSNumberVerificationStatus-1", "binding.required|Patient.identifier[0].extension[0].valueCodeableConcept", FindingSeverity.Error),
        ("unknown sub-extension", "patient", "{ \"url\": \"interpreterRequired\", \"valueBoolean\": false }", "{ \"url\": \"interpreterRequired\", \"valueBoolean\": false }, { \"url\": \"dialect\", \"valueString\": \"x\" }", "extension.url|Patient.extension[1].extension[2]", FindingSeverity.Warning),
        ("missing sub-extension language", "patient", "{ \"url\": \"language\", \"valueCodeableConcept\": { \"coding\": [ { \"system\": \"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1\", \"code\": \"ro\", \"display\": \"Romanian; Moldavian; Moldovan\" } ] } },", "", "cardinality.min|Patient.extension[1].extension:language", FindingSeverity.Error),
        ("sub-extension value of wrong type", "patient", "\"valueBoolean\": false", "\"valueString\": \"no\"", "type.choice|Patient.extension[1].extension[1].valueString", FindingSeverity.Error),
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Mutation_gives_exactly_the_expected_finding(string name, string fixture, string find, string replace, string expected, FindingSeverity severity)
    {
        var original = Fixtures.Named(fixture);
        original.ShouldContain(find, customMessage: $"mutation '{name}' must apply to the fixture");
        var mutated = original.Replace(find, replace);
        var parsed = FhirParser.Parse(mutated);
        parsed.Findings.ShouldBeEmpty($"mutation '{name}' should parse cleanly");
        var report = Validator.ValidateDeclared(parsed.Root!);
        var actual = report.Findings.Where(f => f.Severity != FindingSeverity.Information).ToList();
        actual.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { expected }, $"mutation '{name}': {report}");
        actual[0].Severity.ShouldBe(severity);
        actual[0].Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(XmlMutations))]
    public void Mutation_gives_the_same_finding_in_xml(string name, string fixture, string find, string replace, string expected, FindingSeverity severity)
    {
        var original = Fixtures.Named(fixture);
        var json = FhirParser.Parse(original.Replace(find, replace), FhirFormat.Json).Root!;
        var xml = FhirParser.Parse(Writing.FhirXmlWriter.Write(json), FhirFormat.Xml);
        xml.Findings.ShouldBeEmpty(name);
        var report = Validator.ValidateDeclared(xml.Root!);
        var actual = report.Findings.Where(f => f.Severity != FindingSeverity.Information).ToList();
        actual.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { expected }, $"{name} (XML): {report}");
        actual[0].Severity.ShouldBe(severity);
    }

    [Theory]
    [InlineData("slot")]
    [InlineData("schedule")]
    [InlineData("patient")]
    [InlineData("outcome")]
    [InlineData("searchset")]
    public void Unmutated_fixtures_are_valid_without_findings(string fixture)
    {
        var root = Fixtures.Parse(Fixtures.Named(fixture));
        Validator.ValidateDeclared(root).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Nhs_number_without_its_verification_status_extension()
    {
        var text = Fixtures.PatientJson;
        var start = text.IndexOf("\"extension\": [ { \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1\"", StringComparison.Ordinal);
        var end = text.IndexOf("\"system\": \"https://fhir.nhs.uk/Id/nhs-number\"", StringComparison.Ordinal);
        var root = Fixtures.Parse(text[..start] + text[end..]);
        Validator.ValidateDeclared(root).Findings.Select(f => $"{f.Rule}|{f.Path}")
            .ShouldBe(new[] { "cardinality.min|Patient.identifier[0].extension:nhsNumberVerificationStatus" });
    }

    [Fact]
    public void Duplicate_json_key_is_a_parse_finding()
    {
        var parsed = FhirParser.Parse(Fixtures.SlotJson.Replace("\"status\": \"free\",", "\"status\": \"free\", \"status\": \"busy\","));
        parsed.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "parse.duplicate-key|Slot.status" });
        Validator.ValidateDeclared(parsed.Root!).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Xml_primitive_without_value_is_a_parse_finding_and_not_repeated_by_the_validator()
    {
        var parsed = FhirParser.Parse(Fixtures.SlotXml.Replace("</Slot>", "<comment/></Slot>"));
        parsed.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "parse.xml-value-missing|Slot.comment" });
        Validator.ValidateDeclared(parsed.Root!).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Cardinality_message_reads_well()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]"));
        var finding = Validator.Validate(root, "GPConnect-Slot-1").Findings.Single();
        finding.Message.ShouldBe("Slot.serviceType: 2 entries, profile GPConnect-Slot-1 allows at most 1");
        finding.Expected.ShouldBe("0..1");
        finding.Actual.ShouldBe("2");
    }

    [Fact]
    public void Service_type_max_is_an_option()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]"));
        ProfileValidator.CreateDefault(new ValidatorOptions { ServiceTypeMax = 2 }).Validate(root, "GPConnect-Slot-1").Findings.ShouldBeEmpty();
        ProfileValidator.CreateDefault(new ValidatorOptions { ServiceTypeMax = null }).Validate(root, Fixtures.SlotProfile).Findings.ShouldBeEmpty();
        Validator.Validate(root, "GPConnect-Slot-1").IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Visit_delivery_channel_is_in_the_value_set()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson.Replace("\"valueCode\": \"In-person\"", "\"valueCode\": \"Visit\""));
        Validator.ValidateDeclared(root).Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("R1290", "Pharmacist")]
    [InlineData("R1070", "Paramedic")]
    [InlineData("R1547", "Associate Practitioner - General Practitioner")]
    public void Extended_practitioner_roles_are_in_the_value_set(string code, string display)
    {
        var root = Fixtures.Parse(Fixtures.ScheduleJson.Replace("\"code\": \"R0260\", \"display\": \"General Medical Practitioner\"", $"\"code\": \"{code}\", \"display\": \"{display}\""));
        Validator.ValidateDeclared(root).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Wrong_resource_type_for_the_profile()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson);
        Validator.Validate(root, "GPConnect-Schedule-1").Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "resource.type|Slot" });
    }

    [Fact]
    public void Unknown_profile_is_an_error_naming_the_known_ones()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson);
        var f = Validator.Validate(root, "GPConnect-Nothing-1").Findings.Single();
        f.Rule.ShouldBe("profile.unknown");
        f.Message.ShouldContain("GPConnect-Slot-1");
    }

    [Fact]
    public void Bundle_entries_are_validated_against_their_gp_connect_profiles()
    {
        var bundle = Fixtures.Parse(Fixtures.BundleJson);
        var report = Validator.ValidateBundleEntries(bundle);
        report.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "cardinality.max|Bundle.entry[2].resource.serviceType" });
        report.IsValid.ShouldBeFalse();
        report.Errors.Single().Line.ShouldNotBeNull();
        Validator.Validate(bundle, "GPConnect-Searchset-Bundle-1").Findings.Select(f => $"{f.Rule}|{f.Path}")
            .ShouldBe(new[] { "cardinality.max|Bundle.entry[2].resource.serviceType" });
    }

    [Fact]
    public void Bundle_entry_resource_without_resource_type()
    {
        var root = Fixtures.Parse(Fixtures.BundleJson.Replace("{ \"resource\": { \"resourceType\": \"Schedule\",", "{ \"resource\": {"));
        Validator.Validate(root, "GPConnect-Searchset-Bundle-1").Errors.Select(f => $"{f.Rule}|{f.Path}")
            .ShouldBe(new[] { "resource.type|Bundle.entry[0].resource", "cardinality.max|Bundle.entry[2].resource.serviceType" });
    }

    [Fact]
    public void Contained_reference_must_resolve_to_an_allowed_type()
    {
        var ok = """
        { "resourceType": "Appointment", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1" ] },
          "contained": [ { "resourceType": "Organization", "id": "1", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1" ] }, "name": "Booking org" } ],
          "extension": [ { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1", "valueReference": { "reference": "#1" } } ],
          "status": "booked", "description": "d", "start": "2016-08-15T11:30:00+01:00", "end": "2016-08-15T11:40:00+01:00",
          "slot": [ { "reference": "Slot/1" } ], "created": "2016-08-01T10:00:00+01:00",
          "participant": [ { "actor": { "reference": "Patient/2" }, "status": "accepted" } ] }
        """;
        Validator.ValidateDeclared(Fixtures.Parse(ok)).Findings.Where(f => f.Severity != FindingSeverity.Information).ShouldBeEmpty();
        var missing = Validator.ValidateDeclared(Fixtures.Parse(ok.Replace("\"reference\": \"#1\"", "\"reference\": \"#2\"")));
        // The contained Organization is then referenced from nowhere, which dom-3 forbids.
        missing.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "reference.contained|Appointment.extension[0].valueReference.reference", "dom-3|Appointment" });
        var wrongActor = Validator.ValidateDeclared(Fixtures.Parse(ok.Replace("\"reference\": \"Patient/2\"", "\"reference\": \"Slot/2\"")));
        wrongActor.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "reference.target|Appointment.participant[0].actor.reference" });
        var wrongSlot = Validator.ValidateDeclared(Fixtures.Parse(ok.Replace("\"reference\": \"Slot/1\"", "\"reference\": \"Schedule/1\"")));
        wrongSlot.Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "reference.target|Appointment.slot[0].reference" });
    }
}
