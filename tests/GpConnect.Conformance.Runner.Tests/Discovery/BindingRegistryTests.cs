namespace GpConnect.Conformance.Runner.Tests.Discovery;

public class BindingRegistryTests
{
    [Binding]
    public sealed class DiscoverableSteps
    {
        [Given("^a discoverable step$")]
        public void Discoverable() { }

        [When("a (red|blue) light")]
        [Then("the light is (red|blue)")]
        public void Light(string colour) { }

        [BeforeScenario("wip", "@slow", Order = 5)]
        public void ScopedHook() { }
    }

    public static class StaticHooks
    {
        [BeforeTestRun]
        public static void Start() { }
    }

    public abstract class StepsBase
    {
        [Given("^an inherited step$")]
        public void Inherited() { }
    }

    public sealed class DerivedSteps : StepsBase;

    public sealed class BrokenSteps
    {
        [Given("^unbalanced ($")]
        public void BadRegex() { }

        [Given("^(\\d+) and (\\d+)$")]
        public void TooFewParameters(int a) { }

        [Given("^takes an object (.*)$")]
        public void UnsupportedType(object value) { }

        [Given("^extra$")]
        public void ExtraParameterNotTableOrString(int value) { }

        [Given("^hidden$")]
        internal void NotPublic() { }

        [BeforeTestRun]
        public void InstanceRunHook() { }
    }

    [Fact]
    public void FromAssemblies_finds_binding_classes_their_steps_and_hooks()
    {
        var registry = BindingRegistry.FromAssemblies(typeof(BindingRegistryTests).Assembly);

        registry.BindingTypes.ShouldContain(typeof(DiscoverableSteps));
        registry.BindingTypes.ShouldNotContain(typeof(BrokenSteps)); // no [Binding]
        registry.Steps.Where(s => s.BindingType == typeof(DiscoverableSteps)).Select(s => (s.Kind, s.Pattern)).ShouldBe(
            [(StepKind.Given, "^a discoverable step$"), (StepKind.When, "a (red|blue) light"), (StepKind.Then, "the light is (red|blue)")],
            ignoreOrder: true);
        var hook = registry.Hooks.Single(h => h.BindingType == typeof(DiscoverableSteps));
        (hook.Kind, hook.Order).ShouldBe((HookKind.BeforeScenario, 5));
        hook.Tags.ShouldBe(["@wip", "@slow"]);
        hook.AppliesTo(["@slow"]).ShouldBeTrue();
        hook.AppliesTo(["@other"]).ShouldBeFalse();
    }

    [Fact]
    public void Patterns_are_anchored_at_both_ends_and_matched_per_kind()
    {
        var registry = BindingRegistry.FromTypes(typeof(DiscoverableSteps));

        registry.FindMatches(StepKind.When, "a red light").ShouldHaveSingleItem().Match.Groups[1].Value.ShouldBe("red");
        registry.FindMatches(StepKind.When, "a red light again").ShouldBeEmpty();
        registry.FindMatches(StepKind.When, "not a red light").ShouldBeEmpty();
        registry.FindMatches(StepKind.Given, "a red light").ShouldBeEmpty();
        registry.FindMatches(StepKind.Then, "the light is blue").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("a|b", "a", true)]
    [InlineData("a|b", "ab", false)]
    [InlineData("^costs \\$$", "costs $", true)]
    [InlineData("^x$", "x", true)]
    public void Anchoring_keeps_the_pattern_meaning(string pattern, string text, bool matches)
    {
        new System.Text.RegularExpressions.Regex(BindingRegistry.Anchor(pattern)).IsMatch(text).ShouldBe(matches);
    }

    [Fact]
    public void Static_classes_and_inherited_steps_are_bound()
    {
        var registry = BindingRegistry.FromTypes(typeof(StaticHooks), typeof(DerivedSteps), typeof(StepsBase));

        registry.Problems.ShouldBeEmpty();
        registry.Hooks.ShouldHaveSingleItem().Kind.ShouldBe(HookKind.BeforeTestRun);
        var step = registry.Steps.ShouldHaveSingleItem();
        step.BindingType.ShouldBe(typeof(DerivedSteps));
        step.Name.ShouldBe("DerivedSteps.Inherited");
    }

    [Fact]
    public void Signature_problems_are_listed_with_the_method_and_reason()
    {
        var registry = BindingRegistry.FromTypes(typeof(BrokenSteps));

        registry.Problems.Count.ShouldBe(6);
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.BadRegex: the regex \"^unbalanced ($\"") && p.Contains("invalid"));
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.TooFewParameters") && p.Contains("captures 2 group(s) but the method takes 1 parameter(s)"));
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.UnsupportedType") && p.Contains("parameter 'value' has type Object"));
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.ExtraParameterNotTableOrString") && p.Contains("must be a Table (data table) or a string (doc string)"));
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.NotPublic") && p.Contains("must be public"));
        registry.Problems.ShouldContain(p => p.StartsWith("BrokenSteps.InstanceRunHook") && p.Contains("must be static"));
        registry.Hooks.ShouldBeEmpty();
        registry.Steps.Where(s => s.Problem is null).ShouldBeEmpty();
    }
}
