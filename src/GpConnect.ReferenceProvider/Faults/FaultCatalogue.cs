using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

/// <summary>
/// Every fault the provider knows, each wired to the single rule it breaks.
/// To add one: add a definition here and, for a waiver, a <see cref="ProviderRule"/> checked where the rule lives.
/// </summary>
internal static class FaultCatalogue
{
    public static IReadOnlyList<FaultDefinition> Definitions { get; } =
    [
        new ResourceDecorationFault(
            new("capability-wrong-version", "CapabilityStatement.version reports 1.2.2 instead of the release the provider implements."),
            "CapabilityStatement",
            cs => cs["version"] = "1.2.2"),
        new ResourceDecorationFault(
            new("slot-two-service-types", "Each Slot carries two serviceType entries (seed #912 allows at most one)."),
            "Slot",
            AddSecondServiceType),
        new ResourceDecorationFault(
            new("schedule-two-service-categories", "Each Schedule carries two serviceCategory entries (#912 allows at most one)."),
            "Schedule",
            DuplicateServiceCategory),
        new RuleWaiverFault(
            new("accept-missing-interaction-id", "A request without Ssp-InteractionID is served instead of rejected with 400 BAD_REQUEST."),
            ProviderRule.InteractionIdRequired),
        new RuleWaiverFault(
            new("accept-wrong-ssp-to", "A request whose Ssp-To is not the provider's ASID is served instead of rejected."),
            ProviderRule.SspToMustMatchAsid),
        new RuleWaiverFault(
            new("accept-expired-jwt", "A JWT expired beyond the clock-skew leeway is accepted."),
            ProviderRule.JwtExpiryEnforced),
        new RuleWaiverFault(
            new("accept-wrong-jwt-audience", "A JWT whose aud is not the provider's service root is accepted."),
            ProviderRule.JwtAudienceEnforced),
        new RuleWaiverFault(
            new("no-cache-control", "Responses omit Cache-Control: no-store."),
            ProviderRule.CacheControlNoStore),
        new RuleWaiverFault(
            new("unsupported-format-served-as-json", "A request for an unsupported format is answered in JSON instead of 415."),
            ProviderRule.UnsupportedFormatRefused),
        new RuleWaiverFault(
            new("slot-search-window-unlimited", "Slot search accepts windows longer than two weeks instead of 422 INVALID_PARAMETER."),
            ProviderRule.SlotSearchWindowLimit),
        new RuleWaiverFault(
            new("slot-search-returns-visit", "Slot search returns free slots whose delivery channel is Visit (#826)."),
            ProviderRule.SlotSearchExcludesVisit),
        new RuleWaiverFault(
            new("slot-search-omits-organization", "Slot search leaves the Organization out unless Location:managingOrganization is requested."),
            ProviderRule.SlotSearchAlwaysIncludesOrganization),
        new RuleWaiverFault(
            new("slot-search-ignores-restrictions", "Slot search returns slots restricted to other organisation types or ODS codes."),
            ProviderRule.SlotSearchAppliesRestrictions),
        new ResourceDecorationFault(
            new("slot-utc-times", "Slot start and end are written in UTC with a Z suffix instead of a +00:00/+01:00 offset."),
            "Slot",
            WriteSlotTimesInUtc),
        new ResourceDecorationFault(
            new("bundle-full-url", "Searchset Bundle entries carry fullUrl (which providers SHOULD NOT populate)."),
            "Bundle",
            AddFullUrls),
        new ResourceDecorationFault(
            new("error-without-profile", "OperationOutcome errors omit meta.profile GPConnect-OperationOutcome-1."),
            "OperationOutcome",
            oo => oo.Remove("meta")),
        new RuleWaiverFault(
            new("read-without-etag", "Read responses omit the ETag header."),
            ProviderRule.ReadETag),
        new RuleWaiverFault(
            new("find-ignores-identifier-system", "Find organisation/practitioner accept any identifier system instead of 400 INVALID_IDENTIFIER_SYSTEM."),
            ProviderRule.FindChecksIdentifierSystem),
        new ResourceDecorationFault(
            new("practitioner-with-telecom", "Practitioner resources carry telecom, which Foundations says SHALL NOT be populated."),
            "Practitioner",
            p => InsertAfter(p, "name", "telecom", new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = "01130000000", ["use"] = "work" }))),
        new ResourceDecorationFault(
            new("location-address-array", "Location.address (0..1 in STU3) is written as a JSON array."),
            "Location",
            l => { if (l["address"] is JsonObject address) { l.Remove("address"); InsertAfter(l, "telecom", "address", new JsonArray(address)); } }),
    ];

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
