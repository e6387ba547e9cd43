namespace GpConnect.Conformance.Client.Configuration;

/// <summary>The GP Connect specification versions the harness can target, and what each implies.</summary>
public static class SpecVersions
{
    /// <summary>Supported <c>specVersion</c> values, oldest first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["1.2.3", "1.2.4", "1.2.7"];

    /// <summary>True when <paramref name="version"/> is one of <see cref="Supported"/> (exact match).</summary>
    public static bool IsSupported(string? version) => version is not null && Supported.Contains(version, StringComparer.Ordinal);

    /// <summary>
    /// The <c>CapabilityStatement.version</c> a provider built to <paramref name="specVersion"/> reports:
    /// 1.2.3 → 1.2.3, 1.2.4 → 1.2.3 (the 1.2.4 release did not bump it), 1.2.7 → 1.2.7.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not supported.</exception>
    public static string CapabilityVersionFor(string specVersion) => specVersion switch
    {
        "1.2.3" or "1.2.4" => "1.2.3",
        "1.2.7" => "1.2.7",
        _ => throw new ArgumentException($"specVersion \"{specVersion}\" is not supported (use {Describe()})", nameof(specVersion)),
    };

    /// <summary>Compares two dotted versions numerically (e.g. for <c>@since-1.2.4</c> checks); negative when a &lt; b.</summary>
    public static int Compare(string a, string b) => Version.Parse(a).CompareTo(Version.Parse(b));

    /// <summary>"1.2.3, 1.2.4 or 1.2.7".</summary>
    public static string Describe() => string.Join(", ", Supported.Take(Supported.Count - 1)) + " or " + Supported[^1];
}
