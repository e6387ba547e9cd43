using GpConnect.Conformance.Fhir;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// A free slot as a Search for free slots response describes it, with what a booking needs from its Schedule: the
/// Location and (optional) Practitioner actors, the schedule type and the practitioner role code. Times are kept as the provider wrote them so a booking echoes them exactly.
/// </summary>
public sealed record FreeSlot(
    string Id, string ScheduleId, string Start, string End, DateTimeOffset StartInstant, DateTimeOffset EndInstant,
    string? DeliveryChannel, string? SlotType, string? LocationId, string? PractitionerId,
    string? ScheduleType = null, string? PractitionerRoleCode = null)
{
    public const string DeliveryChannelUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2";

    /// <summary>The practitioner-role extension of a Schedule or Appointment.</summary>
    public const string PractitionerRoleUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1";

    /// <summary>The free slots of a searchset, ordered by start then id; slots whose times or schedule cannot be read are left out.</summary>
    public static IReadOnlyList<FreeSlot> FromSearch(ProviderResponse response)
    {
        var schedules = response.BundleEntries("Schedule").ToDictionary(s => s.SelectValue("id") ?? "", StringComparer.Ordinal);
        var slots = new List<FreeSlot>();
        foreach (var slot in response.BundleEntries("Slot"))
        {
            var id = slot.SelectValue("id");
            var scheduleId = Reference(slot.SelectValue("schedule.reference"), "Schedule");
            var start = slot.SelectValue("start");
            var end = slot.SelectValue("end");
            if (id is null || scheduleId is null || !DateTimeOffset.TryParse(start, out var startInstant) || !DateTimeOffset.TryParse(end, out var endInstant))
                continue;
            schedules.TryGetValue(scheduleId, out var schedule);
            var actors = schedule?.Select("actor.reference").Select(a => a.Value).ToList() ?? [];
            slots.Add(new FreeSlot(id, scheduleId, start!, end!, startInstant, endInstant,
                ExtensionValue(slot, DeliveryChannelUrl), slot.SelectValue("serviceType.text"),
                actors.Select(a => Reference(a, "Location")).FirstOrDefault(a => a is not null),
                actors.Select(a => Reference(a, "Practitioner")).FirstOrDefault(a => a is not null),
                schedule?.SelectValue("serviceCategory.text"),
                schedule?.Children("extension").FirstOrDefault(e => e.SelectValue("url") == PractitionerRoleUrl)?.SelectValue("valueCodeableConcept.coding.code")));
        }
        return slots.OrderBy(s => s.StartInstant).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The id in a relative reference of the given type ("Schedule/3" → "3"), or null.</summary>
    public static string? Reference(string? reference, string type) =>
        reference is not null && reference.StartsWith(type + "/", StringComparison.Ordinal) ? reference[(type.Length + 1)..] : null;

    private static string? ExtensionValue(ElementNode resource, string url) =>
        resource.Children("extension").FirstOrDefault(e => e.SelectValue("url") == url)?.SelectValue("valueCode");
}
