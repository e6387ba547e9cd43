using System.Globalization;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// One place where the spec pages (and release notes) and NHS assurance expect different answers (docs/expectations.md).
/// The suite passes the spec pages' answer, warns on NHS assurance's answer, and fails anything else; with
/// <c>expectations:divergences:&lt;ConfigName&gt;</c> set to <c>strict</c> NHS assurance's answer fails too.
/// </summary>
/// <param name="ConfigName">The key under <c>expectations:divergences</c>.</param>
/// <param name="Title">What the divergence is about, for messages.</param>
/// <param name="SpecAnswer">What the spec pages say, in words.</param>
/// <param name="AssuranceAnswer">What NHS assurance expects or accepts, in words.</param>
public sealed record Divergence(string ConfigName, string Title, string SpecAnswer, string AssuranceAnswer)
{
    /// <summary>The full configuration key of the switch.</summary>
    public string ConfigKey => $"expectations:divergences:{ConfigName}";

    /// <summary>Register a patient request errors: spec 422 INVALID_RESOURCE, NHS assurance 400 INVALID_NHS_NUMBER / BAD_REQUEST.</summary>
    public static Divergence RegisterPatientRequestErrors { get; } = new("registerPatientRequestErrors",
        "Register a patient request errors", "422 INVALID_RESOURCE",
        "400 INVALID_NHS_NUMBER for a missing NHS number, 400 BAD_REQUEST for the other request errors");

    /// <summary>A JWT claim resource of the wrong type: spec 400 BAD_REQUEST, NHS assurance 422 INVALID_RESOURCE.</summary>
    public static Divergence JwtClaimResourceType { get; } = new("jwtClaimResourceType",
        "JWT requesting_device / requesting_practitioner of the wrong resource type", "400 BAD_REQUEST", "422 INVALID_RESOURCE");

    /// <summary>A JWT issued up to 200 s ahead: the #640 seed-time leeway (120 s) rejects it, NHS assurance accepts it.</summary>
    public static Divergence JwtIssuedAhead { get; } = new("jwtIssuedAhead",
        "JWT iat in the future beyond the #640 leeway", "rejected with 400 BAD_REQUEST beyond the configured leeway (120 s)",
        "accepted up to 200 s in the future");

    /// <summary>A bad client certificate: spec refuses the TLS handshake, NHS assurance also accepts HTTP 495/496.</summary>
    public static Divergence ClientCertificateHttpError { get; } = new("clientCertificateHttpError",
        "Bad client certificates (none, expired, untrusted CA, revoked, naming another system)", "the TLS handshake is refused (no HTTP exchange)",
        "HTTP 495 (certificate error) or 496 (no certificate) after the handshake");

    /// <summary>A booking naming a slot the practice does not hold: spec 422 REFERENCE_NOT_FOUND, NHS assurance 422 INVALID_RESOURCE.</summary>
    public static Divergence BookingUnknownSlot { get; } = new("bookingUnknownSlot",
        "A booking naming a slot the practice does not hold", "422 REFERENCE_NOT_FOUND", "422 INVALID_RESOURCE");

    /// <summary>Every divergence the suite knows, in the order of docs/expectations.md.</summary>
    public static IReadOnlyList<Divergence> All { get; } =
        [RegisterPatientRequestErrors, JwtClaimResourceType, JwtIssuedAhead, ClientCertificateHttpError, BookingUnknownSlot];

