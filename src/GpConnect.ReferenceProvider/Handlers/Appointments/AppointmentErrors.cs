using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>Spine error codes the Appointment interactions use beyond the shared ones (spec: Appointment Management overview).</summary>
internal static class AppointmentErrors
{
    public static readonly SpineError DuplicateRejected = new("DUPLICATE_REJECTED", "Create would lead to creation of a duplicate resource", 409, "duplicate");
    public static readonly SpineError ReferenceNotFound = new("REFERENCE_NOT_FOUND", "Referenced resource not found", 422, "invalid");
    public static readonly SpineError PatientNotFound = new("PATIENT_NOT_FOUND", "Patient record not found", 404, "not-found");

    /// <summary>If-Match does not name the current version (409; the spec gives the code for information only).</summary>
    public static readonly SpineError VersionConflict = new("FHIR_CONSTRAINT_VIOLATION", "FHIR constraint violated", 409, "conflict");
}
