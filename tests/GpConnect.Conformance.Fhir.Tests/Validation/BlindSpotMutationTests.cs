using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

/// <summary>
/// The families of defects the validator used to miss (issue 14): invariants, empty JSON objects, extension limits
/// inherited from the extension's definition, closed slicing, the shape of '_x', literal reference syntax and XML
/// element order. Each mutation of a valid fixture must give exactly the listed findings (rule|path, errors and warnings,
/// parse and validation together), and the first listed must be an error naming the family's rule.
/// </summary>
public class BlindSpotMutationTests
{
    private static readonly ProfileValidator Validator = ProfileValidator.CreateDefault();

    private const string Booking = "{ \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\", \"valueReference\": { \"reference\": \"#1\" } }";
    private const string Delivery = "{ \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2\", \"valueCode\": \"In-person\" }";
    private const string Cancel = "{ \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1\", \"valueString\": \"ill\" }";
    private const string OrgBooking = "{ \"url\": \"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\", \"valueReference\": { \"reference\": \"Organization/1\" } }";
    private const string ContainedOrg = "{ \"resourceType\": \"Organization\", \"id\": \"1\", \"meta\": { \"profile\"";
    private const string Snomed = "\"system\": \"http://snomed.info/sct\", \"code\": \"264362003\"";

