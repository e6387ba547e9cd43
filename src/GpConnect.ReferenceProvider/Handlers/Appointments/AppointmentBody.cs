using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>Reads the Appointment a consumer sent (JSON or XML by Content-Type) and the small lookups the rules need.</summary>
internal static class AppointmentBody
{
    /// <summary>The body as FHIR JSON; 400 BAD_REQUEST when it does not parse, 422 INVALID_RESOURCE when it is not an Appointment.</summary>
    public static JsonObject Read(ProviderRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Body)) throw ProviderException.BadRequest("The request has no body: an Appointment resource is required.");
        var contentType = request.Headers?.ContentType.ToString() ?? "";
        JsonObject resource;
        try
        {
            resource = contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
                ? FhirXmlReader.Read(request.Body)
                : JsonNode.Parse(request.Body) as JsonObject ?? throw new FormatException("The body is not a JSON object.");
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw ProviderException.BadRequest($"The request body could not be parsed: {e.Message}");
        }
        var type = resource["resourceType"]?.GetValue<string>();
        if (type != "Appointment") Invalid($"The request body must be an Appointment resource, not {type ?? "a resource without resourceType"}.");
        return resource;
    }

    /// <summary>Throws 422 INVALID_RESOURCE with <paramref name="diagnostics"/>.</summary>
    public static ProviderException Invalid(string diagnostics) => throw new ProviderException(SpineError.InvalidResource, diagnostics);

    public static string? Text(JsonObject resource, string name) => resource[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The extensions with this URL.</summary>
    public static IEnumerable<JsonObject> Extensions(JsonObject resource, string url) =>
        (resource["extension"] as JsonArray ?? []).OfType<JsonObject>().Where(e => Text(e, "url") == url);

    /// <summary>Participant actor references (e.g. "Patient/1"), failing 422 when a participant has no actor or status.</summary>
    public static IReadOnlyList<string> ParticipantReferences(JsonObject resource)
    {
        var references = new List<string>();
        foreach (var participant in (resource["participant"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var reference = participant["actor"]?["reference"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(reference)) Invalid("Every Appointment.participant must have an actor reference.");
            if (string.IsNullOrWhiteSpace(Text(participant, "status"))) Invalid("Every Appointment.participant must have a status.");
            references.Add(reference!);
        }
        return references;
    }

    /// <summary>The id of the one participant of the type, or null.</summary>
    public static string? ParticipantId(IReadOnlyList<string> references, string type) =>
        references.Where(r => r.StartsWith(type + "/", StringComparison.Ordinal)).Select(r => r[(type.Length + 1)..]).FirstOrDefault();

    /// <summary>True when any reference in the resource is absolute (only Type/id and #id are allowed).</summary>
    /// <summary>Rewrites every absolute reference to its relative Type/id tail (what a provider that accepts them resolves).</summary>
    public static void MakeRelative(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["reference"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("://", StringComparison.Ordinal))
                {
                    var parts = s.TrimEnd('/').Split('/');
                    o["reference"] = parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : s;
                }
                foreach (var (_, child) in o.ToList()) MakeRelative(child);
                break;
            case JsonArray a:
                foreach (var child in a) MakeRelative(child);
                break;
        }
    }

    public static bool HasAbsoluteReference(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => (p.Key == "reference" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("://", StringComparison.Ordinal))
            || HasAbsoluteReference(p.Value)),
        JsonArray a => a.Any(HasAbsoluteReference),
        _ => false,
    };
}
