using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.Conformance.Runner;
using Reqnroll;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests;

/// <summary>The suite's own feature files and step definitions fit together (what the CLI's --dry-run checks).</summary>
public sealed class SuiteBindingTests
{
    [Fact]
    public async Task The_step_definitions_have_no_problems()
    {
        await using var runner = new ScenarioRunner(ConformanceSession.RunnerOptions(SuiteUnderTest.Settings()) with { DryRun = true });
        (await runner.BindingProblemsAsync()).ShouldBeEmpty();
    }

    /// <summary>
    /// Reqnroll reads a pattern that is not anchored and has no regex-looking part as a Cucumber expression, where
    /// "(a|b)", "(?:…)" or "an?" mean something else. Every step pattern of the suite is an anchored regex (^…$) or says
    /// explicitly which kind it is, so a step added later cannot silently change meaning.
    /// </summary>
    [Fact]
    public void Every_step_pattern_is_an_anchored_regex_or_names_its_expression_type()
    {
        var loose = StepPatterns.Unanchored(ConformanceSession.BindingAssembly);
        loose.ShouldBeEmpty("Anchor these step patterns with ^…$ (or set ExpressionType explicitly)");
        StepPatterns.All(ConformanceSession.BindingAssembly).Count().ShouldBeGreaterThan(200);
    }

    [Fact]
    public void The_pattern_check_catches_an_unanchored_pattern() =>
        StepPatterns.Unanchored(typeof(SuiteBindingTests).Assembly).ShouldBe(["UnanchoredExample.Loose: the consumer sends (a|an) request"]);

    [Fact]
    public void Every_feature_file_loads() =>
        SuiteUnderTest.Catalog.Errors.Select(e => e.ToString()).ShouldBeEmpty();

    [Fact]
    public async Task Every_step_of_every_feature_binds_to_exactly_one_step_definition()
    {
        var run = await ConformanceRun.DryRunAsync(SuiteUnderTest.Settings(), SuiteUnderTest.Catalog);

        run.Scenarios.ShouldNotBeEmpty();
        run.Scenarios.Where(s => s.Status == ScenarioStatus.Failed)
            .Select(s => $"{s.Scenario.Id}: {string.Join("; ", s.Steps.Where(x => x.Status != StepStatus.Skipped).Select(x => $"{x.Status} {x.Text}"))}")
            .ShouldBeEmpty();
    }

    [Fact]
    public void Every_scenario_names_the_requirement_it_covers_and_when_it_applies()
    {
        var missing = SuiteUnderTest.Catalog.Scenarios
            .Where(s => !s.Info.Tags.Any(t => t.StartsWith("@not-provider-testable", StringComparison.Ordinal))
                        && (!s.Info.Tags.Any(IsObligation) || !s.Info.Tags.Any(t => t.StartsWith("@since-", StringComparison.Ordinal))))
            .Select(s => s.Info.Id)
            .ToList();

        missing.ShouldBeEmpty("Each scenario needs an obligation id tag (@CORE-/@FND-/@APT-/@TKT-nnn) and a @since-1.2.N tag");
    }

    private static bool IsObligation(string tag) =>
        tag.StartsWith("@CORE-", StringComparison.Ordinal) || tag.StartsWith("@FND-", StringComparison.Ordinal)
        || tag.StartsWith("@APT-", StringComparison.Ordinal) || tag.StartsWith("@TKT-", StringComparison.Ordinal);
}

/// <summary>Reads the step patterns of an assembly's [Binding] classes.</summary>
public static class StepPatterns
{
    public static IEnumerable<(string Method, StepDefinitionBaseAttribute Attribute)> All(System.Reflection.Assembly assembly) =>
        from type in assembly.GetTypes()
        where type.IsDefined(typeof(BindingAttribute), inherit: false)
        from method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
                                       System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
        from attribute in method.GetCustomAttributes(typeof(StepDefinitionBaseAttribute), inherit: false).Cast<StepDefinitionBaseAttribute>()
        select ($"{type.Name}.{method.Name}", attribute);

    /// <summary>"Type.Method: pattern" for each pattern that is neither ^…$-anchored nor given an explicit expression type.</summary>
    public static IReadOnlyList<string> Unanchored(System.Reflection.Assembly assembly) =>
        All(assembly)
            .Where(p => p.Attribute.ExpressionType == ExpressionType.Unspecified
                        && (p.Attribute.Expression is null || !p.Attribute.Expression.StartsWith('^') || !p.Attribute.Expression.EndsWith('$')))
            .Select(p => $"{p.Method}: {p.Attribute.Expression}")
            .ToList();
}

/// <summary>The one deliberately loose pattern, so the check above is seen to fail (never bound: this assembly is not a binding assembly of any run).</summary>
[Binding]
public sealed class UnanchoredExample
{
    [When("the consumer sends (a|an) request")]
    public void Loose(string article) => _ = article;
}
