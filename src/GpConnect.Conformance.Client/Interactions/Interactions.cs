using System.Diagnostics.CodeAnalysis;

namespace GpConnect.Conformance.Client.Interactions;

/// <summary>
/// The 15 Foundations and Appointment Management interactions of GP Connect 1.2.x, with lookup by name,
/// use-case wording or interaction ID.
/// </summary>
public static class Interactions
{
    private const string Prefix = "urn:nhs:names:services:gpconnect:fhir:";

    /// <summary>GET /metadata.</summary>
    public static Interaction GetCapabilityStatement { get; } = new("GetCapabilityStatement", "Get the FHIR capability statement", Capability.Foundations,
        Prefix + "rest:read:metadata-1", HttpMethod.Get, "/metadata", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Patient/{id}.</summary>
    public static Interaction ReadPatient { get; } = new("ReadPatient", "Read a patient", Capability.Foundations,
        Prefix + "rest:read:patient-1", HttpMethod.Get, "/Patient/{id}", JwtScopes.PatientRead, 200);

    /// <summary>GET /Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}.</summary>
    public static Interaction FindPatient { get; } = new("FindPatient", "Find a patient", Capability.Foundations,
        Prefix + "rest:search:patient-1", HttpMethod.Get, "/Patient", JwtScopes.PatientRead, 200);

    /// <summary>GET /Practitioner/{id}.</summary>
    public static Interaction ReadPractitioner { get; } = new("ReadPractitioner", "Read a practitioner", Capability.Foundations,
        Prefix + "rest:read:practitioner-1", HttpMethod.Get, "/Practitioner/{id}", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|{sdsUserId}.</summary>
    public static Interaction FindPractitioner { get; } = new("FindPractitioner", "Find a practitioner", Capability.Foundations,
        Prefix + "rest:search:practitioner-1", HttpMethod.Get, "/Practitioner", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Organization/{id}.</summary>
    public static Interaction ReadOrganisation { get; } = new("ReadOrganisation", "Read an organisation", Capability.Foundations,
        Prefix + "rest:read:organization-1", HttpMethod.Get, "/Organization/{id}", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|{odsCode}.</summary>
    public static Interaction FindOrganisation { get; } = new("FindOrganisation", "Find an organisation", Capability.Foundations,
        Prefix + "rest:search:organization-1", HttpMethod.Get, "/Organization", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Location/{id}.</summary>
    public static Interaction ReadLocation { get; } = new("ReadLocation", "Read a location", Capability.Foundations,
        Prefix + "rest:read:location-1", HttpMethod.Get, "/Location/{id}", JwtScopes.OrganizationRead, 200);

    /// <summary>POST /Patient/$gpc.registerpatient (success is 200, not 201).</summary>
    public static Interaction RegisterPatient { get; } = new("RegisterPatient", "Register a patient", Capability.Foundations,
        Prefix + "operation:gpc.registerpatient-1", HttpMethod.Post, "/Patient/$gpc.registerpatient", JwtScopes.PatientWrite, 200);

    /// <summary>GET /Slot?start=ge…&amp;end=le…&amp;status=free&amp;_include=Slot:schedule….</summary>
    public static Interaction SearchForFreeSlots { get; } = new("SearchForFreeSlots", "Search for free slots", Capability.AppointmentManagement,
        Prefix + "rest:search:slot-1", HttpMethod.Get, "/Slot", JwtScopes.OrganizationRead, 200);

    /// <summary>GET /Appointment/{id}.</summary>
    public static Interaction ReadAppointment { get; } = new("ReadAppointment", "Read an appointment", Capability.AppointmentManagement,
        Prefix + "rest:read:appointment-1", HttpMethod.Get, "/Appointment/{id}", JwtScopes.PatientRead, 200);

    /// <summary>POST /Appointment (success is 201 with Location).</summary>
    public static Interaction BookAppointment { get; } = new("BookAppointment", "Book an appointment", Capability.AppointmentManagement,
        Prefix + "rest:create:appointment-1", HttpMethod.Post, "/Appointment", JwtScopes.PatientWrite, 201);

    /// <summary>PUT /Appointment/{id} with the update interaction ID (needs If-Match).</summary>
    public static Interaction AmendAppointment { get; } = new("AmendAppointment", "Amend an appointment", Capability.AppointmentManagement,
        Prefix + "rest:update:appointment-1", HttpMethod.Put, "/Appointment/{id}", JwtScopes.PatientWrite, 200);

    /// <summary>PUT /Appointment/{id} with the cancel interaction ID (needs If-Match).</summary>
    public static Interaction CancelAppointment { get; } = new("CancelAppointment", "Cancel an appointment", Capability.AppointmentManagement,
        Prefix + "rest:cancel:appointment-1", HttpMethod.Put, "/Appointment/{id}", JwtScopes.PatientWrite, 200);

    /// <summary>GET /Patient/{id}/Appointment?start=ge…&amp;start=le….</summary>
    public static Interaction RetrievePatientAppointments { get; } = new("RetrievePatientAppointments", "Retrieve a patient's appointments", Capability.AppointmentManagement,
        Prefix + "rest:search:patient_appointments-1", HttpMethod.Get, "/Patient/{id}/Appointment", JwtScopes.PatientRead, 200);

    /// <summary>All 15, Foundations first, in spec order.</summary>
    public static IReadOnlyList<Interaction> All { get; } =
    [
        GetCapabilityStatement, ReadPatient, FindPatient, ReadPractitioner, FindPractitioner, ReadOrganisation,
        FindOrganisation, ReadLocation, RegisterPatient, SearchForFreeSlots, ReadAppointment, BookAppointment,
        AmendAppointment, CancelAppointment, RetrievePatientAppointments,
    ];

    private static readonly Dictionary<string, Interaction> ByNormalisedName = All
        .SelectMany(i => new[] { (Key: Interaction.NormaliseName(i.Name), i), (Key: Interaction.NormaliseName(i.UseCase), i) })
        .DistinctBy(p => p.Key)
        .ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// Finds an interaction by name or use-case wording, ignoring case, spaces, punctuation, articles and
    /// organisation/organization spelling: "FindPatient", "find a patient", "Retrieve a patient's appointments",
    /// "Read an organization" all work.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such interaction; the message lists the known names.</exception>
    public static Interaction ByName(string name) =>
        TryGetByName(name, out var interaction)
            ? interaction
            : throw new KeyNotFoundException($"No GP Connect interaction is called \"{name}\". Known: {string.Join(", ", All.Select(i => i.Name))}.");

    /// <summary>As <see cref="ByName"/>, without throwing.</summary>
    public static bool TryGetByName(string name, [NotNullWhen(true)] out Interaction? interaction)
    {
        interaction = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var key = Interaction.NormaliseName(name);
        if (!ByNormalisedName.TryGetValue(key, out var found)) return false;
        interaction = found;
        return true;
    }

    /// <summary>Finds an interaction by its exact <c>Ssp-InteractionID</c> (case-sensitive, as providers must treat it); null when unknown.</summary>
    public static Interaction? ByInteractionId(string interactionId) =>
        All.FirstOrDefault(i => string.Equals(i.InteractionId, interactionId, StringComparison.Ordinal));
}
