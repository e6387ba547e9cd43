namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// Every test-data role the features use. Each area declares its roles in its own file (TestDataRoles.&lt;Area&gt;.cs);
/// config/provider.example.json lists them all for a real provider, and config/default.json maps them to the embedded
/// reference provider's seeded records.
/// </summary>
public static partial class TestDataRoles
{
    private static readonly Lazy<IReadOnlyDictionary<string, TestDataRole>> ById = new(() =>
        All.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>All roles, by area.</summary>
    public static IReadOnlyList<TestDataRole> All => [.. FoundationsRoles(), .. AppointmentRoles()];

    /// <summary>The role with this id; an unknown id is a mistake in a step definition.</summary>
    public static TestDataRole Get(string id) =>
        ById.Value.TryGetValue(id, out var role)
            ? role
            : throw new ArgumentException($"\"{id}\" is not a test-data role. Known roles: {string.Join(", ", ById.Value.Keys.Order())}.");

    private static partial IReadOnlyList<TestDataRole> FoundationsRoles();
    private static partial IReadOnlyList<TestDataRole> AppointmentRoles();
}
