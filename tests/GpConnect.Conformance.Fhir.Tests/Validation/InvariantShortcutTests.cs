using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Validation.Invariants;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

/// <summary>
/// The validator decides some invariants without the FHIRPath engine: an expression that only navigates children the
/// node does not have is not evaluated (its result on such a node is known once, when it is compiled), and ele-1 is
/// checked natively. These tests prove the shortcuts agree with the engine on every node of the mutation corpus.
/// </summary>
public class InvariantShortcutTests
{
    [Theory]
    [InlineData("contained.text.empty()", "contained", true)]
    [InlineData("contained.where(('#'+id in %resource.descendants().reference).not()).empty()", "contained", true)]
    [InlineData("extension.exists() != value.exists()", "extension,value", false)]
    [InlineData("start.empty() or end.empty() or (start <= end)", "end,start", true)]
    [InlineData("a.exists() implies b.count() > 1", "a,b", true)]
    [InlineData("$this.a.exists()", "a", false)]
    [InlineData("(code.exists() or value.empty()) and (system.empty() or system = %ucum)", "code,system,value", true)]
    public void Expressions_that_only_navigate_children_are_guarded_by_those_children(string expression, string guard, bool whenAbsent)
    {
        var inv = InvariantEngine.Get(new ConstraintInfo("test-guard", "error", "test", expression));
        inv.Compiled.ShouldNotBeNull(inv.NotEvaluated);
        inv.Guard.ShouldNotBeNull(expression);
        string.Join(",", inv.Guard.OrderBy(n => n, StringComparer.Ordinal)).ShouldBe(guard);
        inv.ResultWhenAbsent.ShouldBe(whenAbsent, expression);
    }

    [Theory]
    [InlineData("hasValue() or (children().count() > id.count())")]
    [InlineData("children().count() > 0")]
    [InlineData("%resource.contained.exists() or a.exists()")]
    [InlineData("reference.startsWith('#').not() or (reference.substring(1) in %resource.contained.id)")]
    [InlineData("iif(a.exists(), true, false)")]
    [InlineData("$this.exists()")]
    [InlineData("today() > a")]
    [InlineData("Patient.name.exists()")]
    public void Expressions_that_read_the_node_itself_or_a_variable_are_always_evaluated(string expression)
    {
        var inv = InvariantEngine.Get(new ConstraintInfo("test-guard", "error", "test", expression));
        inv.Compiled.ShouldNotBeNull(inv.NotEvaluated);
        inv.Guard.ShouldBeNull(expression);
    }

    [Fact]
    public void The_domain_resource_and_extension_invariants_are_guarded()
    {
        var byKey = BuiltInDefinitions.Instance.Structures.SelectMany(s => s.Elements).SelectMany(e => e.Constraints)
            .Where(c => c.Severity == "error").DistinctBy(c => c.Key).ToDictionary(c => c.Key);
        foreach (var key in new[] { "dom-1", "dom-2", "dom-3", "dom-4", "ext-1" })
            InvariantEngine.Get(byKey[key]).Guard.ShouldNotBeNull(key);
        InvariantEngine.Get(byKey["ref-1"]).Guard.ShouldBeNull("ref-1 reads %resource outside a collection's criteria");
    }

