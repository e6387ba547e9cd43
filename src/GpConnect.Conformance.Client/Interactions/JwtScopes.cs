namespace GpConnect.Conformance.Client.Interactions;

/// <summary>The four JWT <c>requested_scope</c> values GP Connect defines.</summary>
public static class JwtScopes
{
    /// <summary><c>patient/*.read</c></summary>
    public const string PatientRead = "patient/*.read";
    /// <summary><c>patient/*.write</c></summary>
    public const string PatientWrite = "patient/*.write";
    /// <summary><c>organization/*.read</c></summary>
    public const string OrganizationRead = "organization/*.read";
    /// <summary><c>organization/*.write</c> (no current use).</summary>
    public const string OrganizationWrite = "organization/*.write";

    /// <summary>All four values.</summary>
    public static IReadOnlyList<string> All { get; } = [PatientRead, PatientWrite, OrganizationRead, OrganizationWrite];
}
