using System.Globalization;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Model;

/// <summary>One-line texts every report uses for a scenario's failure and an HTTP exchange.</summary>
public static class ScenarioText
{
    /// <summary>The first line of the first CheckFailure's message, else of the scenario message, else of the failed step's.</summary>
    public static string FirstFailureMessage(ScenarioResult r) =>
        FirstLine(r.Failures.FirstOrDefault()?.Message ?? r.Message
            ?? r.Steps.FirstOrDefault(s => s.Status == StepStatus.Failed)?.Message ?? "Scenario failed");

    /// <summary>"GET https://… → 200 (123 ms)" or "GET https://… → no response: &lt;error&gt;".</summary>
    public static string StatusLine(HttpExchangeEvidence h) =>
        h.StatusCode is { } code
            ? $"{h.Method} {h.Url} → {code} ({h.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
            : $"{h.Method} {h.Url} → no response: {h.TransportError ?? "unknown transport error"}";

    /// <summary>Text up to the first line break.</summary>
    public static string FirstLine(string text)
    {
        var i = text.IndexOfAny(['\r', '\n']);
        return i < 0 ? text : text[..i];
    }
}
