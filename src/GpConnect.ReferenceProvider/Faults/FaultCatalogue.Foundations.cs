using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in the capability statement and the Foundations interactions.</summary>
    private static IReadOnlyList<FaultDefinition> FoundationsFaults =>
    [
        new ResourceDecorationFault(
            new("capability-wrong-version", "CapabilityStatement.version reports 1.2.2 instead of the release the provider implements."),
            "CapabilityStatement",
            cs => cs["version"] = "1.2.2"),
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
        new ResourceDecorationFault(
            new("capability-cors-as-string", "CapabilityStatement.rest.security.cors is the string \"true\" instead of a JSON boolean (invalid STU3)."),
            "CapabilityStatement",
            cs => { if (cs["rest"]?[0]?["security"] is JsonObject security) security["cors"] = "true"; }),
        new ResourceDecorationFault(
            new("capability-wrong-fhir-version", "CapabilityStatement.fhirVersion is 3.0.2 instead of the template's 3.0.1."),
            "CapabilityStatement",
            cs => cs["fhirVersion"] = "3.0.2"),
    ];
}
