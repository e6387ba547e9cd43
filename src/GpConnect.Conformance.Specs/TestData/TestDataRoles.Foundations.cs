namespace GpConnect.Conformance.Specs.TestData;

public static partial class TestDataRoles
{
    /// <summary>Roles the Foundations features use (patients, practitioners, organisations, locations).</summary>
    private static partial IReadOnlyList<TestDataRole> FoundationsRoles() => [];
}
