using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// The findings of one scenario that do not fail it: SHOULD-level rules not met and divergences NHS assurance accepts
/// (docs/expectations.md). A scenario that would pass but has findings ends as <see cref="ScenarioStatus.Warning"/>.
/// One per scenario (Reqnroll context injection, over the project's <see cref="ConformanceScenario"/>); steps reach it through <see cref="Checks.Check.Settle"/>. This is the only
/// place that hands warnings to the test engine, so changing engine touches this class alone.
/// </summary>
public sealed class ScenarioFindings(ConformanceScenario scenario)
{
    /// <summary>The warnings recorded so far in this scenario.</summary>
    public IReadOnlyList<CheckFailure> Warnings => scenario.Warnings;

    /// <summary>Records one finding.</summary>
    public void Warn(CheckFailure finding) => scenario.AddWarning(finding);
}
