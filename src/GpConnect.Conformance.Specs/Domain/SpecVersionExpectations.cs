using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain;

/// <summary>
/// The one table of expectations that differ by target spec version (tickets.md §0.2), plus the config switches
/// that override them. The report shows which expectation set a run used.
/// </summary>
public sealed class SpecVersionExpectations
{
    // Why each version expects the capability version it does; the values themselves come from SpecVersions.
    private static readonly Dictionary<string, string> CapabilityVersionBases = new(StringComparer.Ordinal)
    {
        ["1.2.3"] = "#637",
        ["1.2.4"] = "1.2.4 release note: the version stays 1.2.3",
        ["1.2.7"] = "#905",
    };

    public SpecVersionExpectations(ConformanceSettings settings)
    {
        SpecVersion = settings.SpecVersion;
        var overridden = !string.IsNullOrWhiteSpace(settings.Expectations.CapabilityVersion);
        CapabilityVersion = settings.ExpectedCapabilityVersion;
        CapabilityVersionBasis = overridden ? "config expectations:capabilityVersion" : CapabilityVersionBases[SpecVersion];
        ServiceTypeMax = settings.Expectations.ServiceTypeMax;
        ClockSkewLeewaySeconds = settings.Jwt.ClockSkewLeewaySeconds;
        ValidateIat = settings.Jwt.ValidateIat;
    }

    public string SpecVersion { get; }
    public string CapabilityVersion { get; }
    public string CapabilityVersionBasis { get; }
    /// <summary>Maximum serviceType entries on Slot and Appointment: 1 per the #912 seed, configurable (released profiles: 0..*).</summary>
    public int ServiceTypeMax { get; }
    public int ClockSkewLeewaySeconds { get; }
    public bool ValidateIat { get; }

    /// <summary>"seed" when every switch has its seed default, otherwise the switches that differ — shown in reports.</summary>
    public string Describe()
    {
        var differences = new List<string>();
        if (CapabilityVersionBasis.StartsWith("config", StringComparison.Ordinal)) differences.Add($"capabilityVersion={CapabilityVersion}");
        if (ServiceTypeMax != 1) differences.Add($"serviceTypeMax={ServiceTypeMax}");
        if (ClockSkewLeewaySeconds != 120) differences.Add($"jwt.clockSkewLeewaySeconds={ClockSkewLeewaySeconds}");
        if (!ValidateIat) differences.Add("jwt.validateIat=false");
        return differences.Count == 0 ? "seed defaults" : "custom: " + string.Join(", ", differences);
    }
}
