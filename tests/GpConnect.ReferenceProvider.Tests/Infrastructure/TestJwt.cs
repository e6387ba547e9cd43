using System.Text;
using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>Builds the unsigned GP Connect JWT of core.md §4.8, with the payload open to per-test mutation.</summary>
public static class TestJwt
{
    public static JsonObject Header() => new() { ["alg"] = "none", ["typ"] = "JWT" };

    public static JsonObject Payload(string audience, DateTimeOffset now, string scope) => new()
    {
        ["iss"] = "https://consumer.example/",
        ["sub"] = "10019",
        ["aud"] = audience,
        ["exp"] = now.ToUnixTimeSeconds() + 300,
        ["iat"] = now.ToUnixTimeSeconds(),
        ["reason_for_request"] = "directcare",
        ["requested_scope"] = scope,
        ["requesting_device"] = new JsonObject
        {
            ["resourceType"] = "Device",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://consumer.example/Id/device-identifier", ["value"] = "CONS-APP-4" }),
            ["model"] = "Consumer product name",
            ["version"] = "5.3.0",
        },
        ["requesting_organization"] = new JsonObject
        {
            ["resourceType"] = "Organization",
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/ods-organization-code", ["value"] = "GPCC001" }),
            ["name"] = "Test Consumer Organisation",
        },
        ["requesting_practitioner"] = new JsonObject
        {
            ["resourceType"] = "Practitioner",
            ["id"] = "10019",
            ["identifier"] = new JsonArray(
                new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/sds-user-id", ["value"] = "111222333444" },
                new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/sds-role-profile-id", ["value"] = "444555666777" },
                new JsonObject { ["system"] = "https://consumer.example/Id/user-guid", ["value"] = "98ed4f78-814d-4266-8d5b-cde742f3093c" }),
            ["name"] = new JsonArray(new JsonObject { ["family"] = "Jones", ["given"] = new JsonArray("Claire"), ["prefix"] = new JsonArray("Dr") }),
        },
    };

    public static string Encode(JsonObject header, JsonObject payload) =>
        $"{Segment(header.ToJsonString())}.{Segment(payload.ToJsonString())}.";

    public static string Segment(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
