namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>Interaction ids and scopes the tests use (typed out here, not taken from the provider).</summary>
public static class InteractionIds
{
    public const string Metadata = "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1";
    public const string SearchSlots = "urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1";
    public const string ReadPatient = "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1";
    public const string ReadLocation = "urn:nhs:names:services:gpconnect:fhir:rest:read:location-1";
    public const string ReadOrganization = "urn:nhs:names:services:gpconnect:fhir:rest:read:organization-1";
    public const string FindOrganization = "urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1";
    public const string ReadPractitioner = "urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1";
    public const string FindPractitioner = "urn:nhs:names:services:gpconnect:fhir:rest:search:practitioner-1";
    public const string ReadAppointment = "urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1";

    public const string OrganizationRead = "organization/*.read";
    public const string PatientRead = "patient/*.read";
}
