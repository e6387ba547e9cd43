using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests;

/// <summary>The suite's own feature files and step definitions fit together (what the CLI's --dry-run checks).</summary>
public sealed class SuiteBindingTests
{
    [Fact]
    public void The_step_definitions_have_no_problems() => ConformanceSession.Bindings.Problems.ShouldBeEmpty();

    [Fact]
    public void Every_feature_file_loads() =>
        SuiteUnderTest.Catalog.Errors.Select(e => e.ToString()).ShouldBeEmpty();

    [Fact]
    public void Every_step_of_every_feature_binds_to_exactly_one_step_definition()
    {
        var run = ConformanceRun.DryRun(SuiteUnderTest.Settings(), SuiteUnderTest.Catalog);

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