    [Fact]
    public void Shortcuts_agree_with_the_engine_on_the_mutation_corpus()
    {
        var checks = new List<InvariantCrossCheck>();
        var notEvaluated = new List<string>();
        var validator = ProfileValidator.CreateDefault(new ValidatorOptions { InvariantCrossCheck = c => checks.Add(c) });
        foreach (var (name, text, format) in Corpus())
        {
            var parsed = FhirParser.Parse(text, format);
            if (parsed.Root is null) continue;
            var before = checks.Count;
            var report = validator.ValidateDeclared(parsed.Root);
            if (parsed.Root.ResourceType == "Bundle") report = report.Concat(validator.ValidateBundleEntries(parsed.Root));
            // An invariant comparing a value that is not of its type cannot be evaluated; the value's format error says why.
            if (!report.Errors.Any(f => f.Rule.StartsWith("format.", StringComparison.Ordinal)))
                notEvaluated.AddRange(report.Findings.Where(f => f.Rule == "invariant.not-evaluated").Select(f => $"{name}: {f.Message}"));
            foreach (var c in checks.Skip(before))
                c.Engine.ShouldBe(c.Shortcut, $"{name}: {c.Key} at {c.Path} ({c.Expression}): shortcut {c.Shortcut}, engine {c.Engine?.ToString() ?? "could not evaluate: " + c.EngineError}");
        }
        // Every invariant the engine was asked about could be evaluated (the tree converts even where the walk found other defects).
        notEvaluated.ShouldBeEmpty();
        // The corpus exercises both kinds of shortcut, and both outcomes of ele-1.
        checks.Where(c => c.Key == "ele-1 (engine)").Select(c => c.Shortcut).Distinct().Count().ShouldBe(2);
        checks.Where(c => c.Key != "ele-1 (engine)").Select(c => c.Key).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5,
            string.Join(", ", checks.Select(c => c.Key).Distinct()));
    }

    [Fact]
    public void Shortcuts_agree_with_the_engine_on_the_specification_examples()
    {
        var dir = SharedFolder.Require("examples");
        var checks = new List<InvariantCrossCheck>();
        var validator = ProfileValidator.CreateDefault(new ValidatorOptions { InvariantCrossCheck = c => checks.Add(c) });
        foreach (var file in Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var parsed = FhirParser.Parse(File.ReadAllText(file), FhirFormat.Json);
            if (parsed.Root is null) continue;
            var before = checks.Count;
            validator.ValidateDeclared(parsed.Root);
            if (parsed.Root.ResourceType == "Bundle") validator.ValidateBundleEntries(parsed.Root);
            foreach (var c in checks.Skip(before))
                c.Engine.ShouldBe(c.Shortcut, $"{Path.GetFileName(file)}: {c.Key} at {c.Path} ({c.Expression}): {c.EngineError}");
        }
        checks.ShouldNotBeEmpty();
    }

    /// <summary>Every mutation of the project's mutation tests (JSON, and XML where the XML tests write them), and the clean fixtures.</summary>
    private static IEnumerable<(string Name, string Text, FhirFormat Format)> Corpus()
    {
        foreach (var fixture in new[] { "slot", "schedule", "patient", "outcome", "searchset", "appointment", "location", "parameters" })
            yield return (fixture, Fixtures.Named(fixture), FhirFormat.Json);
        yield return ("bundle", Fixtures.BundleJson, FhirFormat.Json);
        foreach (var row in MutationTests.Mutations.Select(r => ((ITheoryDataRow)r).GetData()).Concat(BlindSpotMutationTests.Json.Select(r => ((ITheoryDataRow)r).GetData())))
        {
            var (name, fixture, find, replace) = ((string)row[0]!, (string)row[1]!, (string)row[2]!, (string)row[3]!);
            var mutated = Fixtures.Named(fixture).Replace(find, replace);
            yield return (name, mutated, FhirFormat.Json);
            if (FhirParser.Parse(mutated, FhirFormat.Json).Root is { } root)
                yield return (name + " (XML)", Writing.FhirXmlWriter.Write(root), FhirFormat.Xml);
        }
        var slotXml = Writing.FhirXmlWriter.Write(Fixtures.Parse(Fixtures.SlotJson), indent: false).Replace(" />", "/>", StringComparison.Ordinal);
        foreach (var row in BlindSpotMutationTests.Xml.Select(r => ((ITheoryDataRow)r).GetData()))
            yield return ((string)row[0]!, slotXml.Replace((string)row[1]!, (string)row[2]!), FhirFormat.Xml);
    }
}
