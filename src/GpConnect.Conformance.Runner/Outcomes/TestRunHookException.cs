namespace GpConnect.Conformance.Runner;

/// <summary>A [BeforeTestRun] or [AfterTestRun] hook failed; the message names the hook(s) and why.</summary>
public sealed class TestRunHookException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
