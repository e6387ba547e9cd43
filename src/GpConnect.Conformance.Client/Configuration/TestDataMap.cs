using Microsoft.Extensions.Configuration;

namespace GpConnect.Conformance.Client.Configuration;

/// <summary>Flattens the free-form <c>testData</c> section into role → (name → value).</summary>
internal static class TestDataMap
{
    /// <summary>Role names use '.' between segments; ':' is accepted on lookup.</summary>
    public static string NormaliseRole(string role) => role.Replace(':', '.').Trim('.');

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Build(IConfigurationSection testData)
    {
        var roles = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in testData.AsEnumerable(makePathsRelative: true))
        {
            if (value is null || ConfigurationComments.IsComment(key)) continue; // a section or a comment, not a value
            var cut = key.LastIndexOf(':');
            if (cut < 0) continue; // a value directly under testData has no role
            var role = NormaliseRole(key[..cut]);
            var name = key[(cut + 1)..];
            if (!roles.TryGetValue(role, out var values))
                roles[role] = values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            values[name] = value;
        }
        return roles.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value, StringComparer.OrdinalIgnoreCase);
    }
}
