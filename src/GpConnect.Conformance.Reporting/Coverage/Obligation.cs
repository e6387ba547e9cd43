namespace GpConnect.Conformance.Reporting.Coverage;

/// <summary>A numbered provider obligation from a requirements digest.</summary>
/// <param name="Id">E.g. "CORE-001", "FND-012", "APT-040", "TKT-032" (upper-case).</param>
/// <param name="Summary">The obligation's text as one line.</param>
/// <param name="Source">The digest it came from, e.g. "core.md".</param>
/// <param name="Classification">The bracketed marker after the id when present, e.g. "E", "SPEC", "MUST · BASE"; else null.</param>
public sealed record Obligation(string Id, string Summary, string Source, string? Classification = null);
