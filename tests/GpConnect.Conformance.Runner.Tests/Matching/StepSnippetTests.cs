using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Runner.Tests.Matching;

public class StepSnippetTests
{
    [Fact]
    public void Quoted_strings_and_numbers_become_typed_capture_groups()
    {
        var step = new ScenarioStep("Given", StepKind.Given, "the patient \"9690937278\" has 3 appointments costing 12.50", 7);

        var snippet = StepSnippet.For(step);

        snippet.ShouldBe("""
            [Given(@"^the patient ""([^""]*)"" has (-?\d+) appointments costing (-?\d+\.\d+)$")]
            public void GivenThePatientHasAppointmentsCosting(string p0, int p1, decimal p2)
            {
                throw new PendingStepException();
            }
            """);
        RegexOf(snippet).IsMatch(step.Text).ShouldBeTrue();
    }

    [Fact]
    public void Versions_ticket_numbers_and_regex_characters_stay_literal()
    {
        var step = new ScenarioStep("Then", StepKind.Then, "ticket-912 applies since 1.2.7 (see $ref [x]?)", 3);

        var snippet = StepSnippet.For(step);

        snippet.ShouldStartWith("""[Then(@"^ticket-912 applies since 1\.2\.7 \(see \$ref \[x]\?\)$")]""");
        snippet.ShouldContain("public void ThenTicket912AppliesSince127SeeRefX()");
        RegexOf(snippet).IsMatch(step.Text).ShouldBeTrue();
    }

    [Fact]
    public void A_table_or_doc_string_becomes_the_last_parameter()
    {
        var table = new Table("system", "value");
        var withTable = new ScenarioStep("When", StepKind.When, "the identifiers are", 4, table: table);
        var withDoc = new ScenarioStep("And", StepKind.Then, "the body is", 5, docString: "{}");

        StepSnippet.For(withTable).ShouldContain("public void WhenTheIdentifiersAre(Table table)");
        StepSnippet.For(withDoc).ShouldContain("[Then(@\"^the body is$\")]");
        StepSnippet.For(withDoc).ShouldContain("public void ThenTheBodyIs(string docString)");
    }

    /// <summary>Reads the regex back out of the verbatim string in the snippet's attribute.</summary>
    private static Regex RegexOf(string snippet)
    {
        var verbatim = Regex.Match(snippet, "^\\[\\w+\\(@\"(?<body>(?:[^\"]|\"\")*)\"\\)\\]").Groups["body"].Value;
        return new Regex(verbatim.Replace("\"\"", "\""));
    }
}
