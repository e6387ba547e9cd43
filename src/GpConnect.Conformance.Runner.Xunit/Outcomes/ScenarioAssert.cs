using System.Text;
using GpConnect.Conformance.Runner.Results;
using Xunit.v3;

namespace GpConnect.Conformance.Runner.Xunit;

/// <summary>Maps a <see cref="ScenarioResult"/> onto an xUnit outcome.</summary>
public static class ScenarioAssert
{
    /// <summary>
    /// Passed returns; Failed throws <see cref="ScenarioFailedException"/> (message, broken rules, the failed step and its
    /// snippet); Skipped, NotApplicable and Waived skip the test dynamically with the reason; Warning passes and writes
    /// its findings to the test's output.
    /// </summary>
    public static void Outcome(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case ScenarioStatus.Passed:
                return;
            case ScenarioStatus.Warning:
                global::Xunit.TestContext.Current?.TestOutputHelper?.WriteLine(WarningMessage(result));
                return;
            case ScenarioStatus.Failed:
                throw new ScenarioFailedException(FailureMessage(result));
            case ScenarioStatus.Skipped:
                throw new ScenarioSkipException(result.Message ?? "skipped");
            case ScenarioStatus.NotApplicable:
                throw new ScenarioSkipException("Not applicable: " + (result.Message ?? "no reason given"));
            case ScenarioStatus.Waived:
                throw new ScenarioSkipException("Waived: " + (result.Message ?? "no reason given"));
            default:
                throw new ScenarioFailedException($"Unknown scenario status {result.Status}.");
        }
    }

    /// <summary>The failure text: message, broken rules, then the steps with the first non-passing one marked.</summary>
    public static string FailureMessage(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine($"{result.Scenario.Id}: {result.Message ?? "failed"}");
        foreach (var failure in result.Failures)
        {
            text.Append($"  - [{failure.Rule}]");
            if (failure.Path is not null) text.Append($" at {failure.Path}");
            if (failure.Expected is not null || failure.Actual is not null)
                text.Append($" expected {failure.Expected ?? "(none)"}, got {failure.Actual ?? "(none)"}");
            text.AppendLine($": {failure.Message}");
        }
        text.Append(StepLog(result));
        var failed = result.Steps.FirstOrDefault(s => s.Status is not (StepStatus.Passed or StepStatus.Skipped));
        if (failed?.Snippet is not null)
        {
            text.AppendLine().AppendLine("Snippet for the undefined step:");
            text.AppendLine(failed.Snippet);
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The findings of a scenario that passed with warnings, one line each.</summary>
    public static string WarningMessage(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder().AppendLine($"{result.Scenario.Id}: passed with {result.Warnings.Count} warning(s)");
        foreach (var w in result.Warnings) text.AppendLine($"  - [{w.Rule}] {w.Message}");
        return text.ToString().TrimEnd();
    }

    /// <summary>One line per step: status, keyword, text, line, and message when there is one.</summary>
    public static string StepLog(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        foreach (var step in result.Steps)
        {
            text.Append($"  {step.Status,-9} {step.Keyword} {step.Text} (line {step.Line})");
            if (step.Message is not null && step.Status != StepStatus.Passed) text.Append($" — {step.Message}");
            text.AppendLine();
        }
        return text.ToString();
    }
}

/// <summary>A scenario (or feature file) failed; reported by xUnit as an assertion failure.</summary>
public sealed class ScenarioFailedException(string message) : Exception(message), IAssertionException;

/// <summary>
/// xUnit v3 classifies a failure as an assertion (not an error) when the exception implements an interface with this
/// name, whatever its namespace; declaring it here avoids a dependency on xunit.v3.assert.
/// </summary>
internal interface IAssertionException;

/// <summary>Skips the running test with a reason (xUnit v3 dynamic skip contract).</summary>
public sealed class ScenarioSkipException(string reason) : Exception(DynamicSkipToken.Value + reason)
{
    /// <summary>The skip reason shown by the test runner.</summary>
    public string Reason { get; } = reason;
}