    /// <summary>The divergence with this config name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such divergence; the message lists the known names.</exception>
    public static Divergence Named(string configName) =>
        All.FirstOrDefault(d => string.Equals(d.ConfigName, configName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No divergence is called \"{configName}\"; known: {string.Join(", ", All.Select(d => d.ConfigName))}.", nameof(configName));

    /// <summary>How far ahead NHS assurance accepts a JWT's iat.</summary>
    public const int AssuranceIssuedAheadSeconds = 200;
}

/// <summary>The divergence switches of one run: each divergence is "warn" (the default) or "strict".</summary>
public sealed class DivergencePolicy
{
    private readonly HashSet<string> _strict = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <c>expectations:divergences:*</c>; <c>expectations:divergences:all=strict</c> makes every one strict.</summary>
    /// <exception cref="ConfigurationException">A value other than warn or strict, or an unknown divergence name (names key and file).</exception>
    public DivergencePolicy(ConformanceSettings settings)
    {
        var section = settings.Configuration.GetSection("expectations:divergences");
        foreach (var child in section.GetChildren())
        {
            if (child.Key.StartsWith("//", StringComparison.Ordinal)) continue;
            var key = $"expectations:divergences:{child.Key}";
            var value = (child.Value ?? "").Trim().ToLowerInvariant();
            if (value is not ("warn" or "strict" or ""))
                throw new ConfigurationException([new ConfigurationProblem(key, settings.SourceFile, $"{key} must be \"warn\" or \"strict\", not \"{child.Value}\"")]);
            if (string.Equals(child.Key, "all", StringComparison.OrdinalIgnoreCase))
            {
                if (value == "strict") foreach (var d in Divergence.All) _strict.Add(d.ConfigName);
                continue;
            }
            if (!Divergence.All.Any(d => string.Equals(d.ConfigName, child.Key, StringComparison.OrdinalIgnoreCase)))
                throw new ConfigurationException([new ConfigurationProblem(key, settings.SourceFile,
                    $"{key} is not a known divergence; known: all, {string.Join(", ", Divergence.All.Select(d => d.ConfigName))}")]);
            if (value == "strict") _strict.Add(child.Key);
        }
    }

    /// <summary>True when NHS assurance's answer fails this run instead of warning.</summary>
    public bool IsStrict(Divergence divergence) => _strict.Contains(divergence.ConfigName);

    /// <summary>The divergences switched to strict, for the report's expectation set.</summary>
    public IEnumerable<Divergence> StrictOnes() => Divergence.All.Where(IsStrict);

    /// <summary>"warn" or "strict", as written in config.</summary>
    public string Mode(Divergence divergence) => IsStrict(divergence) ? "strict" : "warn";

    /// <summary>
    /// Judges an answer on a divergence: the spec pages' answer (<paramref name="specAnswer"/> passed) passes; NHS
    /// assurance's answer (<paramref name="assuranceAnswer"/> passes) is a warning, or a failure when the switch is strict;
    /// any other answer fails with the spec check's rules and a note of what NHS assurance would have accepted.
    /// </summary>
    public Checks.Check Judge(Divergence divergence, Checks.Check specAnswer, Func<Checks.Check> assuranceAnswer)
    {
        if (specAnswer.Passed) return specAnswer;
        var assurance = assuranceAnswer();
        var result = new Checks.Check();
        var rule = $"divergence.{divergence.ConfigName}";
        if (assurance.Passed)
        {
            var what = string.Format(CultureInfo.InvariantCulture,
                "{0}: the provider answered as NHS assurance expects ({1}), not as the spec pages say ({2}).",
                divergence.Title, divergence.AssuranceAnswer, divergence.SpecAnswer);
            return IsStrict(divergence)
                ? result.Fail(rule, null, divergence.SpecAnswer, divergence.AssuranceAnswer, $"{what} {divergence.ConfigKey}=strict makes this a failure.")
                : result.Warn(rule, null, divergence.SpecAnswer, divergence.AssuranceAnswer,
                    $"{what} Accepted because NHS assurance accepts it; set {divergence.ConfigKey}=strict to fail it (docs/expectations.md).");
        }
        result.Add(specAnswer.Failures);
        result.Fail(rule, null, divergence.SpecAnswer, "neither answer",
            $"{divergence.Title}: the spec pages expect {divergence.SpecAnswer}; NHS assurance's answer ({divergence.AssuranceAnswer}) would be accepted with a warning, but the provider gave neither.");
        return result;
    }
}
