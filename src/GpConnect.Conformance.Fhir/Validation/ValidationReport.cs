using System.Text;

namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>The findings of one validation.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a report over <paramref name="findings"/>.</summary>
    public ValidationReport(IReadOnlyList<ValidationFinding> findings) => Findings = findings;

    /// <summary>All findings, in the order found.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    /// <summary>True when no finding is an error.</summary>
    public bool IsValid => !Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>The error findings.</summary>
    public IEnumerable<ValidationFinding> Errors => Findings.Where(f => f.Severity == FindingSeverity.Error);

    /// <summary>The warning findings.</summary>
    public IEnumerable<ValidationFinding> Warnings => Findings.Where(f => f.Severity == FindingSeverity.Warning);

    /// <summary>A report holding the findings of both.</summary>
    public ValidationReport Concat(ValidationReport other) => new(Findings.Concat(other.Findings).ToList());

    /// <summary>One line per finding.</summary>
    public override string ToString()
    {
        if (Findings.Count == 0) return "valid: no findings";
        var sb = new StringBuilder();
        foreach (var f in Findings) sb.AppendLine(f.ToString());
        return sb.ToString();
    }
}
