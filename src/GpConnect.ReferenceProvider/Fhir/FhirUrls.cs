namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>Profile URLs the provider asserts in <c>meta.profile</c>.</summary>
internal static class Profiles
{
    private const string Base = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    public const string Patient = Base + "CareConnect-GPC-Patient-1";
    public const string Organization = Base + "CareConnect-GPC-Organization-1";
    public const string Practitioner = Base + "CareConnect-GPC-Practitioner-1";
    public const string PractitionerRole = Base + "CareConnect-GPC-PractitionerRole-1";
    public const string Location = Base + "CareConnect-GPC-Location-1";
    public const string OperationOutcome = Base + "GPConnect-OperationOutcome-1";
    public const string Appointment = Base + "GPConnect-Appointment-1";
    public const string Schedule = Base + "GPConnect-Schedule-1";
    public const string Slot = Base + "GPConnect-Slot-1";
    public const string SearchsetBundle = Base + "GPConnect-Searchset-Bundle-1";
    public const string DeliveryChannelExtension = Base + "Extension-GPConnect-DeliveryChannel-2";
    public const string PractitionerRoleExtension = Base + "Extension-GPConnect-PractitionerRole-1";
}

/// <summary>Identifier and code systems used in requests and responses.</summary>
internal static class Systems
{
    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganizationCode = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const string OdsSiteCode = "https://fhir.nhs.uk/Id/ods-site-code";
    public const string SdsUserId = "https://fhir.nhs.uk/Id/sds-user-id";
    public const string SdsRoleProfileId = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    public const string OrganisationType = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    public const string SdsJobRoleName = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";
    public const string SpineErrorOrWarningCode = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";
}
