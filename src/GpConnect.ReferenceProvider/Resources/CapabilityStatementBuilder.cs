using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Resources;

/// <summary>The combined Foundations + Appointment Management CapabilityStatement (spec: Get the FHIR capability statement).</summary>
internal sealed class CapabilityStatementBuilder(SpecRelease release, ActiveFaults faults)
{
    private static readonly string[] DeclaredProfiles =
    [
        Profiles.Patient, Profiles.Organization, Profiles.Practitioner, Profiles.PractitionerRole, Profiles.Location,
        Profiles.OperationOutcome, Profiles.Appointment, Profiles.Schedule, Profiles.Slot,
    ];

    public JsonObject Build()
    {
        var version = release.CapabilityStatementVersion;
        return faults.Decorate(new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["version"] = version,
            ["name"] = "GP Connect",
            ["status"] = "active",
            ["date"] = "2026-01-01",
            ["publisher"] = "GP Connect Conformance",
            ["contact"] = new JsonArray(new JsonObject { ["name"] = "GP Connect Conformance maintainers" }),
            ["description"] = $"This server implements the GP Connect API version {version}",
            ["kind"] = "capability",
            ["software"] = new JsonObject
            {
                ["name"] = "GP Connect Conformance reference provider",
                ["version"] = typeof(CapabilityStatementBuilder).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
            },
            ["fhirVersion"] = "3.0.1",
            ["acceptUnknown"] = "both",
            ["format"] = new JsonArray("application/fhir+json", "application/fhir+xml"),
            ["profile"] = new JsonArray(DeclaredProfiles.Select(p => (JsonNode?)new JsonObject { ["reference"] = p }).ToArray()),
            ["rest"] = new JsonArray(new JsonObject
            {
                ["mode"] = "server",
                ["security"] = new JsonObject { ["cors"] = true },
                ["resource"] = new JsonArray(
                    Resource("Patient", ["read", "search-type"], Token("identifier", "NHS Number (i.e. https://fhir.nhs.uk/Id/nhs-number|123456789)")),
                    Resource("Organization", ["read", "search-type"], Token("identifier", "ODS Code (i.e. https://fhir.nhs.uk/Id/ods-organization-code|Y12345)")),
                    Resource("Practitioner", ["read", "search-type"], Token("identifier", "SDS User Id (i.e. https://fhir.nhs.uk/Id/sds-user-id|999999)")),
                    Resource("Location", ["read"]),
                    Appointment(),
                    Slot()),
                ["operation"] = new JsonArray(new JsonObject
                {
                    ["name"] = "gpc.registerpatient",
                    ["definition"] = new JsonObject { ["reference"] = "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1" },
                }),
            }),
        });
    }

    private static JsonObject Resource(string type, string[] interactions, params JsonObject[] searchParams)
    {
        var resource = new JsonObject
        {
            ["type"] = type,
            ["interaction"] = Interactions(interactions),
        };
        if (searchParams.Length > 0) resource["searchParam"] = new JsonArray(searchParams.Select(p => (JsonNode?)p).ToArray());
        return resource;
    }

    private static JsonObject Appointment() => new()
    {
        ["type"] = "Appointment",
        ["interaction"] = Interactions(["read", "create", "update", "search-type"]),
        ["updateCreate"] = false,
        ["searchParam"] = new JsonArray(Token("identifier", "NHS Number (i.e. https://fhir.nhs.uk/Id/nhs-number|123456789)")),
    };

    private static JsonObject Slot() => new()
    {
        ["type"] = "Slot",
        ["interaction"] = Interactions(["search-type"]),
        ["searchInclude"] = new JsonArray("Schedule:actor:Location", "Schedule:actor:Practitioner", "Slot:schedule", "Location:managingOrganization"),
        ["searchParam"] = new JsonArray(
            new JsonObject { ["name"] = "start", ["type"] = "date" },
            new JsonObject { ["name"] = "end", ["type"] = "date" },
            new JsonObject { ["name"] = "status", ["type"] = "token" },
            new JsonObject { ["name"] = "searchFilter", ["type"] = "token" }),
    };

    private static JsonArray Interactions(string[] codes) =>
        new(codes.Select(c => (JsonNode?)new JsonObject { ["code"] = c }).ToArray());

    private static JsonObject Token(string name, string documentation) =>
        new() { ["name"] = name, ["type"] = "token", ["documentation"] = documentation };
}
