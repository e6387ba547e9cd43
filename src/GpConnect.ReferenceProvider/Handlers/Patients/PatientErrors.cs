using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>The Spine error codes only the patient interactions use (spec: Foundations overview).</summary>
internal static class PatientErrors
{
    public static readonly SpineError PatientNotFound = new("PATIENT_NOT_FOUND", "Patient record not found", 404, "not-found");
    public static readonly SpineError InvalidNhsNumber = new("INVALID_NHS_NUMBER", "Invalid NHS number", 400, "value");
    public static readonly SpineError InvalidPatientDemographics = new("INVALID_PATIENT_DEMOGRAPHICS", "Invalid patient demographics", 400, "business-rule");
    public static readonly SpineError DuplicateRejected = new("DUPLICATE_REJECTED", "Create would lead to creation of a duplicate resource", 409, "duplicate");
}