    public static TheoryData<string, string, string, string, string> Json => new()
    {
        // 1. Invariants (FHIRPath constraints, evaluated by the FHIR SDK's engine)
        { "contained resource with meta.versionId", "appointment", ContainedOrg, "{ \"resourceType\": \"Organization\", \"id\": \"1\", \"meta\": { \"versionId\": \"3\", \"profile\"", "dom-4|Appointment" },
        { "contained resource with meta.lastUpdated", "appointment", ContainedOrg, "{ \"resourceType\": \"Organization\", \"id\": \"1\", \"meta\": { \"lastUpdated\": \"2016-08-01T10:00:00+01:00\", \"profile\"", "dom-4|Appointment" },
        { "contained resource with narrative", "appointment", "\"name\": \"Booking org\"", "\"text\": { \"status\": \"generated\", \"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Org</div>\" }, \"name\": \"Booking org\"", "dom-1|Appointment" },
        { "contained resource referenced from nowhere", "appointment", "\"reference\": \"#1\"", "\"reference\": \"Organization/1\"", "dom-3|Appointment" },
        { "nested contained resource", "appointment", "\"name\": \"Booking org\"", "\"name\": \"Booking org\", \"contained\": [ { \"resourceType\": \"Organization\", \"id\": \"2\", \"name\": \"Inner\" } ], \"partOf\": { \"reference\": \"#2\" }", "dom-2|Appointment;reference.contained|Appointment.contained[0].partOf.reference" },
        { "planning horizon ends before it starts", "schedule", "\"end\": \"2016-08-15T12:00:00+01:00\"", "\"end\": \"2016-08-15T08:00:00+01:00\"", "per-1|Schedule.planningHorizon" },
        { "searchset entry with a request", "searchset", "\"type\": \"searchset\"", "\"type\": \"searchset\", \"entry\": [ { \"fullUrl\": \"https://x/Slot/1\", \"resource\": { \"resourceType\": \"Basic\", \"id\": \"1\", \"code\": { \"text\": \"x\" } }, \"request\": { \"method\": \"GET\", \"url\": \"Slot/1\" } } ]", "bdl-3|Bundle;cardinality.max|Bundle.entry[0].request" },
        { "parameter with both a value and a resource", "parameters", "{ \"name\": \"registerPatient\",", "{ \"name\": \"registerPatient\", \"valueString\": \"x\",", "inv-1|Parameters.parameter[0]" },
        { "element with only an id", "slot", "{ \"reference\": \"Schedule/14\" }", "{ \"id\": \"s1\" }", "ele-1|Slot.schedule;cardinality.min|Slot.schedule.reference" },
        { "organization with neither name nor identifier", "appointment", ", \"name\": \"Booking org\"", "", "org-1|Appointment.contained[0];cardinality.min|Appointment.contained[0].name" },

        // 2. Empty JSON objects, flagged as XML flags an empty element
        { "empty meta", "slot", "\"meta\": { \"versionId\": \"1\", \"profile\": [ \"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1\" ] }", "\"meta\": {}", "parse.json-empty-object|Slot.meta;meta.profile|Slot.meta.profile" },
        { "empty telecom", "patient", "\"gender\": \"female\",", "\"telecom\": [ {} ], \"gender\": \"female\",", "parse.json-empty-object|Patient.telecom[0];cardinality.min|Patient.telecom[0].system;cardinality.min|Patient.telecom[0].value" },
        { "empty actor", "appointment", "{ \"actor\": { \"reference\": \"Patient/2\" }, \"status\": \"accepted\" }", "{ \"actor\": {}, \"status\": \"accepted\" }", "parse.json-empty-object|Appointment.participant[0].actor" },
        { "empty entry", "searchset", "\"type\": \"searchset\"", "\"type\": \"searchset\", \"entry\": [ {} ]", "parse.json-empty-object|Bundle.entry[0];bdl-5|Bundle.entry[0]" },
        { "empty schedule reference", "slot", "{ \"reference\": \"Schedule/14\" }", "{}", "parse.json-empty-object|Slot.schedule;cardinality.min|Slot.schedule.reference" },
        { "empty primitive extension", "patient", "\"birthDate\": \"1952-05-31\",", "\"_birthDate\": {},", "parse.json-empty-object|Patient.birthDate" },

        // 3. Extension limits inherited from the extension's definition (0..1) where the profile leaves the slice open
        { "two booking organisations", "appointment", Booking, Booking + ", " + Booking, "cardinality.max|Appointment.extension:bookingOrganisation" },
        { "two delivery channels on an appointment", "appointment", Booking, Booking + ", " + Delivery + ", " + Delivery, "cardinality.max|Appointment.extension:deliveryChannel" },
        { "two cancellation reasons", "appointment", Booking, Booking + ", " + Cancel + ", " + Cancel, "cardinality.max|Appointment.extension:appointmentCancellationReason" },
        { "two delivery channels on a schedule (no slice)", "schedule", "\"extension\": [ {", "\"extension\": [ " + Delivery + ", " + Delivery + ", {",
            "cardinality.max|Schedule.extension:Extension-GPConnect-DeliveryChannel-2;extension.url|Schedule.extension[0];extension.url|Schedule.extension[1]" },
        { "two booking organisations on a slot (no slice)", "slot", Delivery, Delivery + ", " + OrgBooking + ", " + OrgBooking,
            "cardinality.max|Slot.extension:Extension-GPConnect-BookingOrganisation-1;extension.url|Slot.extension[1];extension.url|Slot.extension[2]" },

        // 4. Closed slicing (Location.physicalType.coding: SNOMED CT, Read v2, CTV3 only)
        { "physical type from another system", "location", Snomed, "\"system\": \"http://example.org/types\", \"code\": \"264362003\"", "slicing.closed|Location.physicalType.coding[0]" },
        { "physical type without a system", "location", Snomed, "\"code\": \"264362003\"", "slicing.closed|Location.physicalType.coding[0]" },
        { "physical type with a trailing slash on the system", "location", Snomed, "\"system\": \"http://snomed.info/sct/\", \"code\": \"264362003\"", "slicing.closed|Location.physicalType.coding[0]" },
        { "physical type as an OID", "location", Snomed, "\"system\": \"urn:oid:2.16.840.1.113883.6.96\", \"code\": \"264362003\"", "slicing.closed|Location.physicalType.coding[0]" },
        { "second physical type from another system", "location", "\"display\": \"Health centre\" }", "\"display\": \"Health centre\" }, { \"system\": \"http://read.info/readv3\", \"code\": \"X\", \"display\": \"X\" }", "slicing.closed|Location.physicalType.coding[1]" },

        // 5. '_x' takes the shape of 'x'
        { "_birthDate as an array", "patient", "\"birthDate\": \"1952-05-31\",", "\"birthDate\": \"1952-05-31\", \"_birthDate\": [ { \"id\": \"b\" } ],", "parse.json-underscore-shape|Patient._birthDate" },
        { "_gender as a string", "patient", "\"gender\": \"female\",", "\"gender\": \"female\", \"_gender\": \"x\",", "parse.json-underscore-shape|Patient._gender" },
        { "_given as an object", "patient", "\"given\": [ \"Jane\" ]", "\"given\": [ \"Jane\" ], \"_given\": { \"id\": \"g\" }", "parse.json-underscore-shape|Patient.name[0]._given" },
        { "_given longer than given", "patient", "\"given\": [ \"Jane\" ]", "\"given\": [ \"Jane\" ], \"_given\": [ null, { \"id\": \"g\" } ]", "parse.json-underscore-shape|Patient.name[0]._given" },
        { "_managingOrganization on a complex element", "patient", "\"managingOrganization\":", "\"_managingOrganization\": { \"id\": \"m\" }, \"managingOrganization\":", "parse.json-underscore-shape|Patient._managingOrganization" },
        { "_birthDate without birthDate as a number", "patient", "\"birthDate\": \"1952-05-31\",", "\"_birthDate\": 3,", "parse.json-underscore-shape|Patient._birthDate" },

        // 6. Literal reference syntax
        { "reference without an id", "slot", "\"reference\": \"Schedule/14\"", "\"reference\": \"Schedule/\"", "reference.syntax|Slot.schedule.reference" },
        { "reference with a space in the id", "slot", "\"reference\": \"Schedule/14\"", "\"reference\": \"Schedule/ 14\"", "reference.syntax|Slot.schedule.reference" },
        { "reference with a space for the slash", "patient", "\"reference\": \"Organization/1\"", "\"reference\": \"Organization 1\"", "reference.syntax|Patient.managingOrganization.reference" },
        { "reference with a search query", "slot", "\"reference\": \"Schedule/14\"", "\"reference\": \"Schedule?identifier=14\"", "reference.syntax|Slot.schedule.reference" },
        { "reference with a lower-case type", "slot", "\"reference\": \"Schedule/14\"", "\"reference\": \"schedule/14\"", "reference.syntax|Slot.schedule.reference" },
        { "bare hash reference", "appointment", "\"reference\": \"#1\"", "\"reference\": \"#\"", "reference.syntax|Appointment.extension[0].valueReference.reference;dom-3|Appointment" },
    };

