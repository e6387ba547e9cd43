using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

/// <summary>
/// Every fault the provider knows, each wired to the single rule it breaks.
/// Each area keeps its faults in its own file (FaultCatalogue.&lt;Area&gt;.cs). To add one: add a definition to its area
/// and, for a waiver, a <see cref="ProviderRule"/> checked where the rule lives.
/// </summary>
internal static partial class FaultCatalogue
{
    public static IReadOnlyList<FaultDefinition> Definitions { get; } = [.. CoreFaults, .. FoundationsFaults, .. AppointmentFaults, .. ClockChangeFaults, .. HttpLevelFaults, .. RequestValidationFaults];

    /// <summary>Inserts a property after <paramref name="after"/> (or at the end), keeping FHIR element order.</summary>
    private static void InsertAfter(JsonObject target, string after, string name, JsonNode value)
    {
        var properties = target.ToList();
        foreach (var (key, _) in properties) target.Remove(key);
        var inserted = false;
        foreach (var (key, node) in properties)
        {
            target[key] = node;
            if (key == after) { target[name] = value; inserted = true; }
        }
        if (!inserted) target[name] = value;
    }

    private static void AddSecondServiceType(JsonObject slot)
    {
        if (slot["serviceType"] is JsonArray types)
        {
            types.Add(new JsonObject { ["text"] = "Second slot type" });
        }
        else
        {
            slot["serviceType"] = new JsonArray(new JsonObject { ["text"] = "First slot type" }, new JsonObject { ["text"] = "Second slot type" });
        }
    }

    private static void DuplicateServiceCategory(JsonObject schedule)
    {
        var first = schedule["serviceCategory"]?.DeepClone() ?? new JsonObject { ["text"] = "First schedule type" };
        schedule["serviceCategory"] = new JsonArray(first, new JsonObject { ["text"] = "Second schedule type" });
    }

    private static void WriteSlotTimesInUtc(JsonObject slot)
    {
        foreach (var name in new[] { "start", "end" })
        {
            if (slot[name]?.GetValue<string>() is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
            {
                slot[name] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static void AddFullUrls(JsonObject bundle)
    {
        if (bundle["entry"] is not JsonArray entries) return;
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var resource = entry["resource"] as JsonObject;
            var fullUrl = $"{resource?["resourceType"]}/{resource?["id"]}";
            var rebuilt = new JsonObject { ["fullUrl"] = fullUrl };
            foreach (var (key, value) in entry.ToList())
            {
                entry.Remove(key);
                rebuilt[key] = value;
            }
            foreach (var (key, value) in rebuilt.ToList())
            {
                rebuilt.Remove(key);
                entry[key] = value;
            }
        }
    }
}
