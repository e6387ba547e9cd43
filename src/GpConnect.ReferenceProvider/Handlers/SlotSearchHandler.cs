using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>
/// Search for free slots (spec: Search for free slots): free, GP Connect-bookable, non-Visit slots wholly inside the window that
/// pass the booking-organisation restriction matrix, with their Schedules, the requested Practitioners and Locations,
/// and the practice Organization whenever any slot is returned.
/// </summary>
internal sealed class SlotSearchHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults, TimeProvider clock) : IInteractionHandler
{
    public Interaction Interaction => Interaction.SearchFreeSlots;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var search = SlotSearchParameters.Parse(request.Query, faults, clock.GetUtcNow());
        var overlapping = faults.Waives(ProviderRule.SlotSearchSlotsWhollyInWindow);
        var horizonEnd = UkDateTime.FromLocal(UkDateTime.DateOf(clock.GetUtcNow()).AddDays(BookingHorizonDays + 1).ToDateTime(TimeOnly.MinValue));
        var slots = store.Slots(slot =>
            (slot.Status == "free" || faults.Waives(ProviderRule.SlotSearchOnlyFreeSlots))
            && (slot.Start >= search.WindowStart && slot.End <= search.WindowEnd
                || overlapping && slot.End > search.WindowStart && slot.Start < search.WindowEnd)
            && (slot.GpConnectBookable || faults.Waives(ProviderRule.SlotSearchOnlyGpConnectBookable))
            && (slot.Start < horizonEnd || faults.Waives(ProviderRule.SlotSearchAppliesBookingHorizon))
            && (slot.DeliveryChannel != DeliveryChannels.Visit || faults.Waives(ProviderRule.SlotSearchExcludesVisit))
            && (IsOpenTo(slot.Restriction, search) || faults.Waives(ProviderRule.SlotSearchAppliesRestrictions))
            && (!faults.Waives(ProviderRule.SlotSearchIncludesExtendedRoles) || !ExtendedRoles.Contains(store.FindSchedule(slot.ScheduleId)!.Role.Code)));

        var resources = new List<JsonObject>(slots.Select(mapper.Slot));
        FaultCatalogue.ApplySlotClockFaults(resources, search.WindowStart, faults);
        var schedules = faults.Waives(ProviderRule.SlotSearchOnlyReferencedSchedules)
            ? store.Schedules.ToArray()
            : slots.Select(s => s.ScheduleId).Distinct().Select(id => store.FindSchedule(id)!).ToArray();
        resources.AddRange(schedules.Select(mapper.Schedule));
        if (search.IncludePractitioners)
        {
            resources.AddRange(schedules.Where(s => s.PractitionerId is not null).Select(s => s.PractitionerId!).Distinct()
                .Select(id => mapper.Practitioner(store.FindPractitioner(id)!)));
        }
        if (search.IncludeLocations)
        {
            resources.AddRange(schedules.Select(s => s.LocationId).Distinct().Select(id => mapper.Location(store.FindLocation(id)!)));
        }
        var organizationWanted = search.IncludeOrganization || !faults.Waives(ProviderRule.SlotSearchAlwaysIncludesOrganization);
        if ((slots.Count > 0 || faults.Waives(ProviderRule.SlotSearchEmptyWhenNoSlots)) && organizationWanted)
        {
            resources.Add(mapper.Organization(store.Organization));
        }
        return ProviderResponse.Ok(mapper.Searchset(resources));
    }

    /// <summary>
    /// The practice's booking window (spec: Search for free slots rule 4): its diaries run four weeks ahead, but slots open to GP Connect
    /// booking only up to this many days after today.
    /// </summary>
    public const int BookingHorizonDays = 21;

    /// <summary>The SDS job roles #636 added to GPConnect-PractitionerRole-1 that the seeded diaries use.</summary>
    private static readonly HashSet<string> ExtendedRoles = ["R1290", "R1110"];

    /// <summary>The booking-organisation restriction matrix of the Search for free slots page.</summary>
    private static bool IsOpenTo(BookingRestriction restriction, SlotSearchParameters search)
    {
        var typeOk = restriction.OrganisationType is null
            || (search.BookingOrganisationType is not null && restriction.OrganisationType == search.BookingOrganisationType);
        var odsOk = restriction.OdsCodes is null
            || (search.BookingOdsCode is not null && restriction.OdsCodes.Contains(search.BookingOdsCode));
        return typeOk && odsOk;
    }
}
