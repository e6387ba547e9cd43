namespace GpConnect.ReferenceProvider.Practice;

/// <summary>A postal address held by the practice system.</summary>
internal sealed record PostalAddress(IReadOnlyList<string> Lines, string City, string District, string PostalCode);

/// <summary>The practice organisation.</summary>
internal sealed record PracticeOrganization(string Id, string VersionId, string OdsCode, string Name, PostalAddress Address, string Telephone);

/// <summary>A surgery site (main or branch) or the placeholder location used for visits.</summary>
internal sealed record PracticeLocation(string Id, string VersionId, string? OdsSiteCode, string Name, PostalAddress Address, string? Telephone, string ManagingOrganizationId);

/// <summary>An SDS job role (code from CareConnect-SDSJobRoleName-1).</summary>
internal sealed record JobRole(string Code, string Display);

/// <summary>A clinician with an SDS user id, optionally SDS role profile ids and a recorded language (HumanLanguage code and display).</summary>
internal sealed record PracticePractitioner(string Id, string VersionId, string SdsUserId, string Family, IReadOnlyList<string> Given, IReadOnlyList<string> Prefix, string Gender, JobRole Role,
    IReadOnlyList<string>? RoleProfileIds = null, string? LanguageCode = null, string? LanguageDisplay = null);

/// <summary>A bookable diary (session/rota) at a location, optionally owned by a practitioner.</summary>
internal sealed record PracticeSchedule(
    string Id, string VersionId, string LocationId, string? PractitionerId, JobRole Role, string? ScheduleType,
    DateTimeOffset PlanningHorizonStart, DateTimeOffset PlanningHorizonEnd);

/// <summary>Delivery channels (Extension-GPConnect-DeliveryChannel-2 codes; Visit per seed #826).</summary>
internal static class DeliveryChannels
{
    public const string InPerson = "In-person";
    public const string Telephone = "Telephone";
    public const string Video = "Video";
    public const string Visit = "Visit";
}

/// <summary>Which consumers may book a slot: by organisation type and/or by a list of ODS codes (null = unrestricted).</summary>
internal sealed record BookingRestriction(string? OrganisationType, IReadOnlyList<string>? OdsCodes)
{
    public static BookingRestriction None { get; } = new(null, null);
}

/// <summary>A slot in a schedule.</summary>
internal sealed record PracticeSlot(
    string Id, string VersionId, string ScheduleId, DateTimeOffset Start, DateTimeOffset End, string Status,
    string DeliveryChannel, string SlotType, bool GpConnectBookable, BookingRestriction Restriction);
