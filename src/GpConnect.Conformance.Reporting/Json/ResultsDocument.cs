namespace GpConnect.Conformance.Reporting.Json;

// The on-disk shape of results.json, schema version 1 (documented in reports/README.md).
// Property names are camelCase on disk; nulls are omitted. Add fields only; never rename or remove within a version.

internal sealed class ResultsDocument
{
    public int SchemaVersion { get; set; }
    public bool Complete { get; set; }
    public DateTimeOffset Started { get; set; }
    public DateTimeOffset Finished { get; set; }
    public List<NameValue> Metadata { get; set; } = [];
    public TotalsDto Totals { get; set; } = new();
    public List<FeatureErrorDto> FeatureErrors { get; set; } = [];
    public List<ScenarioDto> Scenarios { get; set; } = [];
}

internal sealed class NameValue
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}

internal sealed class TotalsDto
{
    public int Scenarios { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
    public int NotApplicable { get; set; }
    public int Waived { get; set; }
    public int Warning { get; set; }
    public int FeatureErrors { get; set; }
}

internal sealed class FeatureErrorDto
{
    public string File { get; set; } = "";
    public int Line { get; set; }
    public int Column { get; set; }
    public string Message { get; set; } = "";
}

internal sealed class ScenarioDto
{
    public string Id { get; set; } = "";
    public string FeatureFile { get; set; } = "";
    public string FeatureName { get; set; } = "";
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int Line { get; set; }
    public string? ExampleRow { get; set; }
    public List<string> Tags { get; set; } = [];
    public string Status { get; set; } = "";
    public string? Message { get; set; }
    public DateTimeOffset Started { get; set; }
    public double DurationMs { get; set; }
    public List<FailureDto> Failures { get; set; } = [];
    public List<FailureDto>? Warnings { get; set; }
    public List<StepDto> Steps { get; set; } = [];
    public List<EvidenceDto> Evidence { get; set; } = [];
}

internal sealed class FailureDto
{
    public string Rule { get; set; } = "";
    public string? Path { get; set; }
    public string? Expected { get; set; }
    public string? Actual { get; set; }
    public string Message { get; set; } = "";
}

internal sealed class StepDto
{
    public string Keyword { get; set; } = "";
    public string Text { get; set; } = "";
    public int Line { get; set; }
    public string Status { get; set; } = "";
    public double DurationMs { get; set; }
    public string? Message { get; set; }
    public string? Snippet { get; set; }
}

internal sealed class EvidenceDto
{
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public string? Method { get; set; }
    public string? Url { get; set; }
    public int? StatusCode { get; set; }
    public double? DurationMs { get; set; }
    public DateTimeOffset? Started { get; set; }
    public string? TransportError { get; set; }
    public List<NameValue>? RequestHeaders { get; set; }
    public string? RequestBody { get; set; }
    public List<NameValue>? ResponseHeaders { get; set; }
    public string? ResponseBody { get; set; }
    public bool? Truncated { get; set; }
}