    [Theory]
    [MemberData(nameof(Json))]
    public void Json_mutation_gives_exactly_the_expected_findings(string name, string fixture, string find, string replace, string expected)
    {
        var original = Fixtures.Named(fixture);
        original.ShouldContain(find, customMessage: $"mutation '{name}' must apply to the fixture");
        Check(name, FhirParser.Parse(original.Replace(find, replace), FhirFormat.Json), expected);
    }

    public static TheoryData<string, string, string, string> Xml => new()
    {
        // 7. XML element order (the unmutated XML is written in definition order, without indentation)
        { "status after end", "<status value=\"free\"/><start value=\"2016-08-15T11:30:00+01:00\"/><end value=\"2016-08-15T11:40:00+01:00\"/>",
            "<start value=\"2016-08-15T11:30:00+01:00\"/><end value=\"2016-08-15T11:40:00+01:00\"/><status value=\"free\"/>", "xml.order|Slot.status" },
        { "end before start", "<start value=\"2016-08-15T11:30:00+01:00\"/><end value=\"2016-08-15T11:40:00+01:00\"/>",
            "<end value=\"2016-08-15T11:40:00+01:00\"/><start value=\"2016-08-15T11:30:00+01:00\"/>", "xml.order|Slot.start" },
        { "id after meta", "<id value=\"1584\"/><meta><versionId value=\"1\"/><profile value=\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1\"/></meta>",
            "<meta><versionId value=\"1\"/><profile value=\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1\"/></meta><id value=\"1584\"/>", "xml.order|Slot.id" },
        { "serviceType after schedule", "<serviceType><text value=\"General GP Appointment\"/></serviceType><schedule><reference value=\"Schedule/14\"/></schedule>",
            "<schedule><reference value=\"Schedule/14\"/></schedule><serviceType><text value=\"General GP Appointment\"/></serviceType>", "xml.order|Slot.serviceType[0]" },
        { "display before reference", "<reference value=\"Schedule/14\"/>", "<display value=\"Morning\"/><reference value=\"Schedule/14\"/>", "xml.order|Slot.schedule.reference" },
        { "profile before versionId", "<versionId value=\"1\"/><profile value=\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1\"/>",
            "<profile value=\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1\"/><versionId value=\"1\"/>", "xml.order|Slot.meta.versionId" },
    };

