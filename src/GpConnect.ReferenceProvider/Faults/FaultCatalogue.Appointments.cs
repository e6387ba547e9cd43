using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

internal static partial class FaultCatalogue
{
    /// <summary>Faults in Search for free slots and the Appointment Management interactions.</summary>
    private static IReadOnlyList<FaultDefinition> AppointmentFaults =>
    [
        new ResourceDecorationFault(
            new("slot-two-service-types", "Each Slot carries two serviceType entries (seed #912 allows at most one)."),
            "Slot",
            AddSecondServiceType),
        new ResourceDecorationFault(
            new("schedule-two-service-categories", "Each Schedule carries two serviceCategory entries (#912 allows at most one)."),
            "Schedule",
            DuplicateServiceCategory),
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
            new("slot-with-service-category", "Each Slot also carries serviceCategory, which GPConnect-Slot-1 prohibits (0..0)."),
            "Slot",
            slot => slot["serviceCategory"] = new JsonObject { ["text"] = "Slot category" }),
        new ResourceDecorationFault(
            new("schedule-with-service-type", "Each Schedule also carries serviceType, which GPConnect-Schedule-1 prohibits (0..0)."),
            "Schedule",
            schedule => schedule["serviceType"] = new JsonArray(new JsonObject { ["text"] = "Schedule service type" })),
    ];
}
