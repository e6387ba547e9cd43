using System.Globalization;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice.Patients;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>
/// Register a patient (<c>POST /Patient/$gpc.registerpatient</c>, spec: Register a patient): PDS checks on the request's
/// demographics, then, atomically, duplicate prevention against the practice index — no record → a new temporary
/// registration; an inactive record → re-activated as temporary with the same id; an active one (any type) → 409
/// DUPLICATE_REJECTED; a deceased one → 400 INVALID_PATIENT_DEMOGRAPHICS. Success is 200 with a
/// GPConnect-Searchset-Bundle-1 holding the Patient.
/// </summary>
internal sealed class RegisterPatientHandler(PatientIndex patients, SimulatedPds pds, PatientResource resources, ActiveFaults faults, TimeProvider clock) : IInteractionHandler
{
    /// <summary>How long a GP Connect temporary registration (and its temporary address/telecom) lasts.</summary>
    public const int TemporaryRegistrationDays = 90;

    public Interaction Interaction => Interaction.RegisterPatient;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var registration = RegistrationRequest.Parse(request.Body, request.Headers?.ContentType.ToString(), faults);
        var record = pds.Retrieve(registration.NhsNumber);
        CheckPds(registration, record);

        var now = clock.GetUtcNow();
        var today = UkDateTime.DateOf(now);
        var version = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var saved = patients.Change(registration.NhsNumber, (existing, newId) =>
        {
            var patient = Decide(registration, record, existing, newId, today, version);
            return (patient, patient);
        });
        var status = faults.Waives(ProviderRule.RegisterAnswers200) ? 201 : 200;
        return new ProviderResponse(status, resources.RegisterBundle(saved));
    }

    private void CheckPds(RegistrationRequest registration, PdsRecord? record)
    {
        var name = registration.Name ?? record?.Name ?? new PersonName("", [], []);
        var born = registration.BirthDate ?? record?.BirthDate ?? DateOnly.MinValue;
        switch (NhsNumberVerification.Check(record, name, born))
        {
            case NhsNumberVerification.Failure.NotOnPds or NhsNumberVerification.Failure.DemographicsMismatch
                when !faults.Waives(ProviderRule.RegisterVerifiesDemographicsOnPds):
                throw new ProviderException(PatientErrors.InvalidPatientDemographics,
                    $"NHS number {registration.NhsNumber} could not be verified against PDS with the demographics sent.");
            case NhsNumberVerification.Failure.DeceasedOnPds when !faults.Waives(ProviderRule.RegisterRefusesDeceased):
                throw new ProviderException(PatientErrors.InvalidPatientDemographics, "PDS records this patient as deceased.");
            case NhsNumberVerification.Failure.Sensitive when !faults.Waives(ProviderRule.RegisterRefusesSensitive):
                throw new ProviderException(PatientErrors.InvalidPatientDemographics, "The patient's PDS record is sensitive (S-flag).");
            case NhsNumberVerification.Failure.InvalidOrSuperseded:
                throw new ProviderException(
                    faults.Waives(ProviderRule.RegisterReportsPdsNumberFlags) ? PatientErrors.InvalidPatientDemographics : PatientErrors.InvalidNhsNumber,
                    $"PDS marks NHS number {registration.NhsNumber} as invalid or superseded.");
        }
    }

    private PracticePatient Decide(RegistrationRequest registration, PdsRecord? record, PracticePatient? existing, string newId, DateOnly today, string version)
    {
        var duplicateAllowed = faults.Waives(ProviderRule.RegisterRejectsDuplicates);
        if (existing is not null && !duplicateAllowed)
        {
            if (existing.Status == RegistrationStatus.Deceased && !faults.Waives(ProviderRule.RegisterRefusesDeceased))
                throw new ProviderException(PatientErrors.InvalidPatientDemographics, "The practice records this patient as deceased.");
            if (!existing.Verified && (record is null || !NhsNumberVerification.DemographicsVerify(record, existing.Name, existing.BirthDate)))
                throw new ProviderException(PatientErrors.InvalidPatientDemographics,
                    "The practice's unverified record for this NHS number does not verify against PDS; registration halted.");
            if (existing.Status == RegistrationStatus.Active)
                throw new ProviderException(PatientErrors.DuplicateRejected, $"NHS number {registration.NhsNumber} is already an active patient at this practice.");
        }

        var expires = today.AddDays(TemporaryRegistrationDays);
        var name = registration.Name ?? record?.Name ?? existing?.Name ?? new PersonName("Unknown", ["Unknown"], []);
        var addresses = registration.Addresses.Count > 0
            ? registration.Addresses.Select(a => a.Use == "temp" ? a with { End = expires } : a).ToList()
            : record?.HomeAddress is { } home ? [new PatientAddress("home", home)] : existing?.Addresses.ToList() ?? [];
        var telecoms = registration.Telecoms.Count > 0
            ? registration.Telecoms.Select(t => t.Use == "temp" ? t with { End = expires } : t).ToList()
            : record?.HomePhone is { } phone ? [new PatientTelecom("phone", phone, "home")] : existing?.Telecoms.ToList() ?? [];
        var type = faults.Waives(ProviderRule.RegisterOnlyTemporary) ? PracticePatient.Regular : PracticePatient.Temporary;
        var reactivated = existing is not null && !duplicateAllowed;
        return new PracticePatient(
            Id: reactivated ? existing!.Id : newId,
            VersionId: version,
            NhsNumber: registration.NhsNumber,
            Name: name,
            BirthDate: registration.BirthDate ?? record?.BirthDate ?? existing?.BirthDate ?? today,
            Gender: registration.Gender ?? record?.Gender ?? existing?.Gender ?? "unknown",
            Status: RegistrationStatus.Active,
            RegistrationType: type,
            Verified: true,
            Sensitive: false,
            DissentToShare: false,
            Addresses: addresses,
            Telecoms: telecoms,
            Contacts: reactivated ? existing!.Contacts : [],
            Language: registration.Language ?? (reactivated ? existing!.Language : null),
            PreferredBranchLocationId: reactivated ? existing!.PreferredBranchLocationId : null,
            RegistrationStart: today);
    }
}
