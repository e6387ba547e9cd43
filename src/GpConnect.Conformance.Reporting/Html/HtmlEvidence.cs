using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Html;

/// <summary>
/// Renders one HTTP exchange for a reviewer: request and response with headers and pretty-printed bodies, the JWT decoded,
/// the findings marked beside the header or the part of the JSON body they are about, and a copyable curl command.
/// </summary>
internal static partial class HtmlEvidence
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    /// <summary>Writes the exchange as a details element; <paramref name="findings"/> are marked where their path points.</summary>
    public static void Exchange(StringBuilder h, HttpExchangeEvidence x, bool open, IReadOnlyList<CheckFailure>? findings = null, bool curl = false)
    {
        findings ??= [];
        var ok = x.StatusCode is >= 200 and < 400;
        h.Append("<details class=\"http\"").Append(open ? " open" : "").Append("><summary><strong>").Append(E(x.Method)).Append("</strong> ").Append(E(x.Url)).Append(" → ");
        if (x.StatusCode is { } code) h.Append("<strong class=\"").Append(ok ? "http-ok" : "http-bad").Append("\">").Append(code).Append("</strong>");
        else h.Append("<strong class=\"http-bad\">no response</strong>");
        h.Append(" · ").Append(E(DurationText.Format(x.Duration))).Append(" · <span class=\"small\">").Append(E(x.Title)).Append(" · sent ").Append(E(Time(x.Started))).Append("</span></summary>\n");
        if (x.TransportError is not null) h.Append("<div class=\"failure\"><strong>Transport error</strong><pre>").Append(E(x.TransportError)).Append("</pre></div>\n");
        h.Append("<div class=\"cols\"><div><h3>Request</h3><pre>").Append(E(x.Method)).Append(' ').Append(E(x.Url)).Append("</pre>");
        Headers(h, x.RequestHeaders, [], request: true);
        if (JwtDecoder.TryDecode(JwtDecoder.AuthorizationHeader(x.RequestHeaders)) is { } jwt)
        {
            var aboutJwt = findings.Any(f => f.Rule.StartsWith("jwt", StringComparison.OrdinalIgnoreCase) || (f.Path?.StartsWith("JWT", StringComparison.Ordinal) ?? false));
            h.Append("<details class=\"jwt\"").Append(aboutJwt ? " open" : "").Append("><summary>JWT (decoded from Authorization)</summary><div class=\"small\">Header</div><pre class=\"jwt-header\">").Append(E(jwt.HeaderJson))
             .Append("</pre><div class=\"small\">Payload</div><pre class=\"jwt-payload\">").Append(E(jwt.PayloadJson)).Append("</pre>");
            if (jwt.Signature.Length > 0) h.Append("<div class=\"small\">Signature segment present (").Append(jwt.Signature.Length).Append(" characters, not shown)</div>");
            h.Append("</details>");
        }
        Body(h, x.RequestBody, []);
        if (curl)
        {
            h.Append("<details class=\"curl\"><summary>curl equivalent <span class=\"small\">(secrets redacted)</span></summary>")
             .Append("<button type=\"button\" class=\"copy\">Copy</button><pre class=\"curl-cmd\">").Append(E(CurlCommand.For(x))).Append("</pre></details>");
        }
        h.Append("</div><div><h3>Response</h3>");
        if (x.StatusCode is { } sc) h.Append("<pre>HTTP ").Append(sc).Append("</pre>");
        Headers(h, x.ResponseHeaders, findings, request: false);
        Body(h, x.ResponseBody, findings);
        h.Append("</div></div>\n</details>\n");
    }

    // Header findings: a finding whose path is a header name (a check of a header, or a header the response carries).
    private static void Headers(StringBuilder h, IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<CheckFailure> findings, bool request)
    {
        var aboutHeaders = findings.Where(f => f.Path is { } p && HeaderName().IsMatch(p)
            && (f.Rule.StartsWith("header", StringComparison.OrdinalIgnoreCase) || headers.Any(x => x.Key.Equals(p, StringComparison.OrdinalIgnoreCase)))).ToList();
        if (headers.Count == 0 && aboutHeaders.Count == 0) return;
        h.Append("<table class=\"hdrs\">");
        foreach (var (name, value) in headers)
        {
            var mine = aboutHeaders.Where(f => f.Path!.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            h.Append(mine.Count > 0 ? "<tr class=\"hit\">" : "<tr>").Append("<td>").Append(E(name)).Append("</td><td>")
             .Append(E(request ? DisplayedRequestHeader(name, value) : value)).Append("</td></tr>");
            foreach (var f in mine) Note(h, f, null);
        }
        foreach (var f in aboutHeaders.Where(f => !headers.Any(x => x.Key.Equals(f.Path, StringComparison.OrdinalIgnoreCase)))
                     .GroupBy(f => f.Path!, StringComparer.OrdinalIgnoreCase))
        {
            h.Append("<tr class=\"hit\"><td>").Append(E(f.Key)).Append("</td><td><em>(absent)</em></td></tr>");
            foreach (var finding in f) Note(h, finding, null);
        }
        h.Append("</table>");
    }

    private static void Note(StringBuilder h, CheckFailure f, string? extra) =>
        h.Append("<tr class=\"note\"><td colspan=\"2\"><span class=\"jnote\">▲ ").Append(E(f.Rule)).Append(": ").Append(E(f.Message)).Append(E(extra)).Append("</span></td></tr>");

    // A JWT signature segment is never printed (GP Connect tokens are unsigned; a signed one still keeps its signature private).
    private static string DisplayedRequestHeader(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return CurlCommand.IsSecretHeader(name) ? CurlCommand.RedactedSecret : value;
        // A decodable JWT is shortened (its claims are shown decoded below); its signature segment is never printed.
        if (JwtDecoder.TryDecode(value) is not null)
        {
            var token = value.Trim();
            var scheme = token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? token[..7] : "";
            return $"{scheme}{token[scheme.Length..][..Math.Min(16, token.Length - scheme.Length)]}… (JWT of {token.Length - scheme.Length} characters, decoded below)";
        }
        var dot = value.LastIndexOf('.');
        return dot >= 0 && dot < value.Length - 1 && value.Count(c => c == '.') == 2 ? value[..(dot + 1)] + "<signature not shown>" : value;
    }

    private static void Body(StringBuilder h, string? body, IReadOnlyList<CheckFailure> findings)
    {
        var marked = findings.Count == 0 ? null : JsonFindingMarker.Mark(body, findings);
        if (marked is not null)
        {
            h.Append("<div class=\"small\">Body (JSON) — findings marked</div><pre class=\"body-json marked\">");
            foreach (var line in marked)
            {
                if (line.Hit) h.Append("<span class=\"hit\">").Append(E(line.Text)).Append("</span>\n");
                else h.Append(E(line.Text)).Append('\n');
                foreach (var note in line.Notes) h.Append("<span class=\"jnote\">▲ ").Append(E(note)).Append("</span>");
            }
            h.Append("</pre>");
            return;
        }
        var (kind, text) = BodyFormatter.Format(body);
        if (kind == BodyKind.Empty) { h.Append("<p class=\"small\">(no body)</p>"); return; }
        h.Append("<div class=\"small\">Body (").Append(kind.ToString().ToUpperInvariant()).Append(")</div><pre class=\"body-").Append(kind.ToString().ToLowerInvariant())
         .Append("\">").Append(E(text)).Append("</pre>");
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
