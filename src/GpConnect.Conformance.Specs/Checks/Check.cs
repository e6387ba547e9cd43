using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Specs.Checks;

/// <summary>
/// Collects the broken rules of one check. Checks are plain functions that return failures (so unit tests can look
/// at them); step definitions call <see cref="ThrowIfFailed"/> to fail the step with every broken rule listed.
/// </summary>
public sealed class Check
{
    private readonly List<CheckFailure> _failures = [];

    public IReadOnlyList<CheckFailure> Failures => _failures;
    public bool Passed => _failures.Count == 0;

    public Check Fail(string rule, string? path, string? expected, string? actual, string message)
    {
        _failures.Add(new CheckFailure(rule, path, expected, actual, message));
        return this;
    }

    public Check Add(IEnumerable<CheckFailure> failures)
    {
        _failures.AddRange(failures);
        return this;
    }

    public void ThrowIfFailed()
    {
        if (_failures.Count > 0) throw new ConformanceCheckException(_failures);
    }

    public static void ThrowIfAny(IReadOnlyList<CheckFailure> failures)
    {
        if (failures.Count > 0) throw new ConformanceCheckException(failures);
    }
}
