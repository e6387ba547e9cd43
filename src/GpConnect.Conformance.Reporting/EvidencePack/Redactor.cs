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
/// <c>nbf</c>, <c>auth_time</c>) are 10-digit numbers too and are kept. A Bearer JWT is decoded, redacted and re-encoded
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

    [GeneratedRegex(@"^(?<scheme>Bearer\s+)(?<h>[A-Za-z0-9_-]+)\.(?<p>[A-Za-z0-9_-]+)\.(?<s>[A-Za-z0-9_-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BearerJwt();

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
            if (JwtDecoder.TryDecode(JwtDecoder.AuthorizationHeader(e.RequestHeaders)) is { } jwt) LearnBody(jwt.PayloadJson);
        }
        foreach (var t in scenario.Evidence.OfType<TextEvidence>()) LearnBody(t.Text);
    }

    /// <summary>Learns names from one JSON or XML body (anything else is ignored).</summary>
    public void LearnBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return;
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try { LearnJson(JsonNode.Parse(body)); } catch (JsonException) { }
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
            catch (XmlException) { }
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

    /// <summary>Replaces NHS numbers and learned names in free text.</summary>
    public string RedactText(string text)
    {
        if (text.Length == 0) return text;
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
        return _namePattern.Replace(result, m => _names[m.Value]);
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

    private KeyValuePair<string, string> RedactHeader(KeyValuePair<string, string> header)
    {
        if (header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            && BearerJwt().Match(header.Value.Trim()) is { Success: true } m
            && Base64Url.TryDecodeString(m.Groups["h"].Value) is { } h
            && Base64Url.TryDecodeString(m.Groups["p"].Value) is { } p)
        {
            var token = $"{Base64Url.Encode(RedactText(h))}.{Base64Url.Encode(RedactText(p))}.{m.Groups["s"].Value}";
            return new(header.Key, m.Groups["scheme"].Value + token);
        }
        return new(header.Key, RedactText(header.Value));
    }

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
