using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Http;

namespace GpConnect.Conformance.Reporting.Html;

/// <summary>
/// Masks secret values in the run metadata before the report shows it, whatever the caller already did: a setting whose
/// name suggests a secret (password, secret, token, private or client key, credential) shows "***" when it has a value.
/// Handles a single value, "key = value" lines and JSON objects.
/// </summary>
public static partial class ConfigText
{
    /// <summary>What a masked value shows.</summary>
    public const string Masked = "***";

    private static readonly string[] SecretWords = ["password", "passphrase", "secret", "token", "privatekey", "private-key", "clientkey", "apikey", "api-key", "credential"];

    [GeneratedRegex(@"^(?<key>[^=\r\n]+?)\s*=\s*(?<value>.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueLine();

    /// <summary>True when a setting's name suggests its value is a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        var squashed = key.Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return SecretWords.Any(w => squashed.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The metadata value with secret values masked.</summary>
    public static string Mask(string key, string value)
    {
        if (IsSecretKey(key)) return value.Length == 0 ? value : Masked;
        var (kind, _) = BodyFormatter.Format(value);
        if (kind == BodyKind.Json)
        {
            try
            {
                var node = JsonNode.Parse(value);
                if (node is not null && MaskJson(node)) return node.ToJsonString();
                return value;
            }
            catch (JsonException) { return value; }
        }
        if (!value.Contains('=')) return value;
        return KeyValueLine().Replace(value, m =>
            IsSecretKey(m.Groups["key"].Value) && m.Groups["value"].Value.Trim().Length > 0 ? $"{m.Groups["key"].Value} = {Masked}" : m.Value);
    }

    private static bool MaskJson(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    var child = o[name];
                    if (IsSecretKey(name) && child is JsonValue v && v.ToString().Length > 0 && v.ToString() != Masked) { o[name] = Masked; changed = true; }
                    else if (child is not null && MaskJson(child)) changed = true;
                }
                break;
            case JsonArray a:
                foreach (var child in a) if (child is not null && MaskJson(child)) changed = true;
                break;
        }
        return changed;
    }
}
