using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Practice;

namespace GpConnect.ReferenceProvider.Resources;

/// <summary>Turns practice records into GP Connect FHIR resources (JSON, in FHIR element order), applying active fault decorations.</summary>
internal sealed class ResourceMapper(SpecRelease release, ActiveFaults faults)
{
    public JsonObject Organization(PracticeOrganization o) => faults.Decorate(new JsonObject
    {
        ["resourceType"] = "Organization",
        ["id"] = o.Id,
        ["meta"] = Meta(o.VersionId, Profiles.Organization),
        ["identifier"] = new JsonArray(Identifier(Systems.OdsOrganizationCode, o.OdsCode)),
        ["name"] = o.Name,
        ["telecom"] = new JsonArray(Telephone(o.Telephone)),
        ["address"] = new JsonArray(Address(o.Address)),
    });

    public JsonObject Location(PracticeLocation l)
    {
        var location = new JsonObject
        {
            ["resourceType"] = "Location",
            ["id"] = l.Id,
            ["meta"] = Meta(l.VersionId, Profiles.Location),
        };
        if (l.OdsSiteCode is not null) location["identifier"] = new JsonArray(Identifier(Systems.OdsSiteCode, l.OdsSiteCode));
        location["name"] = l.Name;
        if (l.Telephone is not null) location["telecom"] = new JsonArray(Telephone(l.Telephone));
        location["address"] = Address(l.Address);
        location["managingOrganization"] = Reference("Organization", l.ManagingOrganizationId);
        return faults.Decorate(location);
    }

    public JsonObject Practitioner(PracticePractitioner p)
    {
        var practitioner = new JsonObject
        {
            ["resourceType"] = "Practitioner",
            ["id"] = p.Id,
            ["meta"] = Meta(p.VersionId, Profiles.Practitioner),
        };
        if (p.LanguageCode is not null)
        {
            practitioner["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1",
                ["extension"] = new JsonArray(new JsonObject
                {
                    ["url"] = "language",
                    ["valueCodeableConcept"] = new JsonObject
                    {
                        ["coding"] = new JsonArray(new JsonObject
                        {
                            ["system"] = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1",
                            ["code"] = p.LanguageCode,
                            ["display"] = p.LanguageDisplay,
                        }),
                    },
                }),
            });
        }
        var identifiers = new JsonArray(Identifier(Systems.SdsUserId, p.SdsUserId));
        foreach (var roleProfile in p.RoleProfileIds ?? []) identifiers.Add(Identifier(Systems.SdsRoleProfileId, roleProfile));
        practitioner["identifier"] = identifiers;
        practitioner["name"] = new JsonArray(new JsonObject
        {
            ["use"] = "official",
            ["family"] = p.Family,
            ["given"] = Strings(p.Given),
            ["prefix"] = Strings(p.Prefix),
        });
        practitioner["gender"] = p.Gender;
        return faults.Decorate(practitioner);
    }

    public JsonObject Schedule(PracticeSchedule s)
    {
        var schedule = new JsonObject
        {
            ["resourceType"] = "Schedule",
            ["id"] = s.Id,
            ["meta"] = Meta(s.VersionId, Profiles.Schedule),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = Profiles.PractitionerRoleExtension,
                ["valueCodeableConcept"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject
                    {
                        ["system"] = Systems.SdsJobRoleName,
                        ["code"] = s.Role.Code,
                        ["display"] = s.Role.Display,
                    }),
                },
            }),
        };
        if (release.PopulatesSlotAndScheduleTypes && s.ScheduleType is not null)
        {
            schedule["serviceCategory"] = new JsonObject { ["text"] = s.ScheduleType };
        }
        var actors = new JsonArray(Reference("Location", s.LocationId));
        if (s.PractitionerId is not null) actors.Add(Reference("Practitioner", s.PractitionerId));
        schedule["actor"] = actors;
        schedule["planningHorizon"] = new JsonObject
        {
            ["start"] = UkDateTime.Format(s.PlanningHorizonStart),
            ["end"] = UkDateTime.Format(s.PlanningHorizonEnd),
        };
        return faults.Decorate(schedule);
    }

    public JsonObject Slot(PracticeSlot s)
    {
        var slot = new JsonObject
        {
            ["resourceType"] = "Slot",
            ["id"] = s.Id,
            ["meta"] = Meta(s.VersionId, Profiles.Slot),
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = Profiles.DeliveryChannelExtension,
                ["valueCode"] = s.DeliveryChannel,
            }),
        };
        if (release.PopulatesSlotAndScheduleTypes)
        {
            slot["serviceType"] = new JsonArray(new JsonObject { ["text"] = s.SlotType });
        }
        slot["schedule"] = Reference("Schedule", s.ScheduleId);
        slot["status"] = s.Status;
        slot["start"] = UkDateTime.Format(s.Start);
        slot["end"] = UkDateTime.Format(s.End);
        return faults.Decorate(slot);
    }

    /// <summary>A searchset Bundle (no Bundle-level profile, no fullUrl) around the given resources.</summary>
    public JsonObject Searchset(IEnumerable<JsonObject> resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources) entries.Add(new JsonObject { ["resource"] = resource });
        return faults.Decorate(new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = entries.Count,
            ["entry"] = entries,
        });
    }

    private static JsonObject Meta(string versionId, string profile) => new()
    {
        ["versionId"] = versionId,
        ["profile"] = new JsonArray(profile),
    };

    private static JsonObject Identifier(string system, string value) => new() { ["system"] = system, ["value"] = value };

    private static JsonObject Reference(string type, string id) => new() { ["reference"] = $"{type}/{id}" };

    private static JsonObject Telephone(string number) => new() { ["system"] = "phone", ["value"] = number, ["use"] = "work" };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject Address(PostalAddress a) => new()
    {
        ["use"] = "work",
        ["type"] = "physical",
        ["line"] = Strings(a.Lines),
        ["city"] = a.City,
        ["district"] = a.District,
        ["postalCode"] = a.PostalCode,
    };
}
