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
    }

    /// <summary>Roles the Appointment Management features use (bookable patients, appointments booked elsewhere, visits…).</summary>
    private static partial IReadOnlyList<TestDataRole> AppointmentRoles() =>
    [
        new(Appointments.BookablePatient,
            "a registered patient (PDS-verified NHS number) the suite may book for; every booking is cancelled in teardown", ["logicalId"]),
        new(Appointments.PatientWithAppointments,
            "a registered patient holding the seeded future appointments below (booked elsewhere, cancelled, Visit) in the next 14 days", ["logicalId"]),
        new(Appointments.BookedByAnotherOrganisation,
            "two future appointments of that patient booked through GP Connect by another organisation (#663): one to amend, one the suite cancels",
            ["amendId", "cancelId"]),
        new(Appointments.BookedOutsideGpConnect,
            "two future appointments of that patient booked directly in the practice system (#663): one to amend, one the suite cancels",
            ["amendId", "cancelId"]),
        new(Appointments.Cancelled, "a future cancelled appointment of that patient, with a cancellation reason", ["appointmentId"]),
        new(Appointments.Visit, "a future Visit (home visit) appointment of that patient (#826)", ["appointmentId"]),
        new(Appointments.VisitSlot,
            "a free slot with delivery channel Visit in the next two weeks, and the placeholder visit Location (#826)", ["slotId", "locationId"]),
        new(Appointments.ExtendedRoleSchedule,
            "a bookable schedule, with free slots in the coming week, whose practitioner role is an SDS job role beyond the 20-code value set (1.2.7 #636), e.g. R1110",
            ["roleCode"]),
        new(Appointments.AdditionalRoleSchedule,
            "a bookable schedule, with free slots in the coming week, whose practitioner role is not one of the three original roles (1.2.3 #636), e.g. R1290",
            ["roleCode"]),
    ];
}
