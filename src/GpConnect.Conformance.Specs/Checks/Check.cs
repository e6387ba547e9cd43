using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Checks;

/// <summary>
/// Collects the broken rules of one check. Checks are plain functions that return failures (so unit tests can look
/// at them); step definitions call <see cref="ThrowIfFailed"/> to fail the step with every broken rule listed.
/// A check may also carry <see cref="Warnings"/>: findings that do not fail (a SHOULD-level rule, an answer NHS assurance
/// accepts where the spec pages say otherwise). Those are settled with <see cref="Settle"/>, which records them on the
/// scenario and then fails on the broken rules, so a warning is never silently dropped.
/// </summary>
public sealed class Check
{
    private readonly List<CheckFailure> _failures = [];
    private readonly List<CheckFailure> _warnings = [];

    public IReadOnlyList<CheckFailure> Failures => _failures;
    public IReadOnlyList<CheckFailure> Warnings => _warnings;
    public bool Passed => _failures.Count == 0;

    public Check Fail(string rule, string? path, string? expected, string? actual, string message)
    {
        _failures.Add(new CheckFailure(rule, path, expected, actual, message));
        return this;
    }

    /// <summary>Records a finding a person should read that does not fail the check.</summary>
    public Check Warn(string rule, string? path, string? expected, string? actual, string message)
    {
        _warnings.Add(new CheckFailure(rule, path, expected, actual, message));
        return this;
    }

    public Check Add(IEnumerable<CheckFailure> failures)
    {
        _failures.AddRange(failures);
        return this;
    }

    /// <summary>Adds another check's failures and warnings to this one.</summary>
    public Check Add(Check other)
    {
        _failures.AddRange(other._failures);
        _warnings.AddRange(other._warnings);
        return this;
    }

    /// <summary>Fails the step when any rule is broken.</summary>
    /// <exception cref="InvalidOperationException">The check carries warnings: settle it with <see cref="Settle"/> instead.</exception>
    public void ThrowIfFailed()
    {
        if (_warnings.Count > 0)
            throw new InvalidOperationException(
                $"This check has {_warnings.Count} warning(s) ({string.Join("; ", _warnings.Select(w => w.Rule))}); the step must settle it with Check.Settle(findings) so they reach the report.");
        if (_failures.Count > 0) throw new ConformanceCheckException(_failures);
    }

    /// <summary>Records the warnings on the scenario, then fails the step when any rule is broken.</summary>
    public void Settle(Domain.ScenarioFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var warning in _warnings) findings.Warn(warning);
        if (_failures.Count > 0) throw new ConformanceCheckException(_failures);
    }

    public static void ThrowIfAny(IReadOnlyList<CheckFailure> failures)
    {
        if (failures.Count > 0) throw new ConformanceCheckException(failures);
    }
}
