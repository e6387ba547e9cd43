using Microsoft.Extensions.Configuration;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>Lists configuration for reports with secrets masked.</summary>
internal static class SettingsRedactor
{
    public const string Mask = "***";
    private static readonly string[] SecretWords = ["password", "secret", "token"];

    public static bool IsSecretKey(string key) =>
        SecretWords.Any(w => key.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<KeyValuePair<string, string>> Redact(IConfiguration configuration, string sourceFile)
    {
        var pairs = configuration.AsEnumerable()
            .Where(p => p.Value is not null && !ConfigurationComments.IsComment(p.Key))
            .Select(p => new KeyValuePair<string, string>(p.Key,
                IsSecretKey(p.Key) && p.Value!.Length > 0 ? Mask : p.Value!))
            .Append(new KeyValuePair<string, string>("sourceFile", sourceFile))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return pairs;
    }
}
