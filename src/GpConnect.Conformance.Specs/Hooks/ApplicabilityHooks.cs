using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Hooks;

/// <summary>
/// Decides before any step runs whether a scenario applies to this target: @since-1.2.N / @until-1.2.N against the
/// configured spec version, and @not-provider-testable tickets. Those that do not apply are reported "not applicable",
/// never "passed".
/// </summary>
[Binding]
public sealed class ApplicabilityHooks(SpecVersionExpectations expectations, ConformanceScenario scenario)
{
    [BeforeScenario(Order = 0)]
    public void SkipWhatDoesNotApply()
    {
        if (Applicability.Decide(scenario.ScenarioInfo.Tags, expectations.SpecVersion) is { } reason)
            throw new ScenarioNotApplicableException(reason);
    }
}

/// <summary>The applicability rules, as a pure function (unit-tested).</summary>
public static class Applicability
{
    /// <summary>Null when the scenario applies; otherwise why it does not.</summary>
    public static string? Decide(IEnumerable<string> tags, string targetVersion)
    {
        var target = Version.Parse(targetVersion);
        foreach (var tag in tags)
        {
            if (tag.Equals("@not-provider-testable", StringComparison.OrdinalIgnoreCase))
                return "Not provider-testable: the ticket changes nothing a provider does (see the feature description).";
            if (TryVersion(tag, "@since-", out var since) && target < since)
                return $"Applies from GP Connect {since}; the target is {targetVersion}.";
            if (TryVersion(tag, "@until-", out var until) && target > until)
                return $"Applies up to GP Connect {until}; the target is {targetVersion}.";
        }
        return null;
    }

    private static bool TryVersion(string tag, string prefix, out Version version)
    {
        version = new Version();
        return tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Version.TryParse(tag[prefix.Length..], out version!);
    }
}
