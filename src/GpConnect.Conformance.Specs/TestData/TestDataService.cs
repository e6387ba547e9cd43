using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// Gives scenarios the identifiers configured for a role. A missing role or field skips the scenario (it does not fail
/// it) with a message saying exactly which config key to set, so stale test data is never mistaken for a provider bug.
/// </summary>
public sealed class TestDataService(ConformanceSettings settings)
{
    /// <summary>All configured fields of the role; skips the scenario when a field the role needs is missing.</summary>
    public IReadOnlyDictionary<string, string> Require(string roleId)
    {
        var role = TestDataRoles.Get(roleId);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var field in role.Fields)
        {
            if (settings.TryGetTestData(role.Id, field, out var value)) values[field] = value;
            else missing.Add(role.KeyOf(field));
        }
        if (missing.Count > 0)
            throw new ScenarioSkippedException(
                $"Test data role \"{role.Id}\" ({role.Purpose}) is not configured: set {string.Join(", ", missing)} in {settings.SourceFile} " +
                "(config/provider.example.json lists every role).");
        return values;
    }

    /// <summary>One field of a role (skips the scenario when it is not configured).</summary>
    public string Require(string roleId, string field)
    {
        var values = Require(roleId);
        return values.TryGetValue(field, out var value)
            ? value
            : throw new ArgumentException($"Role \"{roleId}\" has no field \"{field}\"; its fields are {string.Join(", ", TestDataRoles.Get(roleId).Fields)}.");
    }

    /// <summary>True when every field of the role is configured.</summary>
    public bool IsConfigured(string roleId) =>
        TestDataRoles.Get(roleId).Fields.All(f => settings.TryGetTestData(roleId, f, out _));
}
