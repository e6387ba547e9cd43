using System.Globalization;
using GpConnect.Conformance.Client.Tls;
using Microsoft.Extensions.Configuration;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>
/// Reads typed values from configuration keys, collecting one problem per bad key instead of throwing,
/// so that every problem in a file can be reported together.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration, string file, string configDirectory, string? environmentPrefix)
{
    private readonly List<ConfigurationProblem> _problems = [];

    public IReadOnlyList<ConfigurationProblem> Problems => _problems;

    public void Problem(string key, string message) => _problems.Add(new ConfigurationProblem(key, file, message, OriginOf(key)));

    /// <summary>Names the environment variable or override that supplied <paramref name="key"/>; null when it is the file's (or absent).</summary>
    private string? OriginOf(string key)
    {
        if (configuration is not IConfigurationRoot root) return null;
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider switch
            {
                Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider => null,
                Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider =>
                    $"environment variable {environmentPrefix}{key.Replace(":", "__").ToUpperInvariant()}",
                _ => "override",
            };
        }
        return null;
    }

    public bool HasProblem(string key) => _problems.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The raw value, or null when absent or empty.</summary>
    public string? Raw(string key, bool trim = true)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value)) return null;
        return trim ? value.Trim() : value;
    }

    public string String(string key, bool required, string fallback = "")
    {
        var value = Raw(key);
        if (value is not null) return value;
        if (required) Problem(key, $"{key} is required");
        return fallback;
    }

    public bool Bool(string key, bool fallback)
    {
        var value = Raw(key);
        if (value is null) return fallback;
        if (bool.TryParse(value, out var parsed)) return parsed;
        Problem(key, $"{key} must be true or false (got \"{value}\")");
        return fallback;
    }

    public int Int(string key, int fallback, int minimum, int maximum = int.MaxValue)
    {
        var value = Raw(key);
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            Problem(key, $"{key} must be a whole number (got \"{value}\")");
            return fallback;
        }
        if (parsed < minimum)
        {
            Problem(key, $"{key} must be {minimum} or more (got {parsed})");
            return fallback;
        }
        if (parsed > maximum)
        {
            Problem(key, $"{key} must be {maximum} or less (got {parsed})");
            return fallback;
        }
        return parsed;
    }

    public double PositiveNumber(string key, double fallback, string unit = "seconds")
    {
        var value = Raw(key);
        if (value is null) return fallback;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
        {
            Problem(key, $"{key} must be a number of {unit} (got \"{value}\")");
            return fallback;
        }
        if (parsed <= 0)
        {
            Problem(key, $"{key} must be greater than 0 (got {value})");
            return fallback;
        }
        return parsed;
    }

    public IReadOnlyList<string> List(string key)
    {
        var section = configuration.GetSection(key);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            Problem(key, $"{key} must be a list (a JSON array), not \"{section.Value}\"");
            return [];
        }
        var items = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (ConfigurationComments.IsComment(child.Key)) continue;
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Problem(key, $"{key} must be a list (a JSON array); found key \"{child.Key}\"");
                return [];
            }
            if (child.Value is null)
            {
                Problem($"{key}:{child.Key}", $"{key}:{child.Key} must be a text value, not an object or list");
                continue;
            }
            items.Add(child.Value);
        }
        return items;
    }

    public string Digits(string key)
    {
        var value = String(key, required: true);
        if (value.Length > 0 && !value.All(char.IsAsciiDigit))
            Problem(key, $"{key} must be digits only (got \"{value}\")");
        return value;
    }

    public string Alphanumeric(string key)
    {
        var value = String(key, required: true);
        if (value.Length > 0 && !value.All(char.IsAsciiLetterOrDigit))
            Problem(key, $"{key} must be letters and digits only (got \"{value}\")");
        return value;
    }

    /// <summary>An absolute http(s) URL, or null when empty (reported when <paramref name="required"/>).</summary>
    public Uri? Url(string key, bool required, string? requiredMessage = null, bool serviceRoot = false)
    {
        var value = Raw(key);
        if (value is null)
        {
            if (required) Problem(key, requiredMessage ?? $"{key} is required");
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Problem(key, $"{key} must be an absolute http or https URL (got \"{value}\")");
            return null;
        }
        if (serviceRoot)
        {
            if (value.EndsWith('/'))
            {
                Problem(key, $"{key} must not end with '/' (the GP Connect service root has no trailing slash; got \"{value}\")");
                return null;
            }
            if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                Problem(key, $"{key} must be a service root without query or fragment (got \"{value}\")");
                return null;
            }
        }
        return uri;
    }

    /// <summary>
    /// A certificate: a store reference (<c>store:CurrentUser/My/&lt;thumbprint&gt;</c>, returned in canonical form; whether
    /// the store holds it is checked when it is loaded) or a file that must exist (see <see cref="ExistingFile"/>).
    /// Null when empty or bad.
    /// </summary>
    public string? CertificateFileOrStore(string key)
    {
        var value = Raw(key);
        if (value is null || !CertificateStoreReference.IsStoreReference(value)) return ExistingFile(key);
        if (CertificateStoreReference.TryParse(value, out var reference, out var error)) return reference.ToString();
        Problem(key, $"{key} {error}");
        return null;
    }

    /// <summary>
    /// A file that must exist, or null when empty. Paths may be written Windows-style (<c>certs\client.pfx</c>) on any
    /// system. Relative paths are tried against the configuration file's folder first, then the current directory.
    /// Returns the full path.
    /// </summary>
    public string? ExistingFile(string key)
    {
        var value = Raw(key);
        if (value is null) return null;
        if (value.Any(char.IsControl))
        {
            // JSON reads "C:\temp\new.pfx" as C:, a tab, emp, a line break and ew.pfx: \t, \n, \r, \b and \f are escapes.
            Problem(key, $"{key} contains a line break, tab or other control character (\"{Escape(value)}\"); in JSON write a backslash twice (certs\\\\client.pfx) or use /");
            return null;
        }
        if (!OperatingSystem.IsWindows() && IsWindowsOnlyPath(value))
        {
            Problem(key, $"{key} is a Windows path (\"{value}\") and this system is not Windows; write it relative to the configuration file's folder, or as a path of this system");
            return null;
        }
        var path = LocalPath(value);
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Path.Combine(configDirectory, path), Path.GetFullPath(path) };
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Problem(key, $"{key} names a file that does not exist: \"{value}\"" +
                (Path.IsPathRooted(path) ? "" : $" (looked beside the configuration file and in {Directory.GetCurrentDirectory()})"));
            return null;
        }
        return Path.GetFullPath(found);
    }

    /// <summary>
    /// A path from a configuration file in this system's form: on Linux and macOS, backslashes (as Windows users write
    /// them, <c>certs\client.pfx</c>) become '/'; on Windows both separators already work.
    /// </summary>
    public static string LocalPath(string path) =>
        OperatingSystem.IsWindows() || IsWindowsOnlyPath(path) ? path : path.Replace('\\', '/');

    private static string Escape(string value) =>
        string.Concat(value.Select(c => c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\b' => "\\b", '\f' => "\\f", _ when char.IsControl(c) => $"\\u{(int)c:x4}", _ => c.ToString() }));

    // A drive path (C:\certs or C:/certs) or a network path (\\server\share): only Windows can open these.
    private static bool IsWindowsOnlyPath(string path) =>
        (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/')
        || path.StartsWith(@"\\", StringComparison.Ordinal);
}
