using System.Text.Json;
using System.Text.RegularExpressions;
using GpConnect.Conformance.Client.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>
/// Loads <see cref="ConformanceSettings"/> from, in increasing precedence: a JSON file, environment variables
/// prefixed <c>GPCC_</c> (with <c>__</c> between key segments, e.g. <c>GPCC_PROVIDER__ASID</c>), and
/// command-line style overrides (e.g. <c>specVersion=1.2.4</c>, <c>provider:embedded:faults:0=x</c>).
/// Every problem is collected and thrown together as one <see cref="ConfigurationException"/>.
/// </summary>
public static partial class SettingsLoader
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "GPCC_";

    /// <summary>Loads and validates the settings.</summary>
    /// <param name="configFile">Path of the JSON configuration file (relative to the current directory or absolute).</param>
    /// <param name="overrides">Key/value overrides with colon-separated keys; they win over the file and the environment.</param>
    /// <exception cref="ConfigurationException">The file is missing or malformed, or any key is missing or invalid.</exception>
    public static ConformanceSettings Load(string configFile, IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        Load(configFile, overrides, EnvironmentPrefix);

    /// <summary>As <see cref="Load(string, IEnumerable{KeyValuePair{string, string}})"/>, reading environment variables with another prefix (null: none).</summary>
    public static ConformanceSettings Load(string configFile, IEnumerable<KeyValuePair<string, string?>>? overrides, string? environmentPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configFile);
        var configuration = BuildConfiguration(configFile, overrides, environmentPrefix);
        return Bind(configuration, configFile, environmentPrefix);
    }

    /// <summary>
    /// Turns command-line arguments into overrides, using the command-line configuration provider's syntax:
    /// <c>key=value</c>, <c>--key value</c>, <c>--key=value</c> or <c>/key value</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ParseOverrides(IEnumerable<string> arguments)
    {
        var provider = new CommandLineConfigurationProvider(arguments);
        provider.Load();
        return new ConfigurationRoot([provider]).AsEnumerable()
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static IConfigurationRoot BuildConfiguration(string configFile, IEnumerable<KeyValuePair<string, string?>>? overrides, string? environmentPrefix)
    {
        var fullPath = Path.GetFullPath(configFile);
        if (Directory.Exists(fullPath))
            throw Single(configFile, $"the configuration file is a folder, not a file");
        if (!File.Exists(fullPath))
            throw Single(configFile, $"the configuration file does not exist (full path: {fullPath})");

        var builder = new ConfigurationBuilder().AddJsonFile(fullPath, optional: false, reloadOnChange: false);
        if (environmentPrefix is not null) builder.AddEnvironmentVariables(environmentPrefix);
        if (overrides is not null) builder.AddInMemoryCollection(NormaliseOverrides(overrides));
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or JsonException)
        {
            throw Single(configFile, DescribeJsonError(e));
        }
    }

    /// <summary>
    /// Override keys may use '.' between segments as well as ':' (<c>provider.allowWrites=false</c>, as the README
    /// writes keys); the same key given twice keeps the last value (keys are case-insensitive).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> NormaliseOverrides(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (key, value) in overrides)
        {
            var normalised = string.Join(':', key.Trim().Split(['.', ':']));
            if (!merged.ContainsKey(normalised)) order.Add(normalised);
            merged[normalised] = value;
        }
        return order.Select(k => new KeyValuePair<string, string?>(k, merged[k])).ToList();
    }

    private static string DescribeJsonError(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
                return $"malformed JSON at line {line + 1}, position {json.BytePositionInLine + 1}: {FirstSentence(json.Message)}";
        }
        return $"malformed JSON: {e.Message}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static ConfigurationException Single(string file, string message) =>
        new([new ConfigurationProblem("", file, message)]);

    private static bool IsSameOrBelow(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase) || key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirIdPattern();

    private static ConformanceSettings Bind(IConfigurationRoot configuration, string configFile, string? environmentPrefix)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        var r = new SettingsReader(configuration, configFile, directory, environmentPrefix);

        var specVersion = r.String("specVersion", required: true);
        if (specVersion.Length > 0 && !SpecVersions.IsSupported(specVersion))
            r.Problem("specVersion", $"specVersion \"{specVersion}\" is not supported (use {SpecVersions.Describe()})");

        var provider = BindProvider(r);
        var consumer = BindConsumer(r);
        var tls = BindTls(r);
        var http = new HttpSettings { TimeoutSeconds = r.PositiveNumber("http:timeoutSeconds", 30) };
        var jwt = new JwtSettings
        {
            ClockSkewLeewaySeconds = r.Int("jwt:clockSkewLeewaySeconds", 120, minimum: 0),
            ValidateIat = r.Bool("jwt:validateIat", true),
        };
        var expectations = new ExpectationsSettings
        {
            CapabilityVersion = r.String("expectations:capabilityVersion", required: false),
            ServiceTypeMax = r.Int("expectations:serviceTypeMax", 1, minimum: 1),
            Section = configuration.GetSection("expectations"),
        };
        var asOf = AsOfDate(r);
        var ageingWarningDays = r.Int("checkData:ageingWarningDays", 7, minimum: 0);
        var reports = new ReportsSettings
        {
            Directory = SettingsReader.LocalPath(r.String("reports:directory", required: false, fallback: "reports")),
            SigningKey = r.ExistingFile("reports:signingKey"),
            KeepRuns = r.Int("reports:keepRuns", 0, minimum: 0),
            KeepDays = r.Int("reports:keepDays", 0, minimum: 0),
            Cucumber = r.Bool("reports:cucumber", true),
        };
        var limits = new LimitsSettings
        {
            MaxResponseBytes = r.Int("limits:maxResponseBytes", LimitsSettings.DefaultMaxResponseBytes, minimum: 1024),
            MaxDecodedResponseBytes = r.Int("limits:maxDecodedResponseBytes", LimitsSettings.DefaultMaxDecodedResponseBytes, minimum: 1024),
            MaxEvidenceBodyChars = r.Int("limits:maxEvidenceBodyChars", LimitsSettings.DefaultMaxEvidenceBodyChars, minimum: 1024),
            MaxNestingDepth = r.Int("limits:maxNestingDepth", LimitsSettings.DefaultMaxNestingDepth, minimum: 16, maximum: 1000),
        };
        var run = new RunSettings
        {
            WarnBelowRuns = r.Int("run:warnBelowRuns", 10, minimum: 0),
            Parallel = r.Raw("run:parallel") is not null ? r.Int("run:parallel", 1, minimum: 1, maximum: 64) : null,
            TimeBudgetMinutes = r.PositiveNumber("run:timeBudgetMinutes", RunSettings.DefaultTimeBudgetMinutes, "minutes"),
            UnresponsiveAfterTimeouts = r.Int("run:unresponsiveAfterTimeouts", 3, minimum: 0, maximum: 1000),
        };
        var bindingAssemblies = r.List("extensions:bindingAssemblies")
            .Select((_, i) => r.ExistingFile($"extensions:bindingAssemblies:{i}"))
            .OfType<string>()
            .ToList();
        var extensions = new ExtensionsSettings
        {
            FeaturesDirectory = r.String("extensions:features", required: false, fallback: "extensions/features"),
            BindingAssemblies = bindingAssemblies,
        };

        var schemaProblems = ConfigurationSchema.Check(configuration, configFile, environmentPrefix);
        if (schemaProblems.Count > 0 || r.Problems.Count > 0)
        {
            // A key the schema already explains (an object where a value belongs) is not reported again as "required".
            var explained = schemaProblems.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            throw new ConfigurationException([.. schemaProblems, .. r.Problems.Where(p => !explained.Any(k => IsSameOrBelow(p.Key, k)))]);
        }

        var testDataSection = configuration.GetSection("testData");
        return new ConformanceSettings
        {
            SpecVersion = specVersion,
            Provider = provider,
            AsOf = asOf,
            AgeingWarningDays = ageingWarningDays,
            Consumer = consumer,
            Tls = tls,
            Http = http,
            Jwt = jwt,
            Expectations = expectations,
            Reports = reports,
            Limits = limits,
            Run = run,
            Extensions = extensions,
            TestData = TestDataMap.Build(testDataSection),
            TestDataSection = testDataSection,
            Configuration = configuration,
            SourceFile = configFile,
        };
    }

    /// <summary><c>asOf</c>: a calendar date written YYYY-MM-DD (from 2000 to 2099), or null when empty.</summary>
    private static DateOnly? AsOfDate(SettingsReader r)
    {
        var text = r.Raw("asOf");
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2099)
            return date;
        r.Problem("asOf", $"asOf must be a date written YYYY-MM-DD between 2000 and 2099 (got \"{text}\")");
        return null;
    }

    private static ProviderSettings BindProvider(SettingsReader r)
    {
        var targetText = r.String("provider:target", required: false, fallback: "embedded");
        var target = ProviderTarget.Embedded;
        if (targetText.Equals("remote", StringComparison.OrdinalIgnoreCase)) target = ProviderTarget.Remote;
        else if (!targetText.Equals("embedded", StringComparison.OrdinalIgnoreCase))
            r.Problem("provider:target", $"provider:target must be \"embedded\" or \"remote\" (got \"{targetText}\")");

        var fhirBaseUrl = r.Url("provider:fhirBaseUrl", required: target == ProviderTarget.Remote,
            requiredMessage: "provider:fhirBaseUrl is required when provider:target is \"remote\"", serviceRoot: true);

        return new ProviderSettings
        {
            Target = target,
            FhirBaseUrl = fhirBaseUrl,
            OdsCode = r.Alphanumeric("provider:odsCode"),
            Asid = r.Digits("provider:asid"),
            AllowWrites = r.Bool("provider:allowWrites", false),
            Embedded = new EmbeddedProviderSettings
            {
                Faults = r.List("provider:embedded:faults"),
                Https = r.Bool("provider:embedded:https", false),
                CancelledSlotsStayBusy = r.Bool("provider:embedded:cancelledSlotsStayBusy", false),
            },
        };
    }

    private static ConsumerSettings BindConsumer(SettingsReader r)
    {
        var systemUrl = r.Url("consumer:systemUrl", required: true);
        var deviceSystem = r.Url("consumer:device:system", required: true);
        var practitionerId = r.String("consumer:practitioner:id", required: true);
        if (practitionerId.Length > 0 && !FhirIdPattern().IsMatch(practitionerId))
            r.Problem("consumer:practitioner:id",
                $"consumer:practitioner:id must be a FHIR id: 1-64 letters, digits, '-' or '.' (got \"{practitionerId}\")");
        var localSystem = r.Url("consumer:practitioner:localIdentifierSystem", required: false);

        return new ConsumerSettings
        {
            Asid = r.Digits("consumer:asid"),
            OdsCode = r.Alphanumeric("consumer:odsCode"),
            OrganisationName = r.String("consumer:organisationName", required: true),
            SystemUrl = systemUrl?.OriginalString ?? "",
            Device = new DeviceSettings
            {
                System = deviceSystem?.OriginalString ?? "",
                Value = r.String("consumer:device:value", required: true),
                Model = r.String("consumer:device:model", required: true),
                Version = r.String("consumer:device:version", required: true),
            },
            Practitioner = new PractitionerSettings
            {
                Id = practitionerId,
                SdsUserId = r.String("consumer:practitioner:sdsUserId", required: true),
                SdsRoleProfileId = r.String("consumer:practitioner:sdsRoleProfileId", required: false),
                LocalIdentifierSystem = localSystem?.OriginalString ?? "",
                LocalIdentifier = r.String("consumer:practitioner:localIdentifier", required: false),
                Family = r.String("consumer:practitioner:family", required: true),
                Given = r.List("consumer:practitioner:given"),
                Prefix = r.List("consumer:practitioner:prefix"),
            },
        };
    }

    private static TlsSettings BindTls(SettingsReader r)
    {
        var password = r.Raw("tls:clientCertificatePassword", trim: false);
        var clientCertificate = r.CertificateFileOrStore("tls:clientCertificate");
        if (clientCertificate is not null)
        {
            try { using var _ = CertificateLoader.LoadClientCertificate(clientCertificate, password); }
            catch (CertificateLoadException e) { r.Problem("tls:clientCertificate", $"tls:clientCertificate could not be loaded: {e.Message}"); }
        }

        var ca = r.CertificateFileOrStore("tls:trustedCaCertificate");
        if (ca is not null)
        {
            try { CertificateLoader.LoadCaCertificates(ca); }
            catch (CertificateLoadException e) { r.Problem("tls:trustedCaCertificate", $"tls:trustedCaCertificate could not be loaded: {e.Message}"); }
        }

        return new TlsSettings
        {
            ClientCertificate = clientCertificate,
            ClientCertificatePassword = password,
            TrustedCaCertificate = ca,
            ValidateServerCertificate = r.Bool("tls:validateServerCertificate", true),
        };
    }
}
