using Microsoft.Extensions.Configuration;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>
/// The whole harness configuration, bound from a JSON file, <c>GPCC_</c> environment variables and command-line
/// style overrides (see <see cref="SettingsLoader"/>). Key names follow <c>config/default.json</c>.
/// </summary>
public sealed class ConformanceSettings
{
    /// <summary>GP Connect specification version under test (<c>specVersion</c>): 1.2.3, 1.2.4 or 1.2.7.</summary>
    public required string SpecVersion { get; init; }

    /// <summary>The provider under test (<c>provider</c>).</summary>
    public required ProviderSettings Provider { get; init; }

    /// <summary>
    /// <c>asOf</c> (command line <c>--as-of YYYY-MM-DD</c>): run as if today were this UK date. Every date the suite works
    /// out (search windows, booking horizons, today, yesterday) follows it, and so do the embedded reference provider's
    /// clock and seeded practice; JWT times stay real. Null: today.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// <c>checkData:ageingWarningDays</c>: <c>--check-data</c> warns about a date-dependent test-data role that stops
    /// satisfying its scenarios within this many days (default 7).
    /// </summary>
    public int AgeingWarningDays { get; init; } = 7;

    /// <summary>The consumer identity the harness presents (<c>consumer</c>): SSP headers and JWT claims.</summary>
    public required ConsumerSettings Consumer { get; init; }

    /// <summary>Mutual TLS settings (<c>tls</c>).</summary>
    public required TlsSettings Tls { get; init; }

    /// <summary>HTTP transport settings (<c>http</c>).</summary>
    public required HttpSettings Http { get; init; }

    /// <summary>JWT timing rules the provider is expected to apply (<c>jwt</c>).</summary>
    public required JwtSettings Jwt { get; init; }

    /// <summary>Expected values that vary by provider build (<c>expectations</c>).</summary>
    public required ExpectationsSettings Expectations { get; init; }

    /// <summary>Where reports are written (<c>reports</c>).</summary>
    public required ReportsSettings Reports { get; init; }

    /// <summary>Bounds on what a provider can make the harness hold (<c>limits</c>).</summary>
    public LimitsSettings Limits { get; init; } = new();
    /// <summary>Extra features and binding assemblies (<c>extensions:*</c>).</summary>
    public ExtensionsSettings Extensions { get; init; } = new();

    /// <summary>The test-data budget warning (<c>run</c>).</summary>
    public RunSettings Run { get; init; } = new();

    /// <summary>
    /// Test data by role (<c>testData</c>). A role is the path to a group of string values, joined with '.', e.g.
    /// <c>testData:patients:sensitive:nhsNumber</c> gives role <c>patients.sensitive</c>, value name <c>nhsNumber</c>.
    /// Keys are case-insensitive.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> TestData { get; init; }

    /// <summary>The raw <c>testData</c> configuration section, for shapes the role map does not cover.</summary>
    public required IConfigurationSection TestDataSection { get; init; }

    /// <summary>The full merged configuration (file + environment + overrides).</summary>
    public required IConfiguration Configuration { get; init; }

    /// <summary>The configuration file the settings were loaded from, as given to the loader.</summary>
    public required string SourceFile { get; init; }

    /// <summary>
    /// The <c>CapabilityStatement.version</c> the provider must report: <see cref="ExpectationsSettings.CapabilityVersion"/>
    /// when set, otherwise the value from the spec version table (1.2.3 → 1.2.3, 1.2.4 → 1.2.3, 1.2.7 → 1.2.7).
    /// </summary>
    public string ExpectedCapabilityVersion =>
        string.IsNullOrWhiteSpace(Expectations.CapabilityVersion)
            ? SpecVersions.CapabilityVersionFor(SpecVersion)
            : Expectations.CapabilityVersion;

    /// <summary>
    /// Looks up one test-data value. Throws <see cref="ConfigurationException"/> naming the key and file when it is not
    /// configured. <paramref name="role"/> may use '.' or ':' between segments.
    /// </summary>
    public string GetTestData(string role, string name)
    {
        if (TryGetTestData(role, name, out var value)) return value;
        var key = $"testData:{TestDataMap.NormaliseRole(role).Replace('.', ':')}:{name}";
        throw new ConfigurationException([new ConfigurationProblem(key, SourceFile, $"{key} is not configured (test data role \"{role}\", value \"{name}\")")]);
    }

    /// <summary>Looks up one test-data value; false when the role or value is absent or empty.</summary>
    public bool TryGetTestData(string role, string name, out string value)
    {
        value = "";
        if (!TestData.TryGetValue(TestDataMap.NormaliseRole(role), out var values)) return false;
        if (!values.TryGetValue(name, out var found) || string.IsNullOrEmpty(found)) return false;
        value = found;
        return true;
    }

