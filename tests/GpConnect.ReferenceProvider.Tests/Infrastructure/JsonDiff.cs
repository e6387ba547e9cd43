using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>Names the first place two JSON trees differ, for readable assertion messages.</summary>
public static class JsonDiff
{
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key)) return $"{path}.{key}: unexpected {a[key]?.ToJsonString()}";
                    if (!a.ContainsKey(key)) return $"{path}.{key}: missing (expected {e[key]?.ToJsonString()})";
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } inner) return inner;
                }
                return null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count) return $"{path}: {a.Count} items instead of {e.Count}";
                for (var i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner) return inner;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: {actual?.ToJsonString() ?? "null"} instead of {expected?.ToJsonString() ?? "null"}";
        }
    }
}
