using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Validation.Invariants;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

/// <summary>The invariants the built-in definitions carry compile with the FHIR SDK's engine, and the listed defects are handled.</summary>
public class InvariantEngineTests
{
    [Fact]
    public void Every_error_invariant_of_the_built_in_definitions_is_evaluated_or_listed_as_checked_natively()
    {
        var constraints = BuiltInDefinitions.Instance.Structures.SelectMany(s => s.Elements).SelectMany(e => e.Constraints)
            .Where(c => c.Severity == "error").DistinctBy(c => (c.Key, c.Expression)).ToList();
        constraints.Select(c => c.Key).ShouldContain("dom-3");
        constraints.Select(c => c.Key).ShouldContain("inv-1");
        foreach (var c in constraints)
        {
            var inv = InvariantEngine.Get(c);
            if (inv.Compiled is null) InvariantEngine.CheckedNatively.Keys.ShouldContain(c.Key, $"{c.Key} is not evaluated: {inv.NotEvaluated}");
        }
    }

    [Fact]
    public void Published_ele_1_is_evaluated_with_or_and_the_native_check_agrees_with_the_engine()
    {
        var ele1 = BuiltInDefinitions.Instance.FindStructure("GPConnect-Slot-1")!.Find("Slot.status")!.Constraints.Single(c => c.Key == "ele-1");
        ele1.Expression.ShouldBe("hasValue() | (children().count() > id.count())");
        InvariantEngine.KnownDefects.Single(d => d.Key == "ele-1").Published.ShouldBe(ele1.Expression);
        var corrected = InvariantEngine.Get(ele1 with { Key = "ele-1-engine", Expression = InvariantEngine.KnownDefects.Single(d => d.Key == "ele-1").Corrected });
        corrected.Compiled.ShouldNotBeNull();
        // Over every element of the fixtures, plus an element with only an id: the engine and the native check agree.
        foreach (var json in new[] { Fixtures.SlotJson, Fixtures.PatientJson, Fixtures.AppointmentJson, Fixtures.SlotJson.Replace("{ \"reference\": \"Schedule/14\" }", "{ \"id\": \"x\" }") })
        {
            var root = Fixtures.Parse(json);
            var engineRoot = InvariantEngine.ToEngine(root, ProfileValidator.CreateDefault().TypesOf(root));
            var engineFailing = Hl7.Fhir.ElementModel.TypedElementExtensions.Descendants(engineRoot).Cast<Hl7.Fhir.Model.PocoNode>()
                .Where(n => !Hl7.FhirPath.CompiledExpressionExtensions.Predicate(corrected.Compiled!, n, InvariantEngine.Context(engineRoot, engineRoot)))
                .Select(n => ((Hl7.Fhir.ElementModel.ITypedElement)n).Location).ToList();
            var nativeFailing = Descendants(root).Where(n => n.Value is null && !n.Children().Any(c => c.Name != "id")).Select(n => n.Path).ToList();
            engineFailing.Count.ShouldBe(nativeFailing.Count, $"engine: {string.Join(", ", engineFailing)}; native: {string.Join(", ", nativeFailing)}");
        }
    }

    [Fact]
    public void Corrected_ele_1_catches_an_element_with_only_an_id()
    {
        var root = Fixtures.Parse(Fixtures.SlotJson.Replace("{ \"reference\": \"Schedule/14\" }", "{ \"id\": \"x\" }"));
        ProfileValidator.CreateDefault().ValidateDeclared(root).Findings.Select(f => f.Rule).ShouldContain("ele-1");
    }

    [Fact]
    public void Invariants_can_be_switched_off()
    {
        var root = Fixtures.Parse(Fixtures.AppointmentJson.Replace("\"reference\": \"#1\"", "\"reference\": \"Organization/1\""));
        ProfileValidator.CreateDefault().ValidateDeclared(root).Findings.Select(f => f.Rule).ShouldBe(new[] { "dom-3" });
        ProfileValidator.CreateDefault(new ValidatorOptions { EvaluateInvariants = false }).ValidateDeclared(root).Findings.ShouldBeEmpty();
    }

    private static IEnumerable<ElementNode> Descendants(ElementNode n)
    {
        foreach (var c in n.Children())
        {
            yield return c;
            foreach (var d in Descendants(c)) yield return d;
        }
    }
}
