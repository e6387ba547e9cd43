using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Validation.Rules;

/// <summary>What a rule sees: one node, the definition it was matched to, its type and the profile being applied.</summary>
internal readonly record struct ElementVisit(
    ElementNode Node,
    ElementDefinitionInfo Definition,
    string? Type,
    string ProfileName,
    DefinitionSet Definitions,
    ValidatorOptions Options);

/// <summary>A small, self-contained check applied to every element the validator visits.</summary>
internal interface IElementRule
{
    void Check(in ElementVisit visit, FindingSink sink);
}

/// <summary>Collects findings, taking positions from nodes.</summary>
internal sealed class FindingSink
{
    public List<ValidationFinding> Findings { get; } = new();

    public void Add(FindingSeverity severity, ElementNode? at, string path, string rule, string? expected, string? actual, string message) =>
        Findings.Add(new ValidationFinding(severity, path, rule, expected, actual, message) { Line = at?.Line, Column = at?.Column });

    public void Error(ElementNode at, string rule, string? expected, string? actual, string message) =>
        Add(FindingSeverity.Error, at, at.Path, rule, expected, actual, message);

    public void Warning(ElementNode at, string rule, string? expected, string? actual, string message) =>
        Add(FindingSeverity.Warning, at, at.Path, rule, expected, actual, message);
}
