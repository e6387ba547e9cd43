using GpConnect.Conformance.Runner;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// Test data a scenario would consume is used up (free slots, registrable patients): the scenario is skipped, never
/// failed, with one line naming the config key or the data to add. The summary counts these skips by their prefix.
/// </summary>
public static class DataExhausted
{
    /// <summary>Every such skip reason starts with this, so reports can count them.</summary>
    public const string Prefix = "Test data used up: ";

    public static ScenarioSkippedException Skip(string whatToAdd) => new(Prefix + whatToAdd);

    /// <summary>True for a skip reason written by <see cref="Skip"/>.</summary>
    public static bool IsReason(string? message) => message is not null && message.StartsWith(Prefix, StringComparison.Ordinal);
}
