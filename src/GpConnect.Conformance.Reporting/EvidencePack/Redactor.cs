using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.EvidencePack;

/// <summary>
/// Replaces personal data in results with stable placeholders before they are written: NHS numbers (any 10-digit
/// number, or 3-3-4 spaced) become <c>NHS-NUMBER-n</c>, and person names (HumanName <c>family</c>/<c>given</c> values
/// found in JSON or XML bodies and in JWT claims) become <c>NAME-n</c>. One instance per run: the same value gets the
/// same placeholder everywhere, numbered in order of first sight.
/// </summary>
/// <remarks>
/// Scenario ids, feature names and tags are left alone so runs still compare. JWT time claims (<c>exp</c>, <c>iat</c>,
/// <c>nbf</c>, <c>auth_time</c>) are 10-digit numbers too and are kept. A JWT (with or without <c>Bearer </c>, in any
/// header or body) is decoded, redacted and re-encoded
/// so the token in the report no longer carries the data (its signature no longer matches, which is noted in no way
/// other than by this remark: GP Connect tokens are unsigned).
/// </remarks>
public sealed partial class Redactor
{
    private readonly Dictionary<string, string> _nhsNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private Regex? _namePattern;

    /// <summary>Prefix of NHS number placeholders.</summary>
    public const string NhsNumberPlaceholder = "NHS-NUMBER-";
    /// <summary>Prefix of name placeholders.</summary>
    public const string NamePlaceholder = "NAME-";

