using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>The two FHIR wire formats this provider speaks.</summary>
internal enum FhirFormat { Json, Xml }

/// <summary>
/// Chooses the response format (spec: FHIR API guidance: content types): <c>_format</c> wins over <c>Accept</c>; with neither, a request
/// <c>Content-Type</c> decides; otherwise JSON. A requested format the provider cannot produce is refused with 415.
/// </summary>
internal sealed class FormatNegotiator(ActiveFaults faults)
{
    public const string JsonMediaType = "application/fhir+json";
    public const string XmlMediaType = "application/fhir+xml";

    /// <summary>Picks the format for the response, or throws 415 UNSUPPORTED_MEDIA_TYPE.</summary>
    public FhirFormat Negotiate(HttpRequest request)
    {
        var chosen = Choose(request);
        // The XML waiver covers XML asked for by Accept or _format; a body's Content-Type has its own rule.
        var askedFor = request.Headers.ContainsKey("Accept") || request.Query.ContainsKey("_format");
        return chosen == FhirFormat.Xml && askedFor && faults.Waives(ProviderRule.XmlServed) ? FhirFormat.Json : chosen;
    }

    private FhirFormat Choose(HttpRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.ContentType) && FromMediaType(request.ContentType) is null)
        {
            Refuse($"Request Content-Type '{request.ContentType}' is not a supported format ({JsonMediaType}, {XmlMediaType}).");
        }
        var accept = request.Headers.Accept.ToString();
        var acceptFirst = faults.Waives(ProviderRule.FormatParameterWinsOverAccept) && !string.IsNullOrWhiteSpace(accept);
        if (!acceptFirst && request.Query.TryGetValue("_format", out var format) && format.Count > 0)
        {
            // An unencoded '+' in the query string arrives as a space.
            var value = (format[0] ?? "").Replace(' ', '+');
            return FromMediaType(value) ?? Refuse($"_format '{value}' is not a supported format ({JsonMediaType}, {XmlMediaType}).");
        }
        if (!string.IsNullOrWhiteSpace(accept))
        {
            var candidates = accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select((value, index) => (Value: value, Index: index, Quality: Quality(value)))
                .Where(c => c.Quality > 0)
                .OrderByDescending(c => c.Quality).ThenBy(c => c.Index)
                .Select(c => c.Value);
            foreach (var candidate in candidates)
            {
                if (MediaTypeOf(candidate) is "*/*" or "application/*") return FhirFormat.Json;
                if (FromMediaType(candidate) is { } chosen) return chosen;
            }
            return Refuse($"Accept '{accept}' names no supported format ({JsonMediaType}, {XmlMediaType}).");
        }
        if (!string.IsNullOrWhiteSpace(request.ContentType) && !faults.Waives(ProviderRule.ResponseFormatFollowsRequestBody))
        {
            return FromMediaType(request.ContentType) ?? FhirFormat.Json;
        }
        return FhirFormat.Json;
    }

    private FhirFormat Refuse(string diagnostics)
    {
        if (faults.Waives(ProviderRule.UnsupportedFormatRefused)) return FhirFormat.Json;
        throw new ProviderException(SpineError.UnsupportedMediaType, diagnostics);
    }

    /// <summary>The format named by a MIME type (parameters such as charset ignored), or null.</summary>
    public static FhirFormat? FromMediaType(string mediaType) => MediaTypeOf(mediaType) switch
    {
        JsonMediaType or "application/json" or "json" or "application/json+fhir" => FhirFormat.Json,
        XmlMediaType or "application/xml" or "text/xml" or "xml" or "application/xml+fhir" => FhirFormat.Xml,
        _ => null,
    };

    private static double Quality(string mediaRange)
    {
        foreach (var parameter in mediaRange.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("q", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(pair[1], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return q;
            }
        }
        return 1.0;
    }

    private static string MediaTypeOf(string value) => value.Split(';')[0].Trim().ToLowerInvariant();
}
