namespace GpConnect.Conformance.Reporting.Model;

/// <summary>One scenario's change between two spec versions, as report.html shows it.</summary>
/// <param name="ScenarioId">The scenario id (feature file:line), to link to its result.</param>
/// <param name="Scenario">Feature — scenario name.</param>
/// <param name="Change">"Starts applying", "Stops applying" or "Expectation flips".</param>
/// <param name="Detail">What changes, e.g. "CapabilityStatement.version (value): 1.2.3 → 1.2.7".</param>
/// <param name="Ticket">The release-note ticket behind it, e.g. "#905".</param>
public sealed record VersionImpactLine(string ScenarioId, string Scenario, string Change, string Detail, string Ticket);

/// <summary>What moving from the compared run's spec version to this run's changes, per scenario.</summary>
public sealed record VersionImpactReport(string From, string To, IReadOnlyList<VersionImpactLine> Lines);
