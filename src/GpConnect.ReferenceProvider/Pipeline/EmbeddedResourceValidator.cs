using System.Text.Json;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>
/// Checks a JWT claim resource (Device, Organization, Practitioner) against the base STU3 element list and the JSON
/// types of the elements GP Connect uses. It does not demand any GP Connect profile (spec: Cross-organisation audit and provenance (JWT)).
/// </summary>
internal static class EmbeddedResourceValidator
{
    private static readonly string[] Common = ["resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension"];

    private static readonly Dictionary<string, HashSet<string>> Elements = new(StringComparer.Ordinal)
    {
        ["Device"] = [.. Common, "identifier", "udi", "status", "type", "lotNumber", "manufacturer", "manufactureDate", "expirationDate", "model", "version", "patient", "owner", "contact", "location", "url", "note", "safety"],
        ["Organization"] = [.. Common, "identifier", "active", "type", "name", "alias", "telecom", "address", "partOf", "contact", "endpoint"],
        ["Practitioner"] = [.. Common, "identifier", "active", "name", "telecom", "address", "gender", "birthDate", "photo", "qualification", "communication"],
    };

    /// <summary>Throws 422 INVALID_RESOURCE naming the claim and element when the resource is not valid base STU3.</summary>
    public static void Validate(string claim, JsonElement resource)
    {
        var type = resource.GetProperty("resourceType").GetString()!;
        var allowed = Elements[type];
        foreach (var property in resource.EnumerateObject())
        {
            var name = property.Name.StartsWith('_') ? property.Name[1..] : property.Name;
            if (!allowed.Contains(name))
                throw Invalid(claim, $"'{property.Name}' is not an element of a STU3 {type}.");
        }
        Expect(claim, resource, "id", JsonValueKind.String);
        Expect(claim, resource, "meta", JsonValueKind.Object);
        Expect(claim, resource, "identifier", JsonValueKind.Array);
        if (resource.TryGetProperty("identifier", out var identifiers))
        {
            foreach (var identifier in identifiers.EnumerateArray())
            {
                if (identifier.ValueKind != JsonValueKind.Object) throw Invalid(claim, "each identifier must be an object.");
                Expect(claim, identifier, "system", JsonValueKind.String);
                Expect(claim, identifier, "value", JsonValueKind.String);
            }
        }
        switch (type)
        {
            case "Device":
                Expect(claim, resource, "model", JsonValueKind.String);
                Expect(claim, resource, "version", JsonValueKind.String);
                break;
            case "Organization":
                Expect(claim, resource, "name", JsonValueKind.String);
                Expect(claim, resource, "alias", JsonValueKind.Array);
                break;
            case "Practitioner":
                Expect(claim, resource, "gender", JsonValueKind.String);
                Expect(claim, resource, "name", JsonValueKind.Array);
                if (resource.TryGetProperty("name", out var names))
                {
                    foreach (var name in names.EnumerateArray())
                    {
                        if (name.ValueKind != JsonValueKind.Object) throw Invalid(claim, "each name must be a HumanName object.");
                        Expect(claim, name, "family", JsonValueKind.String);
                        Expect(claim, name, "given", JsonValueKind.Array);
                        Expect(claim, name, "prefix", JsonValueKind.Array);
                    }
                }
                break;
        }
    }

    private static void Expect(string claim, JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind != kind)
            throw Invalid(claim, $"'{name}' must be a JSON {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static ProviderException Invalid(string claim, string problem) =>
        new(SpineError.InvalidResource, $"The JWT {claim} resource is not valid FHIR STU3: {problem}");
}
