using System.Globalization;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Practice;

/// <summary>
/// Seeds a realistic two-site practice with diaries from yesterday to four weeks ahead (UK dates, taken from the
/// configured clock): GP, nurse, pharmacist (#636 extended role R1290), physiotherapist (R1110), a practitioner-less
/// phlebotomy clinic, and a home-visit diary; the pharmacist, physiotherapist and phlebotomy diaries also run an afternoon session. Deterministic: the same date gives the same ids and slots.
/// </summary>
internal static class PracticeSeeder
{
    /// <summary>ODS code on the restriction lists of some slots: the suite's default consumer organisation.</summary>
    public const string HarnessConsumerOds = "GPCC001";

    /// <summary>ODS code of another organisation used on restriction lists that exclude the harness.</summary>
    public const string OtherConsumerOds = "Y99999";

    public const int DaysAhead = 28;

    public static readonly JobRole GeneralPractitioner = new("R0260", "General Medical Practitioner");
    public static readonly JobRole StaffNurse = new("R0620", "Staff Nurse");
    public static readonly JobRole Pharmacist = new("R1290", "Pharmacist");
    public static readonly JobRole Physiotherapist = new("R1110", "Physiotherapist");
    public static readonly JobRole Phlebotomist = new("R1590", "Phlebotomist");

    private sealed record Session(string ScheduleId, TimeOnly First, int SlotMinutes, int SlotCount);

