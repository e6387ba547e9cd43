using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using GpConnect.Conformance.Reporting.JUnit;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;
using Shouldly;

namespace GpConnect.Conformance.Reporting.Tests.Formats;

public class JUnitWriterTests
{
    private static XDocument Parse(RunResult run) => XDocument.Parse(JUnitWriter.ToXml(run));

    [Fact]
    public void Output_is_valid_against_the_junit_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Formats", "junit.xsd"));
        var errors = new List<string>();
        var doc = Parse(SampleRuns.Full());
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Schema_check_rejects_a_broken_document()
    {
        // Proves the validation above can fail: a testcase without classname is not valid JUnit.
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Formats", "junit.xsd"));
        var doc = Parse(SampleRuns.Full());
        doc.Descendants("testcase").First().Attribute("classname")!.Remove();
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void One_suite_per_feature_and_one_case_per_scenario_including_outline_rows()
    {
        var doc = Parse(SampleRuns.Full());
        var suites = doc.Root!.Elements("testsuite").ToList();
        suites.Select(s => (string)s.Attribute("name")!).ShouldBe(
            ["Find a patient", "Search for free slots", "Ticket 912 — slot type", "features/broken.feature"]);
        var slots = suites[1];
        slots.Elements("testcase").Count().ShouldBe(3);
        ((string)slots.Attribute("tests")!).ShouldBe("3");
        ((string)slots.Attribute("failures")!).ShouldBe("2");
        slots.Elements("testcase").Select(c => (string)c.Attribute("name")!).ShouldContain(
            "Search for free slots — Slots carry one service type [kind=free, format=xml]");
        slots.Elements("testcase").ShouldAllBe(c => (string)c.Attribute("classname")! == "features.appointments.search_for_free_slots");
        ((string)doc.Root!.Attribute("tests")!).ShouldBe("8");
        ((string)doc.Root!.Attribute("failures")!).ShouldBe("3");
        ((string)doc.Root!.Attribute("skipped")!).ShouldBe("3");
    }

    [Fact]
    public void Failure_has_first_message_and_a_body_with_step_checks_and_last_exchange()
    {
        var failed = Parse(SampleRuns.Full()).Descendants("testcase")
            .Single(c => ((string)c.Attribute("name")!).EndsWith("[kind=free, format=xml]"));
        var failure = failed.Element("failure")!;
        ((string)failure.Attribute("message")!).ShouldBe("Slot must have exactly one serviceType " + SampleRuns.HostileText);
        ((string)failure.Attribute("type")!).ShouldBe("TKT-032");
        var body = failure.Value;
        body.ShouldContain("Failed step (line 10): Then every Slot has exactly one serviceType [Failed]");
        body.ShouldContain("at: Bundle.entry[0].resource.serviceType");
        body.ShouldContain("expected: exactly 1");
        body.ShouldContain("actual: 0");
        body.ShouldContain("Last HTTP exchange: GET https://provider.example/B82617/STU3/1/gpconnect/fhir/Slot?status=free → 422 (456 ms)");
        ((string)failed.Attribute("time")!).ShouldBe("0.250");
    }

    [Fact]
    public void Skipped_not_applicable_and_waived_are_skipped_with_a_marked_reason()
    {
        var messages = Parse(SampleRuns.Full()).Descendants("skipped").Select(s => (string)s.Attribute("message")!).ToList();
        messages.ShouldBe([
            "Skipped: Test data role TD-02 is not configured",
            "Not applicable: Applies up to 1.2.6; target is 1.2.7",
            "Waived: supplier fix due (owner Jo Bloggs, expires 2026-12-31). Original failure: serviceType missing"]);
    }

    [Fact]
    public void Reasons_get_their_label_added_when_they_lack_it()
    {
        var run = SampleRuns.Full();
        var waived = run.Scenarios[6] with { Message = "accepted by the assurance lead" };
        var skipped = JUnitWriter.ToXml(run with { Scenarios = [waived] });
        skipped.ShouldContain("<skipped message=\"Waived: accepted by the assurance lead\" />");
    }

    [Fact]
    public void Feature_load_errors_are_failed_cases_with_file_and_line()
    {
        var suite = Parse(SampleRuns.Full()).Root!.Elements("testsuite").Last();
        var testcase = suite.Element("testcase")!;
        ((string)testcase.Attribute("name")!).ShouldBe(JUnitWriter.LoadErrorCaseName);
        ((string)testcase.Attribute("classname")!).ShouldBe("features.broken");
        ((string)testcase.Element("failure")!.Attribute("message")!).ShouldBe("features/broken.feature:3:5: expected: #Feature, got 'Scenari: typo'");
    }

    [Fact]
    public void Control_characters_in_messages_do_not_break_the_xml()
    {
        var run = SampleRuns.Full();
        run = run with { Scenarios = [run.Scenarios[1] with { Message = "bad\u0001char\u0000" }] };
        var xml = JUnitWriter.ToXml(run);
        Should.NotThrow(() => XDocument.Parse(xml));
        xml.ShouldContain("bad\uFFFDchar\uFFFD");
    }

    [Fact]
    public void Incomplete_run_is_marked()
    {
        var doc = Parse(SampleRuns.Full() with { Complete = false });
        ((string)doc.Root!.Attribute("name")!).ShouldContain("incomplete");
        doc.Descendants("property").ShouldContain(p => (string)p.Attribute("name")! == "complete" && (string)p.Attribute("value")! == "false");
    }

    [Theory]
    [InlineData("features/appointments/book.feature", "features.appointments.book")]
    [InlineData("features\\tickets\\ticket_912.feature", "features.tickets.ticket_912")]
    [InlineData("core.feature", "core")]
    public void Class_name_is_the_feature_path_without_extension_dotted(string file, string expected) =>
        JUnitWriter.ClassName(file).ShouldBe(expected);
}
