namespace GpConnect.Conformance.Reporting.Coverage;

/// <summary>A numbered provider obligation.</summary>
/// <param name="Id">E.g. "CORE-001", "FND-012", "APT-040", "TKT-032" (upper-case).</param>
/// <param name="Summary">The obligation as one line.</param>
/// <param name="Source">Where it comes from: the public specification page and section, or the release-note ticket.</param>
/// <param name="Classification">Its level (SHALL, SHOULD, MAY, INFO) or, for checklist text, the bracketed marker after the id; else null.</param>
/// <param name="Versions">The GP Connect versions it applies to, e.g. "1.2.3, 1.2.4, 1.2.7"; null when not stated.</param>
public sealed record Obligation(string Id, string Summary, string Source, string? Classification = null, string? Versions = null);