    [GeneratedRegex(@"(?<!\d)(?:\d{3} \d{3} \d{4}|\d{10})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NhsNumber();

    [GeneratedRegex(@"""(?:exp|iat|nbf|auth_time)""\s*:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeClaimBefore();

    // A JWT anywhere (with or without "Bearer ", in any header or body): base64url JSON header ("eyJ" is '{"'), payload, signature.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(?<h>eyJ[A-Za-z0-9_-]*)\.(?<p>[A-Za-z0-9_-]+)\.(?<s>[A-Za-z0-9_-]*)(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyJwt();

    // Where names are never replaced: a URL up to its query (scheme, host, port, path) and a bare host name. A patient
    // family name that happens to be a word of a host ("gpconnect-conformance.example") is not personal data there.
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://[^\s""'<>?#]*|(?<![\w.@-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w@-])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrHost();

    /// <summary>How many distinct NHS numbers and names have been given placeholders so far.</summary>
    public (int NhsNumbers, int Names) Counts => (_nhsNumbers.Count, _names.Count);

    /// <summary>Learns every name in the run's bodies, then returns a redacted copy.</summary>
    public RunResult Redact(RunResult run)
    {
        foreach (var s in run.Scenarios) Learn(s);
        return run with
        {
            Scenarios = run.Scenarios.Select(Redact).ToList(),
            Metadata = run.Metadata.Select(kv => new KeyValuePair<string, string>(kv.Key, RedactText(kv.Value))).ToList(),
            FeatureErrors = run.FeatureErrors.Select(e => e with { Message = RedactText(e.Message) }).ToList(),
        };
    }

    /// <summary>Learns the names in one scenario's evidence (JSON/XML bodies and JWT claims) without changing anything.</summary>
    public void Learn(ScenarioResult scenario)
    {
        foreach (var e in scenario.Evidence.OfType<HttpExchangeEvidence>())
        {
            LearnBody(e.RequestBody);
            LearnBody(e.ResponseBody);
            foreach (var header in e.RequestHeaders.Concat(e.ResponseHeaders)) LearnJwts(header.Value);
            LearnJwts(e.RequestBody);
            LearnJwts(e.ResponseBody);
        }
        foreach (var t in scenario.Evidence.OfType<TextEvidence>())
        {
            LearnBody(t.Text);
            LearnJwts(t.Text);
        }
    }

    /// <summary>Learns names from the claims of every JWT in <paramref name="text"/>, whatever precedes it.</summary>
    private void LearnJwts(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains("eyJ", StringComparison.Ordinal)) return;
        foreach (Match m in AnyJwt().Matches(text))
            if (JwtDecoder.TryDecode(m.Value) is { } jwt) LearnBody(jwt.PayloadJson);
    }

    /// <summary>Learns names from one JSON or XML body (anything else is ignored).</summary>
    public void LearnBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return;
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            // Not JSON, too deep, or not valid UTF-16 (a lone surrogate): nothing to learn from it.
            try { LearnJson(JsonNode.Parse(body)); } catch (Exception e) when (e is JsonException or ArgumentException) { }
        }
        else if (trimmed.StartsWith('<'))
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using var reader = XmlReader.Create(new StringReader(body), settings);
                foreach (var el in XDocument.Load(reader).Descendants())
                {
                    if (el.Name.LocalName is "family" or "given" && el.Attribute("value")?.Value is { } v) AddName(v);
                }
            }
            catch (Exception e) when (e is XmlException or ArgumentException) { }
        }
    }

    /// <summary>Returns a redacted copy of one scenario result (using the names learned so far).</summary>
    public ScenarioResult Redact(ScenarioResult s) => s with
    {
        Scenario = s.Scenario with { Name = RedactText(s.Scenario.Name), ExampleRow = RedactNullable(s.Scenario.ExampleRow) },
        Message = RedactNullable(s.Message),
        Failures = s.Failures.Select(f => f with
        {
            Path = RedactNullable(f.Path), Expected = RedactNullable(f.Expected), Actual = RedactNullable(f.Actual),
            Message = RedactText(f.Message),
        }).ToList(),
        Steps = s.Steps.Select(st => st with
            { Text = RedactText(st.Text), Message = RedactNullable(st.Message), Snippet = RedactNullable(st.Snippet) }).ToList(),
        Evidence = s.Evidence.Select(RedactEvidence).ToList(),
    };

    /// <summary>
    /// Replaces NHS numbers and learned names in free text. A JWT in the text is decoded, redacted and re-encoded. Names
    /// inside URLs (before the query) and host names are left alone; NHS numbers are replaced everywhere.
    /// </summary>
    public string RedactText(string text)
    {
        if (text.Length == 0) return text;
        if (text.Contains("eyJ", StringComparison.Ordinal)) text = AnyJwt().Replace(text, RedactJwt);
        var result = NhsNumber().Replace(text, m =>
        {
            var start = Math.Max(0, m.Index - 40);
            if (TimeClaimBefore().IsMatch(text.AsSpan(start, m.Index - start))) return m.Value;
            var digits = m.Value.Replace(" ", "");
            if (!_nhsNumbers.TryGetValue(digits, out var placeholder))
                _nhsNumbers[digits] = placeholder = NhsNumberPlaceholder + (_nhsNumbers.Count + 1);
            return placeholder;
        });
        if (_names.Count == 0) return result;
        _namePattern ??= BuildNamePattern();
        if (!_namePattern.IsMatch(result)) return result;
        var kept = UrlOrHost().Matches(result).Select(u => (Start: u.Index, End: u.Index + u.Length)).ToList();
        return _namePattern.Replace(result, m => kept.Any(k => m.Index >= k.Start && m.Index < k.End) ? m.Value : _names[m.Value]);
    }

    private string RedactJwt(Match m)
    {
        if (Base64Url.TryDecodeString(m.Groups["h"].Value) is not { } h || Base64Url.TryDecodeString(m.Groups["p"].Value) is not { } p)
            return m.Value;
        return $"{Base64Url.Encode(RedactText(h))}.{Base64Url.Encode(RedactText(p))}.{m.Groups["s"].Value}";
    }

    private string? RedactNullable(string? text) => text is null ? null : RedactText(text);

    private Evidence RedactEvidence(Evidence e) => e switch
    {
        TextEvidence t => t with { Title = RedactText(t.Title), Text = RedactText(t.Text) },
        HttpExchangeEvidence h => h with
        {
            Title = RedactText(h.Title),
            Url = RedactText(h.Url),
            RequestHeaders = h.RequestHeaders.Select(RedactHeader).ToList(),
            ResponseHeaders = h.ResponseHeaders.Select(RedactHeader).ToList(),
            RequestBody = RedactNullable(h.RequestBody),
            ResponseBody = RedactNullable(h.ResponseBody),
            TransportError = RedactNullable(h.TransportError),
        },
        _ => e,
    };

    private KeyValuePair<string, string> RedactHeader(KeyValuePair<string, string> header) => new(header.Key, RedactText(header.Value));

    private void LearnJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "family" or "given") CollectStrings(value);
                    else LearnJson(value);
                }
                break;
            case JsonArray arr:
                foreach (var item in arr) LearnJson(item);
                break;
        }
    }

    private void CollectStrings(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) AddName(s);
        else if (node is JsonArray arr) foreach (var item in arr) CollectStrings(item);
    }

    private void AddName(string raw)
    {
        var name = raw.Trim();
        if (name.Length < 2 || name.StartsWith(NamePlaceholder, StringComparison.Ordinal)) return;
        if (_names.ContainsKey(name)) return;
        _names[name] = NamePlaceholder + (_names.Count + 1);
        _namePattern = null;
    }

    private Regex BuildNamePattern()
    {
        var alternatives = _names.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape);
        return new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join("|", alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
