namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>One problem found while parsing or validating a resource.</summary>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Path">FHIRPath-style location with indices, e.g. <c>Bundle.entry[2].resource.serviceType[1]</c>.</param>
/// <param name="Rule">Stable rule id, e.g. <c>cardinality.max</c>, <c>binding.required</c>, <c>format.dateTime</c>.</param>
/// <param name="Expected">What the profile or FHIR expects, when it can be stated.</param>
/// <param name="Actual">What the resource holds, when it can be stated.</param>
/// <param name="Message">A sentence that reads well in a report.</param>
public sealed record ValidationFinding(FindingSeverity Severity, string Path, string Rule, string? Expected, string? Actual, string Message)
{
    /// <summary>Source line (1-based) where known.</summary>
    public int? Line { get; init; }

    /// <summary>Source column (1-based) where known.</summary>
    public int? Column { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is null ? "" : $" (line {Line}{(Column is null ? "" : $", col {Column}")})";
        return $"{Severity.ToString().ToLowerInvariant()} [{Rule}] {Message}{where}";
    }
}