    [Theory]
    [MemberData(nameof(Xml))]
    public void Xml_mutation_gives_exactly_the_expected_findings(string name, string find, string replace, string expected)
    {
        var original = Fhir.Writing.FhirXmlWriter.Write(Fixtures.Parse(Fixtures.SlotJson), indent: false).Replace(" />", "/>", StringComparison.Ordinal);
        Check(name, FhirParser.Parse(original, FhirFormat.Xml), "", "unmutated XML");
        original.ShouldContain(find, customMessage: $"mutation '{name}' must apply to the XML");
        Check(name, FhirParser.Parse(original.Replace(find, replace), FhirFormat.Xml), expected);
    }

    [Theory]
    [InlineData("appointment")]
    [InlineData("location")]
    [InlineData("parameters")]
    public void New_fixtures_are_valid_without_findings(string fixture) =>
        Check(fixture, FhirParser.Parse(Fixtures.Named(fixture), FhirFormat.Json), "");

    private static void Check(string name, ParseResult parsed, string expected, string? what = null)
    {
        var findings = parsed.Findings.ToList();
        if (parsed.Root is not null) findings.AddRange(Validator.ValidateDeclared(parsed.Root).Findings);
        var actual = findings.Where(f => f.Severity != FindingSeverity.Information).ToList();
        var wanted = expected.Length == 0 ? Array.Empty<string>() : expected.Split(';');
        actual.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(wanted, ignoreOrder: true, customMessage: $"{what ?? name}: {string.Join("\n", findings)}");
        if (wanted.Length == 0) return;
        var first = actual.First(f => $"{f.Rule}|{f.Path}" == wanted[0]);
        first.Severity.ShouldBe(FindingSeverity.Error, name);
        first.Message.ShouldNotBeNullOrWhiteSpace();
    }
}

/// <summary>The warning for an unknown meta.profile says what the validator does instead.</summary>
public class UnknownProfileWarningTests
{
    [Fact]
    public void Unknown_profile_on_a_slot_names_the_gp_connect_profile_used_instead()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson.Replace("StructureDefinition/GPConnect-Slot-1", "StructureDefinition/Example-Slot-9"));
        var warning = ProfileValidator.CreateDefault().ValidateDeclared(root).Findings.First(f => f.Rule == "meta.profile");
        warning.Severity.ShouldBe(FindingSeverity.Warning);
        warning.Message.ShouldBe("Slot.meta.profile[0]: profile 'https://fhir.nhs.uk/STU3/StructureDefinition/Example-Slot-9' is not known to the validator; validating against the GP Connect profile for Slot, GPConnect-Slot-1 instead.");
    }
}
