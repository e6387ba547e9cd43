using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Handlers;
using GpConnect.ReferenceProvider.Handlers.Patients;
using GpConnect.ReferenceProvider.Handlers.Appointments;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Patients;
using GpConnect.ReferenceProvider.Practice.Appointments;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>Wires the provider's parts for one set of options. Adding an interaction means adding its handler here.</summary>
internal static class ProviderComposition
{
    /// <summary>The service root path, e.g. <c>/A20047/STU3/1/gpconnect</c>.</summary>
    public static string ServiceRootPath(string odsCode) => $"/{odsCode}/STU3/1/gpconnect";

    /// <summary>Book, read, amend, cancel and retrieve appointments over the seeded appointment book.</summary>
    private static IInteractionHandler[] AppointmentHandlers(PracticeStore store, PatientIndex patients, SpecRelease release, ActiveFaults faults, TimeProvider clock, ResourceMapper resources, bool cancelledSlotsStayBusy)
    {
        var book = AppointmentSeeder.Seed(store, clock);
        book.ReleaseCancelledSlots = !cancelledSlotsStayBusy;
        var mapper = new AppointmentMapper(release, faults);
        var access = new AppointmentAccess(book, faults, clock);
        // Registered (or temporarily registered, APT-118) patients that are not S-flagged: an S-flagged patient is "not found" (APT-020);
        // the dissent-to-share flag is never applied to appointments (APT-021).
        Func<string, bool> patientExists = id => patients.FindById(id) is { Status: RegistrationStatus.Active } patient
            && (!patient.Sensitive || faults.Waives(ProviderRule.AppointmentsHideSensitivePatients))
            && (patient.RegistrationType != PracticePatient.Temporary || !faults.Waives(ProviderRule.AppointmentsServeTemporaryPatients))
            && (!patient.DissentToShare || !faults.Waives(ProviderRule.AppointmentsIgnoreDissent));
        return
        [
            new BookAppointmentHandler(book, mapper, faults, clock, patientExists),
            new ReadAppointmentHandler(access, mapper, faults),
            new AmendAppointmentHandler(access, mapper, faults),
            new CancelAppointmentHandler(access, mapper, faults),
            new RetrievePatientAppointmentsHandler(access, mapper, resources, faults, clock, patientExists),
        ];
    }

    public static RequestDispatcher Compose(ReferenceProviderOptions options, SpecRelease release, ActiveFaults faults, Func<string> serviceRoot)
    {
        // The practice's dates follow the as-of day when one is set; JWT timing keeps the real clock.
        var practiceClock = PracticeClock.For(options);
        var store = PracticeSeeder.Seed(options.OdsCode, practiceClock);
        var mapper = new ResourceMapper(release, faults);
        var (patients, pds) = PatientSeeder.Seed(practiceClock);
        var patientResource = new PatientResource(store, faults);
        IInteractionHandler[] handlers =
        [
            new MetadataHandler(new CapabilityStatementBuilder(release, faults)),
            new SlotSearchHandler(store, mapper, faults, practiceClock),
            new ReadLocationHandler(store, mapper, faults),
            new ReadOrganizationHandler(store, mapper, faults),
            new FindOrganizationHandler(store, mapper, faults),
            new ReadPractitionerHandler(store, mapper, faults),
            new FindPractitionerHandler(store, mapper, faults),
            new FindPatientHandler(patients, pds, patientResource, mapper, faults),
            new ReadPatientHandler(patients, patientResource, faults),
            new RegisterPatientHandler(patients, pds, patientResource, faults, practiceClock),
            .. AppointmentHandlers(store, patients, release, faults, practiceClock, mapper, options.CancelledSlotsStayBusy),
        ];
        return new RequestDispatcher(
            ServiceRootPath(options.OdsCode),
            new FormatNegotiator(faults),
            new SspHeaderValidator(options.Asid, faults),
            () => new JwtValidator(serviceRoot(), options.TimeProvider, options.JwtClockSkewLeewaySeconds, options.ValidateIat, faults),
            handlers.ToDictionary(h => h.Interaction),
            new RequestBodyReader(faults),
            new ResponseWriter(faults),
            faults,
            options.Stall);
    }
}
