namespace GpConnect.ReferenceProvider;

/// <summary>The GP Connect release the provider is built to, and the release-specific behaviour that follows.</summary>
internal sealed record SpecRelease(string Version, string CapabilityStatementVersion, bool PopulatesSlotAndScheduleTypes)
{
    /// <summary>The releases this provider can behave as.</summary>
    public static IReadOnlyList<SpecRelease> Supported { get; } =
    [
        new("1.2.3", "1.2.3", false),
        // Seed 1.2.4 notes: no GP-system provider changes, so the statement stays at 1.2.3.
        new("1.2.4", "1.2.3", false),
        // #905 version 1.2.7; #912 slot type / schedule type populated.
        new("1.2.7", "1.2.7", true),
    ];

    /// <summary>Looks a release up; an unsupported version throws <see cref="ArgumentException"/> naming the supported ones.</summary>
    public static SpecRelease Parse(string version) =>
        Supported.FirstOrDefault(r => r.Version == version)
        ?? throw new ArgumentException(
            $"Unsupported SpecVersion '{version}'. Supported: {string.Join(", ", Supported.Select(r => r.Version))}.");
}
