using GpConnect.Conformance.Fhir.Parsing;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Fhir;

/// <summary>Parses FHIR STU3 JSON or XML into the format-neutral <see cref="ElementNode"/> tree. Never throws on bad input.</summary>
public static class FhirParser
{
    /// <summary>
    /// Parses <paramref name="text"/>. When <paramref name="format"/> is null the format is sniffed from the first
    /// non-blank character (<c>&lt;</c> means XML, anything else JSON).
    /// </summary>
    public static ParseResult Parse(string text, FhirFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var fmt = format ?? Sniff(text);
        var findings = new List<ValidationFinding>();
        ElementNode? root;
        try
        {
            root = fmt == FhirFormat.Json ? JsonTreeReader.Read(text, findings) : XmlTreeReader.Read(text, findings);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.internal", null, null,
                $"The body could not be parsed: {ex.Message}"));
            root = null;
        }
        if (root is not null) PathAssigner.Assign(root);
        return new ParseResult(root, findings, fmt);
    }

    /// <summary>Guesses the format of a body from its first non-blank character.</summary>
    public static FhirFormat Sniff(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\uFEFF') continue;
            return ch == '<' ? FhirFormat.Xml : FhirFormat.Json;
        }
        return FhirFormat.Json;
    }
}
