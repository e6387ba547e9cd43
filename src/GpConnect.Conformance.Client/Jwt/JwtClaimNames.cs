namespace GpConnect.Conformance.Client.Jwt;

/// <summary>The ten mandatory GP Connect JWT claims.</summary>
public static class JwtClaimNames
{
    /// <summary>Consumer system URL.</summary>
    public const string Issuer = "iss";
    /// <summary>User id; equals <c>requesting_practitioner.id</c>.</summary>
    public const string Subject = "sub";
    /// <summary>Provider service root URL.</summary>
    public const string Audience = "aud";
    /// <summary>Expiry (integer seconds since the epoch), <c>iat + 300</c>.</summary>
    public const string Expiry = "exp";
    /// <summary>Creation time (integer seconds since the epoch).</summary>
    public const string IssuedAt = "iat";
    /// <summary>Fixed <c>directcare</c>.</summary>
    public const string ReasonForRequest = "reason_for_request";
    /// <summary>One of the <see cref="Interactions.JwtScopes"/>.</summary>
    public const string RequestedScope = "requested_scope";
    /// <summary>FHIR Device resource.</summary>
    public const string RequestingDevice = "requesting_device";
    /// <summary>FHIR Organization resource.</summary>
    public const string RequestingOrganization = "requesting_organization";
    /// <summary>FHIR Practitioner resource.</summary>
    public const string RequestingPractitioner = "requesting_practitioner";

    /// <summary>All ten, in the order the builder writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Issuer, Subject, Audience, Expiry, IssuedAt, ReasonForRequest, RequestedScope, RequestingDevice, RequestingOrganization, RequestingPractitioner];

    /// <summary>The three claims holding FHIR resources, with the resource type each must hold.</summary>
    public static IReadOnlyDictionary<string, string> ResourceClaims { get; } = new Dictionary<string, string>
    {
        [RequestingDevice] = "Device",
        [RequestingOrganization] = "Organization",
        [RequestingPractitioner] = "Practitioner",
    };
}

/// <summary>Identifier systems used in the JWT claim resources.</summary>
public static class JwtIdentifierSystems
{
    /// <summary>ODS organisation code (requesting_organization).</summary>
    public const string OdsOrganisationCode = "https://fhir.nhs.uk/Id/ods-organization-code";
    /// <summary>SDS user id (requesting_practitioner).</summary>
    public const string SdsUserId = "https://fhir.nhs.uk/Id/sds-user-id";
    /// <summary>SDS role profile id (requesting_practitioner).</summary>
    public const string SdsRoleProfileId = "https://fhir.nhs.uk/Id/sds-role-profile-id";
}