    /// <summary>
    /// Every configured key and value, ordered by key, for reports. Values of keys whose name contains
    /// "password", "secret" or "token" (case-insensitive) are replaced by <c>***</c> (empty values stay empty).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Redacted() => SettingsRedactor.Redact(Configuration, SourceFile);
}

/// <summary>Target of the run: the in-repo reference provider or a real one.</summary>
public enum ProviderTarget
{
    /// <summary>The embedded reference provider started by the harness.</summary>
    Embedded,
    /// <summary>A provider reached over the network at <see cref="ProviderSettings.FhirBaseUrl"/>.</summary>
    Remote,
}

/// <summary>The provider under test (<c>provider</c> section).</summary>
public sealed class ProviderSettings
{
    /// <summary><c>provider:target</c>: embedded or remote.</summary>
    public ProviderTarget Target { get; init; } = ProviderTarget.Embedded;

    /// <summary><c>provider:fhirBaseUrl</c>: the service root URL (required for remote; no trailing slash). Null when empty.</summary>
    public Uri? FhirBaseUrl { get; init; }

    /// <summary><c>provider:odsCode</c>: the practice ODS code of the provider.</summary>
    public string OdsCode { get; init; } = "";

    /// <summary><c>provider:asid</c>: the provider's ASID, sent as <c>Ssp-To</c>.</summary>
    public string Asid { get; init; } = "";

    /// <summary><c>provider:allowWrites</c>: whether scenarios may book/amend/cancel/register on this provider.</summary>
    public bool AllowWrites { get; init; }

    /// <summary><c>provider:embedded</c>: options for the embedded reference provider.</summary>
    public EmbeddedProviderSettings Embedded { get; init; } = new();
}

/// <summary>Options for the embedded reference provider (<c>provider:embedded</c>).</summary>
public sealed class EmbeddedProviderSettings
{
    /// <summary><c>provider:embedded:faults</c>: names of faults to inject into the reference provider.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary><c>provider:embedded:https</c>: serve over HTTPS with mutual TLS (generated test CA).</summary>
    public bool Https { get; init; }

    /// <summary>
    /// <c>provider:embedded:cancelledSlotsStayBusy</c>: a cancelled appointment's slots stay busy (the rarer lawful
    /// behaviour) instead of becoming free again (the default).
    /// </summary>
    public bool CancelledSlotsStayBusy { get; init; }
}

/// <summary>The test-data budget warning (<c>run</c> section).</summary>
public sealed class RunSettings
{
    /// <summary><c>run:warnBelowRuns</c>: <c>--check-data</c> warns when the provider's data supports fewer full runs than this.</summary>
    public int WarnBelowRuns { get; init; } = 10;

    /// <summary>
    /// <c>run:parallel</c> (or <c>--parallel N</c>): how many scenarios may run at once; null when not configured, which
    /// means the core count against the embedded provider and 1 against a remote one (see <see cref="ParallelFor"/>).
    /// </summary>
    public int? Parallel { get; init; }

    /// <summary>The number of scenarios that may run at once against <paramref name="target"/>.</summary>
    public int ParallelFor(ProviderTarget target) =>
        Parallel ?? (target == ProviderTarget.Embedded ? Math.Max(1, Environment.ProcessorCount) : 1);

    /// <summary>
    /// <c>run:timeBudgetMinutes</c> (also <c>--time-budget MINUTES</c>): once a run has taken this long, the scenarios not
    /// yet started are reported <i>not run: time budget exhausted</i> and the run ends. Default 60 minutes.
    /// </summary>
    public double TimeBudgetMinutes { get; init; } = DefaultTimeBudgetMinutes;

    /// <summary>The default of <see cref="TimeBudgetMinutes"/>: a full run against a healthy provider takes a few minutes.</summary>
    public const double DefaultTimeBudgetMinutes = 60;

    /// <summary><see cref="TimeBudgetMinutes"/> as a time span.</summary>
    public TimeSpan TimeBudget => TimeSpan.FromMinutes(TimeBudgetMinutes);

    /// <summary>
    /// <c>run:unresponsiveAfterTimeouts</c>: after this many requests in a row time out (<c>http:timeoutSeconds</c>), the
    /// provider is taken as unresponsive and the scenarios not yet started are reported <i>not run: provider unresponsive</i>.
    /// Default 3; 0 never gives up (each request waits out its own timeout, within the time budget).
    /// </summary>
    public int UnresponsiveAfterTimeouts { get; init; } = 3;
}

