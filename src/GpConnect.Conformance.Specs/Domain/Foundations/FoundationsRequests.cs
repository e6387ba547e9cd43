using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;

namespace GpConnect.Conformance.Specs.Domain.Foundations;

/// <summary>The Foundations requests a consumer sends (spec: Foundations use cases), valid by default.</summary>
public static class FoundationsRequests
{
    /// <summary>NHS number identifier system.</summary>
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    /// <summary>ODS organisation code identifier system.</summary>
    public const string OdsCodeSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    /// <summary>SDS user id identifier system.</summary>
    public const string SdsUserIdSystem = "https://fhir.nhs.uk/Id/sds-user-id";

    /// <summary>The Find interaction for a resource kind named as scenarios name it (patient, practitioner, organisation).</summary>
    public static Interaction FindInteraction(string kind) => kind switch
    {
        "patient" => Interactions.FindPatient,
        "practitioner" => Interactions.FindPractitioner,
        "organisation" => Interactions.FindOrganisation,
        _ => throw new ArgumentException($"There is no Find interaction for \"{kind}\" (patient, practitioner, organisation)."),
    };

    /// <summary>The Read interaction for a resource kind (patient, practitioner, organisation, location).</summary>
    public static Interaction ReadInteraction(string kind) => kind switch
    {
        "patient" => Interactions.ReadPatient,
        "practitioner" => Interactions.ReadPractitioner,
        "organisation" => Interactions.ReadOrganisation,
        "location" => Interactions.ReadLocation,
        _ => throw new ArgumentException($"There is no Read interaction for \"{kind}\" (patient, practitioner, organisation, location)."),
    };

    /// <summary>The identifier system a Find for the kind documents.</summary>
    public static string SystemFor(string kind) => kind switch
    {
        "patient" => NhsNumberSystem,
        "practitioner" => SdsUserIdSystem,
        "organisation" => OdsCodeSystem,
        _ => throw new ArgumentException($"No identifier system for \"{kind}\"."),
    };

    /// <summary>The FHIR resource type of a kind.</summary>
    public static string ResourceTypeOf(string kind) => kind switch
    {
        "patient" => "Patient",
        "practitioner" => "Practitioner",
        "organisation" => "Organization",
        "location" => "Location",
        _ => throw new ArgumentException($"Unknown resource kind \"{kind}\"."),
    };

    /// <summary><c>GET /[type]?identifier=system|value</c> (the bar percent-encoded).</summary>
    public static GpConnectRequest Find(string kind, string value) => FindWithToken(kind, $"{SystemFor(kind)}|{value}");

    /// <summary>A Find with exactly this identifier token (for negative tests: other systems, no system, empty value).</summary>
    public static GpConnectRequest FindWithToken(string kind, string token) =>
        new GpConnectRequest(FindInteraction(kind)).AddQuery("identifier", token);

    /// <summary>A Find without any identifier parameter.</summary>
    public static GpConnectRequest FindWithoutIdentifier(string kind) => new(FindInteraction(kind));

    /// <summary><c>GET /[type]/[id]</c>.</summary>
    public static GpConnectRequest Read(string kind, string id) => GpConnectRequest.For(ReadInteraction(kind), Uri.EscapeDataString(id));

    /// <summary>A logical id no provider holds: syntactically plausible, unique per call, within the 64-character limit.</summary>
    public static string UnknownId() => "gpcc-unknown-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary><c>POST /Patient/$gpc.registerpatient</c> with the registration as its JSON body.</summary>
    public static GpConnectRequest Register(PatientRegistration registration) =>
        new GpConnectRequest(Interactions.RegisterPatient).WithBody(registration.ToJson());
}
