namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>How two slots a scenario books together relate to each other (spec: Book an appointment).</summary>
public enum SlotPairing
{
    /// <summary>Adjacent on one schedule, same delivery channel and slot type: bookable together.</summary>
    Adjacent,
    /// <summary>One schedule, same channel and type, with a gap between them.</summary>
    SeparatedByAGap,
    /// <summary>Time-adjacent, same channel and type, on different schedules.</summary>
    OnDifferentSchedules,
    /// <summary>Adjacent on one schedule, same slot type, different delivery channels.</summary>
    WithDifferentDeliveryChannels,
    /// <summary>Adjacent on one schedule, same delivery channel, different slot types.</summary>
    WithDifferentSlotTypes,
}

/// <summary>Finds, among the free slots a search returned at run time, two slots that relate as a scenario needs.</summary>
public static class SlotCombinations
{
    /// <summary>Parses the words a feature uses ("separated by a gap", "on different schedules", …).</summary>
    public static SlotPairing Parse(string words) => words.Trim().ToLowerInvariant() switch
    {
        "adjacent" or "adjacent on one schedule" => SlotPairing.Adjacent,
        "separated by a gap" => SlotPairing.SeparatedByAGap,
        "on different schedules" => SlotPairing.OnDifferentSchedules,
        "with different delivery channels" => SlotPairing.WithDifferentDeliveryChannels,
        "with different slot types" => SlotPairing.WithDifferentSlotTypes,
        _ => throw new ArgumentException(
            $"\"{words}\" is not a slot pairing. Use: adjacent, separated by a gap, on different schedules, with different delivery channels, with different slot types."),
    };

    /// <summary>The first pair (earliest first slot) that relates as <paramref name="pairing"/> says, or null when there is none.</summary>
    public static (FreeSlot First, FreeSlot Second)? Find(IReadOnlyList<FreeSlot> slots, SlotPairing pairing)
    {
        foreach (var first in slots)
            foreach (var second in slots)
            {
                if (ReferenceEquals(first, second) || second.StartInstant < first.StartInstant) continue;
                if (Matches(first, second, pairing)) return (first, second);
            }
        return null;
    }

    private static bool Matches(FreeSlot a, FreeSlot b, SlotPairing pairing)
    {
        var sameSchedule = a.ScheduleId == b.ScheduleId;
        var adjacent = a.EndInstant == b.StartInstant;
        var sameChannel = a.DeliveryChannel == b.DeliveryChannel;
        var sameType = a.SlotType == b.SlotType;
        return pairing switch
        {
            SlotPairing.Adjacent => sameSchedule && adjacent && sameChannel && sameType,
            SlotPairing.SeparatedByAGap => sameSchedule && b.StartInstant > a.EndInstant && b.StartInstant.Date == a.StartInstant.Date && sameChannel && sameType,
            SlotPairing.OnDifferentSchedules => !sameSchedule && adjacent && sameChannel,
            SlotPairing.WithDifferentDeliveryChannels => sameSchedule && adjacent && !sameChannel && sameType,
            SlotPairing.WithDifferentSlotTypes => sameSchedule && adjacent && sameChannel && !sameType,
            _ => false,
        };
    }
}
