using System.Globalization;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>
/// The <c>load</c> section of the configuration: <c>load:target</c>, the service root of a remote provider the load mode
/// may drive (it must equal <c>provider:fhirBaseUrl</c>; without it a remote provider is refused), and
/// <c>load:maxRequestsPerSecond</c>, the cap on requests per second over all consumers (default 20).
/// </summary>
public sealed record LoadSettings(string? Target, double MaxRequestsPerSecond)
{
    public const double DefaultMaxRequestsPerSecond = 20;
    /// <summary>No configuration or option can lift the cap above this.</summary>
    public const double MaxRequestsPerSecondCeiling = 1000;

    /// <exception cref="ConfigurationException">A load key is malformed (names the key and the file).</exception>
    public static LoadSettings From(ConformanceSettings settings)
    {
        var section = settings.Configuration.GetSection("load");
        var target = section["target"] is { Length: > 0 } t ? t.Trim() : null;
        var rps = DefaultMaxRequestsPerSecond;
        if (section["maxRequestsPerSecond"] is { Length: > 0 } text
            && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rps) || !(rps > 0) || rps > MaxRequestsPerSecondCeiling))
            throw new ConfigurationException([new ConfigurationProblem("load:maxRequestsPerSecond", settings.SourceFile,
                $"load:maxRequestsPerSecond must be a number more than 0 and at most {MaxRequestsPerSecondCeiling:0} (got \"{text}\")")]);
        if (target is not null && !Uri.TryCreate(target, UriKind.Absolute, out _))
            throw new ConfigurationException([new ConfigurationProblem("load:target", settings.SourceFile,
                $"load:target must be the provider's service root URL (got \"{target}\")")]);
        return new LoadSettings(target, rps);
    }

    /// <summary>
    /// Null when the load mode may drive the configured provider; otherwise why not. The embedded provider is always
    /// allowed; a remote one only when <c>load:target</c> names exactly its <c>provider:fhirBaseUrl</c>.
    /// </summary>
    public string? RefusalFor(ConformanceSettings settings)
    {
        if (settings.Provider.Target == ProviderTarget.Embedded) return null;
        var root = settings.Provider.FhirBaseUrl?.OriginalString.TrimEnd('/') ?? "";
        if (Target is null)
            return $"{settings.SourceFile}: load:target is not set: the load mode drives a remote provider only when load:target names it (set load:target to \"{root}\" to confirm)";
        if (!string.Equals(Target.TrimEnd('/'), root, StringComparison.OrdinalIgnoreCase))
            return $"{settings.SourceFile}: load:target \"{Target}\" is not provider:fhirBaseUrl \"{root}\": the load mode drives only the provider load:target names";
        return null;
    }
}
