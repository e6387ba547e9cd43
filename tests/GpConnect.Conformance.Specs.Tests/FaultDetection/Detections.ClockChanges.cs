namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>
/// Faults the clock-change scenarios (features/appointments/clock-changes.feature) must catch. Each row runs as of a date a
/// few days before a UK clock change (asOf), so the embedded provider's diary spans it: the faults are invisible on dates that
/// all share one offset, and the scenarios do not apply when the change is beyond the booking horizon.
/// </summary>
public static class ClockChangeDetections
{
    private const string ClockChanges = "features/appointments/clock-changes.feature";
    private const string Spring = "asOf=2027-03-24";
    private const string Autumn = "asOf=2027-10-27";

    private const string Offsets = "Free slots either side of the clock change carry the UTC offset of their own instant";
    private const string Durations = "Free slots keep their schedule's length across the clock change";
    private const string Read = "An appointment booked across the clock change reads back at the same instant";
    private const string Retrieve = "Retrieving over a range spanning the clock change returns the booking at the same instant";

    public static IReadOnlyList<Detection> All { get; } =
    [
        new("slot-offset-of-window-start", ClockChanges, Offsets, "when the UK offset is +01:00, not +00:00", Settings: Spring),
        new("slot-offset-of-window-start", ClockChanges, Offsets, "when the UK offset is +00:00, not +01:00", Settings: Autumn),
        new("slot-end-in-window-start-wall-time", ClockChanges, Durations, "an hour more or less", Settings: Spring),
        new("slot-end-in-window-start-wall-time", ClockChanges, Durations, "does not last longer than zero", Settings: Autumn),
        new("appointment-read-in-booking-offset", ClockChanges, Read, "not the same instant across the clock change", Settings: Spring),
        new("retrieve-in-range-start-offset", ClockChanges, Retrieve, "not the same instant across the clock change", Settings: Spring),
    ];
}
