namespace GpConnect.Conformance.Specs.TestData;

public static partial class TestDataRoles
{
    /// <summary>Roles the Appointment Management features use (bookable patients, appointments booked elsewhere, visits…).</summary>
    private static partial IReadOnlyList<TestDataRole> AppointmentRoles() => [];
}
