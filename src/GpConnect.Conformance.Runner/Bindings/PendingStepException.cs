namespace GpConnect.Conformance.Runner;

/// <summary>
/// Thrown by a step whose body is not written yet (generated snippets throw it). The step is reported Pending and
/// its scenario fails: an unfinished step never counts as a pass.
/// </summary>
public sealed class PendingStepException(string? message = null)
    : Exception(message ?? "This step is not implemented yet (pending).");
