using System.Text;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Http;

/// <summary>
/// A <c>curl</c> command that repeats a recorded request, for a reviewer to paste into a shell. Secrets are never written:
/// the Authorization value (the bearer JWT; its claims are shown decoded beside it in the report) and any header whose name
/// suggests a secret are replaced by a placeholder, and the TLS client certificate and key are named by placeholder files.
/// </summary>
public static class CurlCommand
{
    /// <summary>Replaces the Authorization header's value.</summary>
    public const string RedactedAuthorization = "Bearer <JWT redacted: see the decoded claims>";

    /// <summary>Replaces a secret header's value.</summary>
    public const string RedactedSecret = "<redacted>";

    private static readonly string[] SecretWords = ["authorization", "cookie", "secret", "token", "password", "api-key", "apikey", "key"];

    /// <summary>The command, one option per line (joined with a backslash line continuation).</summary>
    public static string For(HttpExchangeEvidence x)
    {
        var parts = new List<string> { "curl -sS -i -X " + x.Method.ToUpperInvariant() + " " + Quote(x.Url) };
        if (x.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            parts.Add("--cert client-certificate.pem --key client-private-key.pem --cacert spine-ca.pem");
        foreach (var (name, value) in x.RequestHeaders)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            parts.Add("-H " + Quote($"{name}: {RedactedValue(name, value)}"));
        }
        if (!string.IsNullOrEmpty(x.RequestBody)) parts.Add("--data-raw " + Quote(x.RequestBody));
        return string.Join(" \\\n  ", parts);
    }

    /// <summary>True when a header's value must not be shown in a command (credentials, cookies, keys, tokens).</summary>
    public static bool IsSecretHeader(string name) =>
        SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string RedactedValue(string name, string value) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? RedactedAuthorization
        : IsSecretHeader(name) ? RedactedSecret
        : value;

    /// <summary>Single-quotes a value for POSIX shells (a quote inside becomes '\'').</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var ch in value)
        {
            if (ch == '\'') sb.Append("'\\''");
            else sb.Append(ch);
        }
        return sb.Append('\'').ToString();
    }
}
