namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>A person's official name as held by the practice or by PDS.</summary>
internal sealed record PersonName(string Family, IReadOnlyList<string> Given, IReadOnlyList<string> Prefix);

/// <summary>Where a patient's registration at this practice stands (spec: Find a patient "active patient").</summary>
internal enum RegistrationStatus { Active, Inactive, Deceased }

/// <summary>A patient telecom; temporary ones end when the temporary registration does.</summary>
internal sealed record PatientTelecom(string System, string Value, string Use, DateOnly? End = null);

/// <summary>A patient address with its use (home or temp); temporary ones carry an end date.</summary>
internal sealed record PatientAddress(string Use, PostalAddress Address, DateOnly? End = null);

/// <summary>Someone to contact about the patient, with the relationship in words (never coded).</summary>
internal sealed record PatientContact(string Relationship, PersonName Name, string? Telephone);

/// <summary>The patient's language (CareConnect-HumanLanguage-1 code and display) and whether an interpreter is needed.</summary>
internal sealed record PatientLanguage(string Code, string Display, bool? InterpreterRequired);

/// <summary>
/// Data the practice holds that Foundations must never share (spec: Find a patient "must NOT be present"): it exists
/// so that a provider that leaks it can be caught.
/// </summary>
internal sealed record LocalOnlyDetails(string Ethnicity, string Religion, string MaritalStatus, bool MultipleBirth, string BirthPlace);

/// <summary>
/// A patient record in the practice system. <see cref="Verified"/> is whether the NHS number has been traced and
/// verified on PDS; <see cref="Sensitive"/> is the PDS S-flag as held locally.
/// </summary>
internal sealed record PracticePatient(
    string Id,
    string VersionId,
    string NhsNumber,
    PersonName Name,
    DateOnly BirthDate,
    string Gender,
    RegistrationStatus Status,
    string RegistrationType,
    bool Verified,
    bool Sensitive,
    bool DissentToShare,
    IReadOnlyList<PatientAddress> Addresses,
    IReadOnlyList<PatientTelecom> Telecoms,
    IReadOnlyList<PatientContact> Contacts,
    PatientLanguage? Language,
    string? PreferredBranchLocationId,
    DateOnly? RegistrationStart,
    LocalOnlyDetails? LocalOnly = null)
{
    /// <summary>Registration types (CareConnect-RegistrationType-1): R regular (GMS), T temporary.</summary>
    public const string Regular = "R";

    /// <inheritdoc cref="Regular"/>
    public const string Temporary = "T";
}

/// <summary>A PDS record as the provider's PDS connection returns it (simulated).</summary>
internal sealed record PdsRecord(
    string NhsNumber,
    PersonName Name,
    DateOnly BirthDate,
    string Gender,
    bool Deceased = false,
    bool Sensitive = false,
    bool Superseded = false,
    bool Invalid = false,
    PostalAddress? HomeAddress = null,
    string? HomePhone = null);
