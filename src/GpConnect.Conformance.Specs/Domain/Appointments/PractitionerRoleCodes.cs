namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// The practitioner roles GP Connect schedules and appointments may carry (spec: Appointment Management overview): the 20 codes of
/// GPConnect-PractitionerRole-1 v1.1.0 and the eight SDS job roles ticket #636 adds, with their SDS job-role names.
/// </summary>
public static class PractitionerRoleCodes
{
    /// <summary>Extension-GPConnect-PractitionerRole-1 (Schedule and Appointment).</summary>
    public const string ExtensionUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1";

    /// <summary>The SDS job-role name code system every role coding uses.</summary>
    public const string System = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";

    /// <summary>Listed code → display.</summary>
    public static IReadOnlyDictionary<string, string> Displays { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["R0260"] = "General Medical Practitioner",
        ["R0270"] = "Salaried General Practitioner",
        ["R0410"] = "Student Practice Nurse",
        ["R0600"] = "Specialist Nurse Practitioner",
        ["R0610"] = "Sister/Charge Nurse",
        ["R0620"] = "Staff Nurse",
        ["R0680"] = "Midwife",
        ["R0690"] = "Community Practitioner",
        ["R0700"] = "Community Nurse",
        ["R0790"] = "Dietitian",
        ["R1290"] = "Pharmacist",
        ["R1300"] = "Psychotherapist",
        ["R1310"] = "Clinical Psychologist",
        ["R1330"] = "Social Worker",
        ["R1450"] = "Health Care Support Worker",
        ["R1480"] = "Healthcare Assistant",
        ["R1550"] = "Counsellor",
        ["R1590"] = "Phlebotomist",
        ["R6200"] = "GP Registrar",
        ["R6300"] = "Sessional GP",
        ["R0243"] = "Other Community Health Service - Social Care Worker",
        ["R1070"] = "Paramedic",
        ["R1110"] = "Physiotherapist",
        ["R1370"] = "Practitioner",
        ["R1440"] = "Therapist",
        ["R1540"] = "Associate Practitioner",
        ["R1543"] = "Associate Practitioner - Nurse",
        ["R1547"] = "Associate Practitioner - General Practitioner",
    };
}
