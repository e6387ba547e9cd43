using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.TestData;

public static partial class TestDataRoles
{
    /// <summary>Role ids of the Appointment Management features (config testData:appointments:…).</summary>
    public static class Appointments
    {
        public const string BookablePatient = "appointments.bookablePatient";
        public const string PatientWithAppointments = "appointments.patientWithAppointments";
        public const string BookedByAnotherOrganisation = "appointments.bookedByAnotherOrganisation";
        public const string BookedOutsideGpConnect = "appointments.bookedOutsideGpConnect";
        public const string Cancelled = "appointments.cancelled";
        public const string Visit = "appointments.visit";
        public const string VisitSlot = "appointments.visitSlot";
        public const string ExtendedRoleSchedule = "appointments.extendedRoleSchedule";
        public const string AdditionalRoleSchedule = "appointments.additionalRoleSchedule";
        public const string NotBookableSlot = "appointments.notBookableSlot";
        public const string BranchSurgery = "appointments.branchSurgery";
        public const string BookingHorizon = "appointments.bookingHorizon";
        public const string Past = "appointments.past";
        public const string EarlierToday = "appointments.earlierToday";
        public const string PatientWithoutAppointments = "appointments.patientWithoutAppointments";
        public const string WithBusinessIdentifiers = "appointments.withBusinessIdentifiers";
        public const string VisitType = "appointments.visitType";
        public const string SlotLimit = "appointments.slotLimit";
    }

    /// <summary>Roles the Appointment Management features use (bookable patients, appointments booked elsewhere, visits…).</summary>
    private static partial IReadOnlyList<TestDataRole> AppointmentRoles() =>
    [
        new(Appointments.BookablePatient,
            "a registered patient (PDS-verified NHS number) the suite may book for; every booking is cancelled in teardown", ["logicalId"], RetrievesAppointments),
        new(Appointments.PatientWithAppointments,
            "a registered patient holding the seeded future appointments below (booked elsewhere, cancelled, Visit) in the next 14 days", ["logicalId"],
            RetrievesAppointments),
        new(Appointments.BookedByAnotherOrganisation,
            "two future appointments of that patient booked through GP Connect by another organisation (#663): one to amend, one the suite cancels",
            ["amendId", "cancelId"], ReadsAppointments("booked", "amendId", "cancelId")),
        new(Appointments.BookedOutsideGpConnect,
            "two future appointments of that patient booked directly in the practice system (#663): one to amend, one the suite cancels",
            ["amendId", "cancelId"], ReadsAppointments("booked", "amendId", "cancelId")),
        new(Appointments.Cancelled, "a future cancelled appointment of that patient, with a cancellation reason", ["appointmentId"], ReadsAppointments("cancelled", "appointmentId")),
        new(Appointments.Visit, "a future Visit (home visit) appointment of that patient (#826)", ["appointmentId"], ReadsAppointments("booked", "appointmentId")),
        new(Appointments.VisitSlot,
            "a free slot with delivery channel Visit in the next two weeks, and the placeholder visit Location (#826)", ["slotId", "locationId"]),
        new(Appointments.ExtendedRoleSchedule,
            "a bookable schedule, with free slots in the coming week, whose practitioner role is an SDS job role beyond the 20-code value set (1.2.7 #636), e.g. R1110",
            ["roleCode"]),
        new(Appointments.AdditionalRoleSchedule,
            "a bookable schedule, with free slots in the coming week, whose practitioner role is not one of the three original roles (1.2.3 #636), e.g. R1290",
            ["roleCode"]),
        new(Appointments.NotBookableSlot,
            "a free slot the practice has not made bookable through GP Connect, recurring every weekday: its schedule's logical id and its UK start time (HH:mm)",
            ["scheduleId", "startTime"]),
        new(Appointments.BranchSurgery,
            "a branch surgery with bookable schedules in the coming week: the name its Location carries", ["locationName"]),
        new(Appointments.BookingHorizon,
            "the practice's GP Connect booking window: how many days ahead slots open for booking (diaries must hold free slots in the week after it, TD-17)", ["days"]),
        new(Appointments.Past,
            "an appointment of that patient that started before today (D-1 or earlier), with the description it was booked with (TD-24)", ["appointmentId", "description"]),
        new(Appointments.EarlierToday,
            "an appointment of that patient earlier today, whose time has passed when the suite runs (TD-25, optional)", ["appointmentId"]),
        new(Appointments.PatientWithoutAppointments,
            "a registered patient with no appointments from today to two weeks ahead (TD-01)", ["logicalId"], RetrievesAppointments),
        new(Appointments.WithBusinessIdentifiers,
            "a future appointment for which the practice system holds business identifiers (APT-152)", ["appointmentId"], ReadsAppointments("booked", "appointmentId")),
        new(Appointments.VisitType,
            "the kind of visit the practice recorded for the Visit appointment, e.g. Home visit (#826)", ["text"]),
        new(Appointments.SlotLimit,
            "a booking organisation (ODS code) for which the practice set a slot limit, and that limit, e.g. 1 (TD-18, optional)", ["odsCode", "limit"]),
    ];

    /// <summary>Preflight for a patient role: Retrieve a patient's appointments for the next 14 days answers a searchset.</summary>
    private static async Task<RoleState> RetrievesAppointments(RoleProbe probe)
    {
        var today = UkTime.Today(probe.Clock);
        var response = await probe.SendAsync(AppointmentRequests.Retrieve(probe.Values["logicalId"], today, today.AddDays(14)));
        return response.StatusCode == 200 && response.Resource?.ResourceType == "Bundle"
            ? RoleState.Ok($"Patient/{probe.Values["logicalId"]} has {response.BundleEntries("Appointment").Count} appointment(s) in the next 14 days")
            : RoleState.Problem($"Retrieve for Patient/{probe.Values["logicalId"]} answered {response.Describe()}");
    }

    /// <summary>
    /// Preflight for seeded appointments: each configured id reads (200) as a future appointment with the expected status.
    /// Roles "to cancel" are consumed by a run, so a second run against the same provider reports them cancelled.
    /// </summary>
    private static Func<RoleProbe, Task<RoleState>> ReadsAppointments(string status, params string[] fields) => async probe =>
    {
        var problems = new List<string>();
        foreach (var field in fields)
        {
            var id = probe.Values[field];
            var response = await probe.SendAsync(AppointmentRequests.Read(id));
            var actual = response.StatusCode == 200 ? response.Resource?.SelectValue("status") : null;
            if (actual != status) problems.Add($"Appointment/{id} ({field}) answered {(actual is null ? response.Describe() : $"status {actual}")}, not a {status} appointment");
        }
        return problems.Count == 0
            ? RoleState.Ok($"{string.Join(", ", fields.Select(f => $"Appointment/{probe.Values[f]}"))} read as {status}")
            : RoleState.Problem(string.Join("; ", problems));
    };
}
