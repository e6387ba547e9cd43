using GpConnect.Conformance.Client;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// A provider's answer to one request: the captured HTTP exchange plus its body parsed (once, on demand) into the
/// format-neutral FHIR element tree. Checks read from here; nothing here decides pass or fail.
/// </summary>
public sealed class ProviderResponse
{
    private readonly Lazy<ParseResult?> _parsed;

    public ProviderResponse(HttpExchange exchange)
    {
        Exchange = exchange;
        _parsed = new Lazy<ParseResult?>(() =>
            exchange.HasResponse && !string.IsNullOrWhiteSpace(exchange.ResponseBody) ? FhirParser.Parse(exchange.ResponseBody) : null);
    }

    public HttpExchange Exchange { get; }
    public int? StatusCode => Exchange.StatusCode;
    public bool HasResponse => Exchange.HasResponse;

    /// <summary>The body parsed as FHIR; null when there is no body.</summary>
    public ParseResult? Parsed => _parsed.Value;

    /// <summary>The resource at the root of the body, or null when the body is absent or could not be parsed.</summary>
    public ElementNode? Resource => Parsed?.Root;

    /// <summary>Parse problems (malformed JSON/XML, wrong root) as findings.</summary>
    public IReadOnlyList<ValidationFinding> ParseFindings => Parsed?.Findings ?? [];

    /// <summary>Resources in <c>Bundle.entry.resource</c> of the given type (all types when null).</summary>
    public IReadOnlyList<ElementNode> BundleEntries(string? resourceType = null) =>
        Resource is null
            ? []
            : Resource.Select("entry.resource").Where(r => resourceType is null || r.ResourceType == resourceType).ToList();

    /// <summary>One line saying what came back, for failure messages.</summary>
    public string Describe() => Exchange.ToString();
}