/// <summary>The consumer identity (<c>consumer</c> section).</summary>
public sealed class ConsumerSettings
{
    /// <summary><c>consumer:asid</c>: consumer ASID, sent as <c>Ssp-From</c>.</summary>
    public string Asid { get; init; } = "";

    /// <summary><c>consumer:odsCode</c>: ODS code of the requesting organisation (JWT).</summary>
    public string OdsCode { get; init; } = "";

    /// <summary><c>consumer:organisationName</c>: name of the requesting organisation (JWT).</summary>
    public string OrganisationName { get; init; } = "";

    /// <summary><c>consumer:systemUrl</c>: consumer system URL, the JWT <c>iss</c>.</summary>
    public string SystemUrl { get; init; } = "";

    /// <summary><c>consumer:device</c>: the requesting device (JWT).</summary>
    public DeviceSettings Device { get; init; } = new();

    /// <summary><c>consumer:practitioner</c>: the requesting practitioner (JWT).</summary>
    public PractitionerSettings Practitioner { get; init; } = new();
}

/// <summary>The requesting device (<c>consumer:device</c>).</summary>
public sealed class DeviceSettings
{
    /// <summary><c>consumer:device:system</c>: identifier system URL.</summary>
    public string System { get; init; } = "";
    /// <summary><c>consumer:device:value</c>: identifier value.</summary>
    public string Value { get; init; } = "";
    /// <summary><c>consumer:device:model</c>: consumer product name.</summary>
    public string Model { get; init; } = "";
    /// <summary><c>consumer:device:version</c>: consumer product version.</summary>
    public string Version { get; init; } = "";
}

/// <summary>The requesting practitioner (<c>consumer:practitioner</c>).</summary>
public sealed class PractitionerSettings
{
    /// <summary><c>consumer:practitioner:id</c>: logical id; also the JWT <c>sub</c>.</summary>
    public string Id { get; init; } = "";
    /// <summary><c>consumer:practitioner:sdsUserId</c>: SDS user id (or UNK).</summary>
    public string SdsUserId { get; init; } = "";
    /// <summary><c>consumer:practitioner:sdsRoleProfileId</c>: SDS role profile id (or UNK).</summary>
    public string SdsRoleProfileId { get; init; } = "";
    /// <summary><c>consumer:practitioner:localIdentifierSystem</c>: consumer-defined local identifier system.</summary>
    public string LocalIdentifierSystem { get; init; } = "";
    /// <summary><c>consumer:practitioner:localIdentifier</c>: the user's local identifier.</summary>
    public string LocalIdentifier { get; init; } = "";
    /// <summary><c>consumer:practitioner:family</c>: family name.</summary>
    public string Family { get; init; } = "";
    /// <summary><c>consumer:practitioner:given</c>: given names.</summary>
    public IReadOnlyList<string> Given { get; init; } = [];
    /// <summary><c>consumer:practitioner:prefix</c>: name prefixes.</summary>
    public IReadOnlyList<string> Prefix { get; init; } = [];
}

/// <summary>Mutual TLS settings (<c>tls</c>).</summary>
public sealed class TlsSettings
{
    /// <summary>
    /// <c>tls:clientCertificate</c>: full path of the client certificate (PFX/PKCS#12, or PEM with its key), or a
    /// certificate store reference such as <c>store:CurrentUser/My/&lt;thumbprint&gt;</c> (canonical form, see
    /// <see cref="Tls.CertificateStoreReference"/>); null when not configured.
    /// </summary>
    public string? ClientCertificate { get; init; }
    /// <summary><c>tls:clientCertificatePassword</c>: password of the PFX or encrypted PEM key; null when empty.</summary>
    public string? ClientCertificatePassword { get; init; }
    /// <summary>
    /// <c>tls:trustedCaCertificate</c>: full path of the CA certificate(s) (PEM or DER) the server must chain to, or a
    /// certificate store reference such as <c>store:CurrentUser/Root/&lt;thumbprint&gt;</c>; null for system trust.
    /// </summary>
    public string? TrustedCaCertificate { get; init; }
    /// <summary><c>tls:validateServerCertificate</c>: false accepts any server certificate.</summary>
    public bool ValidateServerCertificate { get; init; } = true;
}

/// <summary>HTTP transport settings (<c>http</c>).</summary>
public sealed class HttpSettings
{
    /// <summary><c>http:timeoutSeconds</c>: per-request timeout in seconds (greater than 0; fractions allowed).</summary>
    public double TimeoutSeconds { get; init; } = 30;

