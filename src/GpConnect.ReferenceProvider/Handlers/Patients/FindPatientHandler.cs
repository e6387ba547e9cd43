using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice.Patients;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>
/// Find a patient by NHS number (spec: Find a patient): only active patients whose NHS number is verified are returned;
/// a never-verified active record is checked against PDS first and marked verified when it passes (#921); S-flagged
/// patients are omitted (#658/#847); a structurally invalid NHS number is 400 INVALID_NHS_NUMBER.
/// </summary>
internal sealed class FindPatientHandler(PatientIndex patients, SimulatedPds pds, PatientResource resources, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.FindPatient;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var validates = !faults.Waives(ProviderRule.FindPatientValidatesNhsNumber);
        var nhsNumber = IdentifierSearch.RequireValue(request.Query, Systems.NhsNumber, v => !validates || NhsNumber.IsValid(v), faults, PatientErrors.InvalidNhsNumber);
        var patient = nhsNumber is null ? null : patients.FindByNhsNumber(nhsNumber);
        var shared = patient is null ? null : Shareable(patient);
        return SearchResults.Searchset(mapper, shared is null ? [] : [resources.Render(shared)], faults);
    }

    /// <summary>The record as it may be shared, or null when Find must leave it out.</summary>
    private PracticePatient? Shareable(PracticePatient patient)
    {
        if (patient.Status != RegistrationStatus.Active && !faults.Waives(ProviderRule.FindPatientOnlyActive)) return null;
        if (patient.Sensitive && !faults.Waives(ProviderRule.FindPatientOmitsSensitive)) return null;
        if (patient.DissentToShare && faults.Waives(ProviderRule.PatientDissentNotApplied)) return null;
        if (patient.RegistrationType != PracticePatient.Regular && faults.Waives(ProviderRule.FindPatientAnyRegistrationType)) return null;
        if (patient.Verified) return patient;
        if (faults.Waives(ProviderRule.FindPatientVerifiesUnverifiedRecords)) return null;
        if (faults.Waives(ProviderRule.FindPatientChecksPdsBeforeSharing)) return patient;
        if (NhsNumberVerification.Check(pds.Retrieve(patient.NhsNumber), patient.Name, patient.BirthDate) is not null) return null;
        return patients.Change(patient.NhsNumber, (current, _) =>
        {
            var verified = (current ?? patient) with { Verified = true };
            return (verified, verified);
        });
    }
}