    public static PracticeStore Seed(string odsCode, TimeProvider clock)
    {
        var today = UkDateTime.DateOf(clock.GetUtcNow());
        var horizonStart = UkDateTime.FromLocal(today.AddDays(-1).ToDateTime(TimeOnly.MinValue));
        var horizonEnd = UkDateTime.FromLocal(today.AddDays(DaysAhead + 1).ToDateTime(TimeOnly.MinValue));
        var version = horizonStart.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        var organization = new PracticeOrganization("1", version, odsCode, "Riverside Reference Surgery",
            new(["1 Riverside Way", "Kirkstall"], "Leeds", "West Yorkshire", "LS5 3AA"), "01131234567");
        var locations = new[]
        {
            new PracticeLocation("1", version, odsCode, "Riverside Reference Surgery (main site)",
                new(["1 Riverside Way", "Kirkstall"], "Leeds", "West Yorkshire", "LS5 3AA"), "01131234567", "1"),
            new PracticeLocation("2", version, odsCode + "B", "Hillside Branch Surgery",
                new(["22 Hill Top Road", "Headingley"], "Leeds", "West Yorkshire", "LS6 4BB"), "01131234568", "1"),
            new PracticeLocation("3", version, null, "Contact practice for location of the visit",
                new(["Unknown"], "Unknown", "Unknown", "Unknown"), null, "1"),
        };
        var practitioners = new[]
        {
            new PracticePractitioner("1", version, "G13579135", "Moss", ["Eleanor"], ["Dr"], "female", GeneralPractitioner),
            // Foundations test data: PR-2 one SDS role profile id, PR-3 two, PR-5 a recorded language (spec: the Foundations test-data roles).
            new PracticePractitioner("2", version, "G24680246", "Okafor", ["Daniel"], ["Mr"], "male", StaffNurse, RoleProfileIds: ["200000000102"]),
            new PracticePractitioner("3", version, "G11223344", "Patel", ["Priya"], ["Ms"], "female", Pharmacist, RoleProfileIds: ["200000000103", "200000000104"]),
            new PracticePractitioner("4", version, "G55667788", "Hughes", ["Gareth"], ["Mr"], "male", Physiotherapist, LanguageCode: "cy", LanguageDisplay: "Welsh"),
        };
        PracticeSchedule Diary(string id, string locationId, string? practitionerId, JobRole role, string? type) =>
            new(id, version, locationId, practitionerId, role, type, horizonStart, horizonEnd);
        var schedules = new[]
        {
            Diary("1", "1", "1", GeneralPractitioner, "Morning Surgery"),
            Diary("2", "2", "2", StaffNurse, "Nurse Clinic"),
            Diary("3", "1", "3", Pharmacist, null),
            Diary("4", "1", "4", Physiotherapist, "MSK Clinic"),
            Diary("5", "1", "1", GeneralPractitioner, "Home Visits"),
            Diary("6", "2", null, Phlebotomist, "Phlebotomy Clinic"),
        };
        var sessions = new[]
        {
            new Session("6", new TimeOnly(8, 0), 10, 6),
            new Session("1", new TimeOnly(9, 0), 10, 12),
            new Session("3", new TimeOnly(10, 0), 20, 6),
            new Session("5", new TimeOnly(12, 0), 30, 2),
            new Session("4", new TimeOnly(13, 0), 20, 6),
            new Session("2", new TimeOnly(14, 0), 15, 8),
            // Afternoon sessions: enough free slots that a stateful provider keeping cancelled slots busy supports several
            // full runs of the suite back to back (nightly regression; see --check-data's data budget).
            new Session("4", new TimeOnly(15, 0), 20, 6),
            new Session("3", new TimeOnly(16, 0), 20, 6),
            new Session("6", new TimeOnly(16, 0), 10, 12),
        };

        var slots = new List<PracticeSlot>();
        var nextId = 1;
        for (var day = today.AddDays(-1); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            var isPastDay = day < today;
            if (!isPastDay && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            foreach (var session in sessions)
            {
                for (var index = 0; index < session.SlotCount; index++)
                {
                    var start = UkDateTime.FromLocal(day.ToDateTime(session.First.AddMinutes(index * session.SlotMinutes)));
                    var end = start.AddMinutes(session.SlotMinutes);
                    slots.Add(Describe(session.ScheduleId, index, (nextId++).ToString(CultureInfo.InvariantCulture), start, end, version));
                }
            }
        }
        return new PracticeStore(organization, locations, practitioners, schedules, slots);
    }

    /// <summary>The per-slot pattern: channel, slot type, busy state and booking restrictions by position in the session.</summary>
    private static PracticeSlot Describe(string scheduleId, int index, string id, DateTimeOffset start, DateTimeOffset end, string version)
    {
        var status = "free";
        var bookable = true;
        var restriction = BookingRestriction.None;
        string channel;
        string slotType;
        switch (scheduleId)
        {
            case "1":
                channel = (index % 4) switch { 1 => DeliveryChannels.Telephone, 3 => DeliveryChannels.Video, _ => DeliveryChannels.InPerson };
                slotType = index == 5 ? "Extended GP Appointment" : "General GP Appointment";
                (status, bookable, restriction) = index switch
                {
                    2 => ("busy", true, BookingRestriction.None),
                    6 => (status, true, new BookingRestriction("urgent-care", null)),
                    7 => (status, true, new BookingRestriction("gp-practice", null)),
                    8 => (status, true, new BookingRestriction(null, [HarnessConsumerOds, "A1001"])),
                    9 => (status, true, new BookingRestriction(null, [OtherConsumerOds])),
                    10 => (status, true, new BookingRestriction("urgent-care", [HarnessConsumerOds])),
                    11 => (status, false, BookingRestriction.None),
                    _ => (status, true, BookingRestriction.None),
                };
                break;
            case "2":
                channel = DeliveryChannels.InPerson;
                slotType = index % 2 == 0 ? "Practice Nurse Appointment" : "NHS Health Check";
                if (index == 7) status = "busy";
                break;
            case "3":
                channel = index % 2 == 0 ? DeliveryChannels.Telephone : DeliveryChannels.InPerson;
                slotType = "Medication Review";
                break;
            case "4":
                channel = index % 3 == 2 ? DeliveryChannels.Video : DeliveryChannels.InPerson;
                slotType = "Physiotherapy Assessment";
                break;
            case "5":
                // Home visits: the search's own Visit rule (#826) is what keeps these out of results.
                channel = DeliveryChannels.Visit;
                slotType = "Home Visit";
                break;
            default:
                channel = DeliveryChannels.InPerson;
                slotType = "Blood Test";
                break;
        }
        return new PracticeSlot(id, version, scheduleId, start, end, status, channel, slotType, bookable, restriction);
    }
}
