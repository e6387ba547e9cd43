namespace GpConnect.Conformance.Specs.Tests.FaultDetection;

/// <summary>Faults the Appointment Management features (features/appointments/) must catch.</summary>
public static class AppointmentDetections
{
    public static IReadOnlyList<Detection> All { get; } =
    [
    ];

    public static IReadOnlyDictionary<string, string> NotYetChecked { get; } = new Dictionary<string, string>
    {
        ["slot-search-window-unlimited"] = "issue 5: Search for free slots feature",
        ["slot-search-returns-visit"] = "issue 5: Search for free slots feature (#826)",
        ["slot-search-omits-organization"] = "issue 5: Search for free slots feature",
        ["slot-search-ignores-restrictions"] = "issue 5: Search for free slots feature",
        ["slot-utc-times"] = "issue 5: Search for free slots feature",
    };
}
