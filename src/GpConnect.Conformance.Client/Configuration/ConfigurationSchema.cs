using GpConnect.Conformance.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>
/// Every configuration key the harness reads, so that a misspelt key (<c>allowWrite</c> for <c>allowWrites</c>) is an
/// error naming the key, the file and the nearest known key, instead of silently keeping the default. In a pattern,
/// <c>#</c> stands for a list index and <c>*</c> for anything below (the free-form <c>testData</c> roles).
/// Comment keys (<see cref="ConfigurationComments"/>) are allowed anywhere. Environment variables are checked when
/// they name a section (<c>GPCC_PROVIDER__ALLOWWRITE</c>); a single-segment variable that is not a known key
/// (e.g. <c>GPCC_SUITE_TAGS</c>, read by the project's own tests) is not configuration and is left alone.
/// </summary>
public static class ConfigurationSchema
{
    /// <summary>The known keys. A key added to the loader must be added here.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "specVersion", "asOf", "checkData:ageingWarningDays",
        "provider:target", "provider:fhirBaseUrl", "provider:odsCode", "provider:asid", "provider:allowWrites",
        "provider:embedded:faults:#", "provider:embedded:https", "provider:embedded:cancelledSlotsStayBusy",
        "consumer:asid", "consumer:odsCode", "consumer:organisationName", "consumer:systemUrl",
        "consumer:device:system", "consumer:device:value", "consumer:device:model", "consumer:device:version",
        "consumer:practitioner:id", "consumer:practitioner:sdsUserId", "consumer:practitioner:sdsRoleProfileId",
        "consumer:practitioner:localIdentifierSystem", "consumer:practitioner:localIdentifier", "consumer:practitioner:family",
        "consumer:practitioner:given:#", "consumer:practitioner:prefix:#",
        "tls:clientCertificate", "tls:clientCertificatePassword", "tls:trustedCaCertificate", "tls:validateServerCertificate",
        "http:timeoutSeconds",
        "jwt:clockSkewLeewaySeconds", "jwt:validateIat",
        "expectations:capabilityVersion", "expectations:serviceTypeMax", "expectations:queryResponseLimitMs", "expectations:commandResponseLimitMs",
        "expectations:queryResponseTargetMs", "expectations:commandResponseTargetMs",
        "expectations:divergences:all", "expectations:divergences:registerPatientRequestErrors", "expectations:divergences:jwtClaimResourceType",
        "expectations:divergences:jwtIssuedAhead", "expectations:divergences:clientCertificateHttpError", "expectations:divergences:bookingUnknownSlot",
        "reports:directory", "reports:signingKey", "reports:keepRuns", "reports:keepDays", "reports:cucumber",
        "extensions:features", "extensions:bindingAssemblies:#",
        "limits:maxResponseBytes", "limits:maxDecodedResponseBytes", "limits:maxEvidenceBodyChars", "limits:maxNestingDepth",
        "load:target", "load:maxRequestsPerSecond",
        "run:warnBelowRuns", "run:parallel", "run:timeBudgetMinutes", "run:unresponsiveAfterTimeouts",
        "testData:*",
    ];

    private static readonly string[][] Patterns = Keys.Select(k => k.Split(':')).ToArray();

    /// <summary>The problems with the keys present in <paramref name="configuration"/> (unknown keys, objects where a value belongs and the reverse).</summary>
    public static IReadOnlyList<ConfigurationProblem> Check(IConfigurationRoot configuration, string file, string? environmentPrefix)
    {
        var problems = new List<ConfigurationProblem>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in configuration.Providers)
        {
            var origin = provider switch
            {
                JsonConfigurationProvider => null,
                EnvironmentVariablesConfigurationProvider => "environment",
                _ => "override",
            };
            foreach (var key in LeafKeys(provider))
            {
                if (key.Split(':').Any(s => ConfigurationComments.IsComment(s))) continue;
                if (origin == "environment" && !key.Contains(':') && !IsKnown(key.Split(':'))) continue;
                provider.TryGet(key, out var value);
                var problem = Describe(key, value);
                if (problem is null) continue;
                var (at, message) = problem.Value;
                if (!reported.Add(at)) continue;
                var from = origin switch
                {
                    null => null,
                    "environment" => $"environment variable {environmentPrefix}{key.Replace(":", "__").ToUpperInvariant()}",
                    _ => "override (--set)",
                };
                problems.Add(new ConfigurationProblem(at, file, message, from));
            }
        }
        return problems;
    }

    private static (string Key, string Message)? Describe(string key, string? value)
    {
        var segments = key.Split(':');
        if (IsKnown(segments))
        {
            // A known key holding a value where only a section fits (e.g. "provider": "x") is caught below; a known leaf is fine.
            return null;
        }
        // A section that is a prefix of known keys but holds a plain value ("provider": "remote", "given": "Tess").
        // (An empty JSON array or object reaches here as an empty value: that is an empty list or section, not a value.)
        if (!string.IsNullOrEmpty(value) && Patterns.Any(p => p.Length > segments.Length && PrefixMatches(p, segments)))
        {
            var listItem = Patterns.Any(p => p.Length == segments.Length + 1 && PrefixMatches(p, segments) && p[^1] == "#");
            return (key, listItem
                ? $"{key} must be a list (a JSON array), not \"{Shorten(value)}\""
                : $"{key} must be a section (a JSON object), not the plain value \"{Shorten(value)}\"");
        }
        if (string.IsNullOrEmpty(value) && Patterns.Any(p => p.Length > segments.Length && PrefixMatches(p, segments)))
            return null; // an empty object or array where a section or list belongs
        // Deeper than a known plain value: an object or array where a single value belongs.
        for (var n = segments.Length - 1; n >= 1; n--)
        {
            var prefix = segments[..n];
            if (IsKnown(prefix) && !Patterns.Any(p => p.Length > n && PrefixMatches(p, prefix)))
            {
                var at = string.Join(':', prefix);
                return (at, $"{at} must be a single value (text, number or true/false), not an object or a list");
            }
        }
        var suggestion = Suggest(key);
        return (key, $"{key} is not a configuration key the suite knows" + (suggestion is null ? "" : $"; did you mean {suggestion}?"));
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static bool IsKnown(string[] segments) => Patterns.Any(p => Matches(p, segments));

    private static bool Matches(string[] pattern, string[] segments)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "*") return segments.Length > i; // something below the section
            if (i >= segments.Length || !SegmentMatches(pattern[i], segments[i])) return false;
        }
        return segments.Length == pattern.Length;
    }

    private static bool PrefixMatches(string[] pattern, string[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            if (i >= pattern.Length) return false;
            if (pattern[i] == "*") return true;
            if (!SegmentMatches(pattern[i], segments[i])) return false;
        }
        return true;
    }

    private static bool SegmentMatches(string pattern, string segment) =>
        pattern == "#" ? segment.Length > 0 && segment.All(char.IsAsciiDigit) : pattern.Equals(segment, StringComparison.OrdinalIgnoreCase);

    /// <summary>The known key nearest to <paramref name="key"/> (edit distance, case-insensitive), when one is near enough.</summary>
    public static string? Suggest(string key)
    {
        var candidates = Keys.Where(k => k != "testData:*").Select(k => k.Replace(":#", "")).Distinct().ToList();
        if (NearestName.Within(key, candidates) is { } near) return near;
        // Same last segment in another section ("allowWrites" under consumer): suggest by the last segment.
        var last = key[(key.LastIndexOf(':') + 1)..];
        var byLast = candidates.Select(k => k[(k.LastIndexOf(':') + 1)..]).ToList();
        return NearestName.Within(last, byLast, Math.Max(1, last.Length / 5)) is { } segment ? candidates[byLast.IndexOf(segment)] : null;
    }

    /// <summary>Every key a provider holds (sections included when they carry a value or are empty).</summary>
    private static IEnumerable<string> LeafKeys(IConfigurationProvider provider)
    {
        var result = new List<string>();
        void Walk(string? parent)
        {
            var children = provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var child in children)
            {
                var key = parent is null ? child : $"{parent}:{child}";
                var hasChildren = provider.GetChildKeys([], key).Any();
                if (!hasChildren) result.Add(key);
                else
                {
                    if (provider.TryGet(key, out var v) && v is not null) result.Add(key);
                    Walk(key);
                }
            }
        }
        Walk(null);
        return result;
    }
}
