namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>The scope family an interaction belongs to (spec: Cross-organisation audit and provenance (JWT scopes)).</summary>
internal enum ScopeFamily { Patient, Organization }

/// <summary>The shape of a relative path: which resource type and whether an id, compartment or operation follows.</summary>
internal enum PathShape { Metadata, Type, Instance, Operation, PatientAppointments }

/// <summary>One GP Connect interaction: its Ssp-InteractionID, HTTP method, path shape and JWT scope.</summary>
internal sealed record Interaction(string Name, string Id, string Method, string ResourceType, PathShape Shape, ScopeFamily Scope, string? OperationName = null)
{
    private const string Prefix = "urn:nhs:names:services:gpconnect:fhir:";

    public static readonly Interaction GetCapabilityStatement = new("Get capability statement", Prefix + "rest:read:metadata-1", "GET", "metadata", PathShape.Metadata, ScopeFamily.Organization);
    public static readonly Interaction ReadPatient = new("Read a patient", Prefix + "rest:read:patient-1", "GET", "Patient", PathShape.Instance, ScopeFamily.Patient);
    public static readonly Interaction FindPatient = new("Find a patient", Prefix + "rest:search:patient-1", "GET", "Patient", PathShape.Type, ScopeFamily.Patient);
    public static readonly Interaction RegisterPatient = new("Register a patient", Prefix + "operation:gpc.registerpatient-1", "POST", "Patient", PathShape.Operation, ScopeFamily.Patient, "$gpc.registerpatient");
    public static readonly Interaction ReadPractitioner = new("Read a practitioner", Prefix + "rest:read:practitioner-1", "GET", "Practitioner", PathShape.Instance, ScopeFamily.Organization);
    public static readonly Interaction FindPractitioner = new("Find a practitioner", Prefix + "rest:search:practitioner-1", "GET", "Practitioner", PathShape.Type, ScopeFamily.Organization);
    public static readonly Interaction ReadOrganization = new("Read an organisation", Prefix + "rest:read:organization-1", "GET", "Organization", PathShape.Instance, ScopeFamily.Organization);
    public static readonly Interaction FindOrganization = new("Find an organisation", Prefix + "rest:search:organization-1", "GET", "Organization", PathShape.Type, ScopeFamily.Organization);
    public static readonly Interaction ReadLocation = new("Read a location", Prefix + "rest:read:location-1", "GET", "Location", PathShape.Instance, ScopeFamily.Organization);
    public static readonly Interaction SearchFreeSlots = new("Search for free slots", Prefix + "rest:search:slot-1", "GET", "Slot", PathShape.Type, ScopeFamily.Organization);
    public static readonly Interaction ReadAppointment = new("Read an appointment", Prefix + "rest:read:appointment-1", "GET", "Appointment", PathShape.Instance, ScopeFamily.Patient);
    public static readonly Interaction BookAppointment = new("Book an appointment", Prefix + "rest:create:appointment-1", "POST", "Appointment", PathShape.Type, ScopeFamily.Patient);
    public static readonly Interaction AmendAppointment = new("Amend an appointment", Prefix + "rest:update:appointment-1", "PUT", "Appointment", PathShape.Instance, ScopeFamily.Patient);
    public static readonly Interaction CancelAppointment = new("Cancel an appointment", Prefix + "rest:cancel:appointment-1", "PUT", "Appointment", PathShape.Instance, ScopeFamily.Patient);
    public static readonly Interaction RetrievePatientAppointments = new("Retrieve a patient's appointments", Prefix + "rest:search:patient_appointments-1", "GET", "Patient", PathShape.PatientAppointments, ScopeFamily.Patient);

    /// <summary>The fifteen Foundations and Appointment Management interactions (spec: Interaction IDs).</summary>
    public static IReadOnlyList<Interaction> All { get; } =
    [
        GetCapabilityStatement, ReadPatient, FindPatient, RegisterPatient, ReadPractitioner, FindPractitioner,
        ReadOrganization, FindOrganization, ReadLocation, SearchFreeSlots, ReadAppointment, BookAppointment,
        AmendAppointment, CancelAppointment, RetrievePatientAppointments,
    ];

    /// <summary>Resource types this server has at least one interaction for.</summary>
    public static IReadOnlySet<string> KnownResourceTypes { get; } = All.Select(i => i.ResourceType).ToHashSet(StringComparer.Ordinal);

    /// <summary>The interaction with exactly this id (case-sensitive), or null.</summary>
    public static Interaction? WithId(string id) => All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
