using System.Text.RegularExpressions;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Checks on response headers every GP Connect response carries (the Core spec pages).</summary>
public static partial class HeaderChecks
{
    /// <summary>The FHIR media type of each wire format.</summary>
    public static string MediaType(FhirWireFormat format) => format == FhirWireFormat.Xml ? "application/fhir+xml" : "application/fhir+json";

    /// <summary>The header is present and one of its comma-separated directives is <paramref name="directive"/> (e.g. Cache-Control: no-store).</summary>
    public static Check HasDirective(ProviderResponse response, string header, string directive, string rule)
    {
        var check = new Check();
        if (!response.HasResponse)
            return check.Fail("http.response", header, directive, "no response", $"Expected a response carrying {header}: {directive} but the provider did not answer: {response.Exchange.TransportError}");
        var value = response.Exchange.ResponseHeader(header);
        var directives = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!directives.Any(d => d.Equals(directive, StringComparison.OrdinalIgnoreCase)))
            check.Fail(rule, header, directive, value ?? "absent",
                $"Every GP Connect response must carry {header}: {directive}; this {response.StatusCode} response has {(value is null ? $"no {header} header" : $"{header}: {value}")}.");
        return check;
    }

    /// <summary>The header is present with a non-empty value (e.g. Strict-Transport-Security on HTTPS).</summary>
    public static Check Present(ProviderResponse response, string header, string rule)
    {
        var check = new Check();
        if (!response.HasResponse)
            return check.Fail("http.response", header, "a response", "no response", $"Expected a response carrying {header} but the provider did not answer: {response.Exchange.TransportError}");
        if (string.IsNullOrWhiteSpace(response.Exchange.ResponseHeader(header)))
            check.Fail(rule, header, "present", "absent", $"The response has no {header} header.");
        return check;
    }

    /// <summary>
    /// Content-Type is the FHIR media type of <paramref name="format"/> and states <c>charset=utf-8</c> (spec: FHIR API guidance: content types,
    /// CORE-012). A space before <c>;charset</c> is tolerated (a SHOULD, warning only).
    /// </summary>
    public static Check ContentType(ProviderResponse response, FhirWireFormat format)
    {
        var check = new Check();
        var expected = MediaType(format) + ";charset=utf-8";
        if (!response.HasResponse)
            return check.Fail("http.response", "Content-Type", expected, "no response", $"Expected a {format} response but the provider did not answer: {response.Exchange.TransportError}");
        var value = response.Exchange.ResponseHeader("Content-Type");
        if (value is null)
            return check.Fail("content-type", "Content-Type", expected, "absent", "The response has a body but no Content-Type header.");
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        if (!parts[0].Equals(MediaType(format), StringComparison.OrdinalIgnoreCase))
            check.Fail("content-type.media-type", "Content-Type", MediaType(format), parts[0],
                $"Expected a {format} response (Content-Type {MediaType(format)}) but Content-Type is {value}.");
        var charset = parts.Skip(1).Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .FirstOrDefault(p => p[0].Equals("charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null || charset.Length < 2 || !charset[1].Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            check.Fail("content-type.charset", "Content-Type", "charset=utf-8", value,
                $"Responses must state charset=utf-8 in Content-Type (spec: FHIR API guidance: HTTP headers and bodies); Content-Type is {value}.");
        return check;
    }

    /// <summary>The response body was gzip-compressed on the wire: <c>Content-Encoding: gzip</c> (spec: FHIR API guidance: HTTP headers and bodies, CORE-024).</summary>
    public static Check Gzip(ProviderResponse response)
    {
        var check = ResponseChecks.Status(response, 200);
        if (!check.Passed) return check;
        var encoding = response.Exchange.ResponseHeader("Content-Encoding");
        if (!string.Equals(encoding?.Trim(), "gzip", StringComparison.OrdinalIgnoreCase))
            check.Fail("content-encoding.gzip", "Content-Encoding", "gzip", encoding ?? "absent",
                $"The request accepted gzip but the response is {(encoding is null ? "not compressed (no Content-Encoding)" : $"encoded as {encoding}")}; GZIP SHALL be supported.");
        return check;
    }

    /// <summary>The ETag is the weak tag of the returned resource's version: <c>W/"meta.versionId"</c> (spec: FHIR resource guidance, CORE-096).</summary>
    public static Check WeakETagOfVersion(ProviderResponse response)
    {
        var check = ResponseChecks.Status(response, 200);
        if (!check.Passed || response.Resource is null) return check.Passed ? ResponseChecks.ResourceType(response, "resource") : check;
        var versionId = response.Resource.SelectValue("meta.versionId");
        var expected = versionId is null ? "W/\"<meta.versionId>\"" : $"W/\"{versionId}\"";
        var etag = response.Exchange.ResponseHeader("ETag");
        if (etag is null)
            return check.Fail("etag", "ETag", expected, "absent", "A read response must carry an ETag header.");
        var match = WeakTag().Match(etag);
        if (!match.Success)
            return check.Fail("etag.weak", "ETag", expected, etag, $"The ETag must be a weak tag W/\"versionId\", not {etag}.");
        if (versionId is null)
            check.Fail("etag.version", $"{response.Resource.ResourceType}.meta.versionId", "a versionId", "absent", $"The ETag is {etag} but the resource has no meta.versionId to match.");
        else if (match.Groups[1].Value != versionId)
            check.Fail("etag.version", "ETag", expected, etag, $"The ETag {etag} does not match meta.versionId \"{versionId}\".");
        return check;
    }

    [GeneratedRegex("^W/\"([^\"]+)\"$")]
    private static partial Regex WeakTag();
}
