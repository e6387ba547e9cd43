namespace GpConnect.Conformance.Client.Configuration;

/// <summary>
/// Comment keys in configuration files: any key whose last segment starts with <c>//</c> or <c>$comment</c>
/// (e.g. <c>"//": "…"</c> or <c>"$comment": "…"</c> inside a section). They are ignored when binding, in test data
/// and in <see cref="ConformanceSettings.Redacted"/>.
/// </summary>
public static class ConfigurationComments
{
    /// <summary>True when <paramref name="key"/> (colon-separated) is a comment key.</summary>
    public static bool IsComment(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return last.StartsWith("//", StringComparison.Ordinal) || last.StartsWith("$comment", StringComparison.OrdinalIgnoreCase);
    }
}
