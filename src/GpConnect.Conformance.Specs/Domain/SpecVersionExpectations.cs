using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// The expectations of one run: the target version's row values from <see cref="Versions.SpecVersionTable"/> (the one
/// table of expectations that differ by spec version), plus the config switches that override them. The report shows which expectation set a run used.
/// </summary>
public sealed class SpecVersionExpectations
{
    public SpecVersionExpectations(ConformanceSettings settings)
    {
        SpecVersion = settings.SpecVersion;
        var overridden = !string.IsNullOrWhiteSpace(settings.Expectations.CapabilityVersion);
        CapabilityVersion = settings.ExpectedCapabilityVersion;
        CapabilityVersionBasis = overridden ? "config expectations:capabilityVersion" : Versions.SpecVersionTable.CapabilityVersion.TicketFor(SpecVersion);
        ServiceTypeMax = settings.Expectations.ServiceTypeMax;
        QueryResponseLimit = Milliseconds(settings, "expectations:queryResponseLimitMs", 3000);
        CommandResponseLimit = Milliseconds(settings, "expectations:commandResponseLimitMs", 250);
        QueryResponseTarget = Min(Milliseconds(settings, "expectations:queryResponseTargetMs", 1000), QueryResponseLimit);
        CommandResponseTarget = Min(Milliseconds(settings, "expectations:commandResponseTargetMs", 100), CommandResponseLimit);
        Divergences = new DivergencePolicy(settings);
        ClockSkewLeewaySeconds = settings.Jwt.ClockSkewLeewaySeconds;
        ValidateIat = settings.Jwt.ValidateIat;
    }

    public string SpecVersion { get; }
    public string CapabilityVersion { get; }
    public string CapabilityVersionBasis { get; }
    /// <summary>Maximum serviceType entries on Slot and Appointment: 1 per the #912 seed, configurable (released profiles: 0..*).</summary>
    public int ServiceTypeMax { get; }
    /// <summary>spec: Non-functional requirements: a query (any GET) SHALL be answered within 3000 ms (SHOULD within 1000 ms). Config expectations:queryResponseLimitMs.</summary>
    public TimeSpan QueryResponseLimit { get; }

    /// <summary>spec: Non-functional requirements: a command (register, book, amend, cancel) SHALL be answered within 250 ms (SHOULD within 100 ms). Config expectations:commandResponseLimitMs.</summary>
    public TimeSpan CommandResponseLimit { get; }

    /// <summary>spec: Non-functional requirements: a query SHOULD be answered within 1000 ms (slower, inside the limit, is a warning). Config expectations:queryResponseTargetMs; never above the limit.</summary>
    public TimeSpan QueryResponseTarget { get; }

    /// <summary>spec: Non-functional requirements: a command SHOULD be answered within 100 ms (slower, inside the limit, is a warning). Config expectations:commandResponseTargetMs; never above the limit.</summary>
    public TimeSpan CommandResponseTarget { get; }

    /// <summary>Where the spec pages and NHS assurance disagree: what the suite warns on, and which switches make it strict (docs/expectations.md).</summary>
    public DivergencePolicy Divergences { get; }

    public int ClockSkewLeewaySeconds { get; }
    public bool ValidateIat { get; }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Milliseconds(ConformanceSettings settings, string key, int fallback)
    {
        var text = settings.Configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.FromMilliseconds(fallback);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : throw new Client.Configuration.ConfigurationException(
                [new Client.Configuration.ConfigurationProblem(key, settings.SourceFile, $"{key} must be a whole number of milliseconds above 0, not \"{text}\"")]);
    }

    /// <summary>"seed" when every switch has its seed default, otherwise the switches that differ — shown in reports.</summary>
    public string Describe()
    {
        var differences = new List<string>();
        if (CapabilityVersionBasis.StartsWith("config", StringComparison.Ordinal)) differences.Add($"capabilityVersion={CapabilityVersion}");
        if (ServiceTypeMax != 1) differences.Add($"serviceTypeMax={ServiceTypeMax}");
        if (ClockSkewLeewaySeconds != 120) differences.Add($"jwt.clockSkewLeewaySeconds={ClockSkewLeewaySeconds}");
        if (!ValidateIat) differences.Add("jwt.validateIat=false");
        if (QueryResponseLimit != TimeSpan.FromMilliseconds(3000)) differences.Add($"queryResponseLimitMs={QueryResponseLimit.TotalMilliseconds:0}");
        if (CommandResponseLimit != TimeSpan.FromMilliseconds(250)) differences.Add($"commandResponseLimitMs={CommandResponseLimit.TotalMilliseconds:0}");
        if (QueryResponseTarget != TimeSpan.FromMilliseconds(1000)) differences.Add($"queryResponseTargetMs={QueryResponseTarget.TotalMilliseconds:0}");
        if (CommandResponseTarget != TimeSpan.FromMilliseconds(100)) differences.Add($"commandResponseTargetMs={CommandResponseTarget.TotalMilliseconds:0}");
        differences.AddRange(Divergences.StrictOnes().Select(d => $"divergences.{d.ConfigName}=strict"));
        return differences.Count == 0 ? "seed defaults" : "custom: " + string.Join(", ", differences);
    }
}