    /// <summary><see cref="TimeoutSeconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}

/// <summary>JWT timing rules the provider is expected to apply (<c>jwt</c>).</summary>
public sealed class JwtSettings
{
    /// <summary><c>jwt:clockSkewLeewaySeconds</c>: leeway on exp and iat (default 120; 0 for the released text).</summary>
    public int ClockSkewLeewaySeconds { get; init; } = 120;
    /// <summary><c>jwt:validateIat</c>: whether the provider is expected to reject an iat in the future beyond the leeway.</summary>
    public bool ValidateIat { get; init; } = true;
}

/// <summary>Expected values that vary by provider build (<c>expectations</c>).</summary>
public sealed class ExpectationsSettings
{
    /// <summary><c>expectations:capabilityVersion</c>: expected CapabilityStatement.version; empty means from the spec version table.</summary>
    public string CapabilityVersion { get; init; } = "";
    /// <summary><c>expectations:serviceTypeMax</c>: most <c>serviceType</c> entries allowed on a Slot or Appointment (seed: 1; at least 1).</summary>
    public int ServiceTypeMax { get; init; } = 1;

    /// <summary>The raw <c>expectations</c> section, for per-ticket keys such as <c>expectations:&lt;ticket&gt;:errorCode</c>.</summary>
    public IConfigurationSection? Section { get; init; }
}

/// <summary>
/// Bounds on what a provider can make the harness read and keep (<c>limits</c>), so a broken or hostile provider fails
/// its scenarios with the reason instead of exhausting memory or the stack.
/// </summary>
public sealed class LimitsSettings
{
    /// <summary>Default of <see cref="MaxResponseBytes"/>: 10 MiB.</summary>
    public const int DefaultMaxResponseBytes = 10 * 1024 * 1024;
    /// <summary>Default of <see cref="MaxDecodedResponseBytes"/>: 32 MiB.</summary>
    public const int DefaultMaxDecodedResponseBytes = 32 * 1024 * 1024;
    /// <summary>Default of <see cref="MaxEvidenceBodyChars"/>: 1 Mi characters.</summary>
    public const int DefaultMaxEvidenceBodyChars = 1024 * 1024;
    /// <summary>Default of <see cref="MaxNestingDepth"/>.</summary>
    public const int DefaultMaxNestingDepth = 256;

    /// <summary><c>limits:maxResponseBytes</c>: largest response body read from the wire; a larger one is refused unread.</summary>
    public int MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;
    /// <summary><c>limits:maxDecodedResponseBytes</c>: largest body after undoing Content-Encoding (gzip, deflate, br).</summary>
    public int MaxDecodedResponseBytes { get; init; } = DefaultMaxDecodedResponseBytes;
    /// <summary><c>limits:maxEvidenceBodyChars</c>: most characters of each request/response body kept as evidence in the reports.</summary>
    public int MaxEvidenceBodyChars { get; init; } = DefaultMaxEvidenceBodyChars;
    /// <summary><c>limits:maxNestingDepth</c>: most levels of nested JSON objects/arrays or XML elements in a body.</summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;
}

/// <summary>Report output (<c>reports</c>).</summary>
public sealed class ReportsSettings
{
    /// <summary><c>reports:directory</c>: folder the reports are written to.</summary>
    public string Directory { get; init; } = "reports";

    /// <summary><c>reports:signingKey</c>: full path of a PEM private key (ECDSA or RSA) that signs manifest.sha256; null for no signature.</summary>
    public string? SigningKey { get; init; }

    /// <summary><c>reports:keepRuns</c>: after a run, keep only this many newest run folders (0: no limit).</summary>
    public int KeepRuns { get; init; }

    /// <summary><c>reports:keepDays</c>: after a run, delete run folders older than this many days (0: no limit).</summary>
    public int KeepDays { get; init; }
    /// <summary>
    /// <c>reports:cucumber</c>: also write Reqnroll's Cucumber Messages (<c>cucumber-messages.ndjson</c>) and Cucumber's HTML
    /// report (<c>cucumber-report.html</c>) into each run folder. On by default; <c>--no-cucumber</c> turns it off for one run.
    /// </summary>
    public bool Cucumber { get; init; } = true;
}

/// <summary>A supplier's own scenarios and step definitions, run beside the suite's without forking it.</summary>
public sealed class ExtensionsSettings
{
    /// <summary>
    /// <c>extensions:features</c>: folder of extra <c>.feature</c> files (default <c>extensions/features</c>, relative to the
    /// checkout; nothing happens when it does not exist).
    /// </summary>
    public string FeaturesDirectory { get; init; } = "extensions/features";

    /// <summary><c>extensions:bindingAssemblies</c>: paths of extra assemblies with Reqnroll [Binding] classes (full paths).</summary>
    public IReadOnlyList<string> BindingAssemblies { get; init; } = [];
}
