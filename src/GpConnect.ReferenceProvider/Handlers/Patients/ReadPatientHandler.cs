using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice.Patients;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>
/// Read a patient (<c>GET /Patient/[id]</c>, spec: Read a patient): unknown id → 404 PATIENT_NOT_FOUND; an S-flagged
/// patient is answered the same way (#658/#847), as are deceased and inactive records (details are shared only for
/// active patients).
/// </summary>
internal sealed class ReadPatientHandler(PatientIndex patients, PatientResource resources, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.ReadPatient;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var id = request.Path.Id!;
        var patient = patients.FindById(id);
        if (patient is null || patient.Status != RegistrationStatus.Active)
            throw SearchResults.NotFound(PatientErrors.PatientNotFound, $"No Patient with id '{id}'.", faults);
        if (patient.Sensitive && !faults.Waives(ProviderRule.ReadPatientHidesSensitive))
            throw new ProviderException(PatientErrors.PatientNotFound, $"No Patient with id '{id}'.");
        if (patient.DissentToShare && faults.Waives(ProviderRule.PatientDissentNotApplied))
            throw new ProviderException(PatientErrors.PatientNotFound, $"Patient '{id}' has dissented from sharing.");
        return ProviderResponse.Read(resources.Render(patient));
    }
}
