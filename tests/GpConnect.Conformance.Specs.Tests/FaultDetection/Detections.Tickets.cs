namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the release-note ticket features (features/tickets/) must catch: each undoes its ticket.</summary>
public static class TicketDetections
{
    public static IReadOnlyList<Detection> All { get; } =
    [
        new("capability-wrong-version", "features/tickets/1.2.7/gpc-905-capability-statement-version.feature",
            "The capability statement of a 1.2.7 provider has version 1.2.7", "CapabilityStatement.version should be \"1.2.7\""),
        new("slot-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Every free slot carries exactly one slot type in serviceType.text", "serviceType has 2 entries"),
        new("slot-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slots and schedules in the search result are valid against their GP Connect profiles", "serviceType"),
        new("schedule-two-service-categories", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Every schedule carries at most one schedule type in serviceCategory", "serviceCategory has 2 entries"),
        new("schedule-two-service-categories", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slots and schedules in the search result are valid against their GP Connect profiles", "serviceCategory"),
        new("slot-with-service-category", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slot type and schedule type stay out of the elements the profiles prohibit", "Slot.serviceCategory is not allowed"),
        new("schedule-with-service-type", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Slot type and schedule type stay out of the elements the profiles prohibit", "Schedule.serviceType is not allowed"),
        new("appointment-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "A booked appointment carries the booked slot's type as its one slot type", "serviceType has 2 entries"),
        new("appointment-without-slot-type", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "A booked appointment carries the booked slot's type as its one slot type", "serviceType.text must carry the slot type"),
        new("appointment-two-service-types", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Retrieved appointments each carry one slot type", "serviceType has 2 entries"),
        new("appointment-without-slot-type", "features/tickets/1.2.7/gpc-912-slot-type-and-schedule-type.feature",
            "Retrieved appointments each carry one slot type", "serviceType.text must carry the slot type"),
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
    };
}
