using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Client.Tests.Support;

/// <summary>Settings from the committed default configuration, optionally with overrides (no environment variables).</summary>
internal static class TestSettings
{
    public static ConformanceSettings Default(params (string Key, string? Value)[] overrides) =>
        SettingsLoader.Load(RepositoryPaths.DefaultConfig, overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)), environmentPrefix: null);

    /// <summary>The default configuration as a JSON object, to edit and write to a temp file.</summary>
    public static JsonObject DefaultJson() => JsonNode.Parse(File.ReadAllText(RepositoryPaths.DefaultConfig))!.AsObject();
}
