using System.Globalization;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>A slot a first search found: its id and its start and end as the provider wrote them (UK local with offset).</summary>
public sealed record FoundSlot(string Id, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The slot, or null when its id or times are missing or unreadable.</summary>
    public static FoundSlot? From(string? id, string? start, string? end) =>
        id is not null
        && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
        && DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
            ? new FoundSlot(id, s, e)
            : null;
}

/// <summary>The window a scenario built from found slots, and the slot it was built around (per scenario).</summary>
public sealed class SlotWindowContext
{
    public FoundSlot? Found { get; set; }
    public DateTimeOffset? Start { get; set; }
    public DateTimeOffset? End { get; set; }
}
