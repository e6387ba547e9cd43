using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Fhir;

/// <summary>The outcome of parsing a FHIR body: the element tree (when one could be built) and any findings.</summary>
public sealed class ParseResult
{
    internal ParseResult(ElementNode? root, IReadOnlyList<ValidationFinding> findings, FhirFormat format)
    {
        Root = root;
        Findings = findings;
        Format = format;
    }

    /// <summary>The root resource node, or null when the body could not be read at all.</summary>
    public ElementNode? Root { get; }

    /// <summary>Problems found while parsing (malformed JSON/XML, duplicate keys, wrong root, ...), with line/column.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; }

    /// <summary>The format that was parsed (sniffed when not given).</summary>
    public FhirFormat Format { get; }

    /// <summary>True when a tree was built and no parse finding is an error.</summary>
    public bool Success => Root is not null && !Findings.Any(f => f.Severity == FindingSeverity.Error);
}
