using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Practice.Appointments;

/// <summary>
/// Seeds the appointment book relative to the UK date D of the configured clock (spec: the Appointment Management test-data roles): appointments
/// booked by another organisation and outside GP Connect (#663, one each to amend and to cancel), a cancelled one, a past
/// one, a Visit (#826), one beyond two weeks, one at midnight today, and slots with stable ids: a free Visit slot, a free past slot and the busy
/// midnight slot. Seeded appointment ids are 1–9 in the order of <see cref="SeededIds"/>; bookings get 10 onwards.
/// </summary>
internal static class AppointmentSeeder
{
    /// <summary>Patient with seeded appointments (#663, cancelled, past, Visit).</summary>
    public const string PatientWithAppointments = "2";

    public const string VisitSlotId = "V1";
    public const string PastFreeSlotId = "P1";
    public const string EarlierTodaySlotId = "T1";

    /// <summary>
    /// Organisation slot limits the practice has set (slot availability management, APT-120): a booking organisation may
    /// hold at most this many future booked appointments. Y99001 is a consumer limited to one.
    /// </summary>
    public static IReadOnlyDictionary<string, int> SlotLimits { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["Y99001"] = 1 };

    /// <summary>The ids the seeded appointments get.</summary>
    public static class SeededIds
    {
        public const string BookedByOtherOrganisationToAmend = "1";
        public const string BookedByOtherOrganisationToCancel = "2";
        public const string BookedOutsideGpConnectToAmend = "3";
        public const string BookedOutsideGpConnectToCancel = "4";
        public const string Cancelled = "5";
        public const string Past = "6";
        public const string Visit = "7";
        public const string BeyondTwoWeeks = "8";
        public const string EarlierToday = "9";
    }

    public static AppointmentBook Seed(PracticeStore store, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = UkDateTime.DateOf(now);
        var book = new AppointmentBook(store, now.ToUnixTimeMilliseconds());
        var created = UkDateTime.FromLocal(today.AddDays(-7).ToDateTime(new TimeOnly(10, 30)));
        var other = new BookingOrganisation(PracticeSeeder.OtherConsumerOds, "Other Federation Hub", "0300 303 5678", "urgent-care");

        var soon = Weekday(today.AddDays(2));
        var later = Weekday(soon.AddDays(1));
        var beyond = Weekday(today.AddDays(20));

        PracticeAppointment On(string scheduleId, DateOnly day, int index, BookingOrganisation? by, string description, string status = AppointmentStatuses.Booked, string? comment = null, string? reason = null)
        {
            var slot = store.Slots(s => s.ScheduleId == scheduleId && UkDateTime.DateOf(s.Start) == day)[index];
            var schedule = store.FindSchedule(scheduleId)!;
            var location = slot.DeliveryChannel == DeliveryChannels.Visit ? "3" : schedule.LocationId;
            return new PracticeAppointment("", "", PatientWithAppointments, [slot.Id], scheduleId, location, schedule.PractitionerId,
                slot.Start, slot.End, created, status, description, comment, by, reason, slot.DeliveryChannel, slot.SlotType, schedule.ScheduleType, schedule.Role);
        }

        book.Seed(On("2", soon, 0, other, "Booked by another organisation (to amend)"));
        book.Seed(On("2", soon, 1, other, "Booked by another organisation (to cancel)"));
        book.Seed(On("2", soon, 2, null, "Booked at reception (to amend)", comment: "Booked by telephone"));
        book.Seed(On("2", soon, 3, null, "Booked at reception (to cancel)"));
        book.Seed(On("2", later, 0, other, "Cancelled appointment", AppointmentStatuses.Cancelled, reason: "Patient no longer needs the appointment"));
        book.Seed(On("2", today.AddDays(-1), 0, null, "Past appointment"));
        book.Seed(On("5", later, 0, null, "Home visit", comment: "Home visit"));
        book.Seed(On("2", beyond, 0, null, "Appointment beyond two weeks"));

        var visitStart = UkDateTime.FromLocal(later.ToDateTime(new TimeOnly(13, 0)));
        store.AddSlot(new PracticeSlot(VisitSlotId, "1", "5", visitStart, visitStart.AddMinutes(30), "free", DeliveryChannels.Visit, "Home Visit", false, BookingRestriction.None));
        var pastStart = UkDateTime.FromLocal(today.AddDays(-1).ToDateTime(new TimeOnly(17, 0)));
        store.AddSlot(new PracticeSlot(PastFreeSlotId, "1", "2", pastStart, pastStart.AddMinutes(15), "free", DeliveryChannels.InPerson, "Practice Nurse Appointment", true, BookingRestriction.None));
        // An appointment at midnight today: its time has passed whenever a run starts, yet Retrieve from today includes it (APT-128).
        var midnight = UkDateTime.FromLocal(today.ToDateTime(TimeOnly.MinValue));
        var earlySlot = new PracticeSlot(EarlierTodaySlotId, "1", "2", midnight, midnight.AddMinutes(10), "busy", DeliveryChannels.InPerson, "Practice Nurse Appointment", true, BookingRestriction.None);
        store.AddSlot(earlySlot);
        var nurse = store.FindSchedule("2")!;
        book.Seed(new PracticeAppointment("", "", PatientWithAppointments, [earlySlot.Id], nurse.Id, nurse.LocationId, nurse.PractitionerId,
            earlySlot.Start, earlySlot.End, created, AppointmentStatuses.Booked, "Earlier today", null, null, null, earlySlot.DeliveryChannel, earlySlot.SlotType,
            nurse.ScheduleType, nurse.Role));
        return book;
    }

    private static DateOnly Weekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }
}
