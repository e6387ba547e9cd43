namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>
/// The PDS checks of Find (#921) and Register (spec: Find a patient "Provider system unverified record requirements",
/// and the first step of Register a patient): the NHS number is on PDS and the date of birth matches exactly, or two of its three parts match with the
/// first three letters of the family name and the given-name initial; the patient is not deceased on PDS; the PDS record
/// carries none of the Invalid, Sensitive and Superseded flags.
/// </summary>
internal static class NhsNumberVerification
{
    /// <summary>Why the checks fail, or null when they pass.</summary>
    public enum Failure { NotOnPds, DemographicsMismatch, DeceasedOnPds, Sensitive, InvalidOrSuperseded }

    /// <summary>Runs the three checks for the given demographics against PDS; null when all pass.</summary>
    public static Failure? Check(PdsRecord? pds, PersonName name, DateOnly birthDate)
    {
        if (pds is null) return Failure.NotOnPds;
        if (!DemographicsVerify(pds, name, birthDate)) return Failure.DemographicsMismatch;
        if (pds.Deceased) return Failure.DeceasedOnPds;
        if (pds.Sensitive) return Failure.Sensitive;
        if (pds.Invalid || pds.Superseded) return Failure.InvalidOrSuperseded;
        return null;
    }

    /// <summary>The date-of-birth and name rule alone.</summary>
    public static bool DemographicsVerify(PdsRecord pds, PersonName name, DateOnly birthDate)
    {
        if (birthDate == pds.BirthDate) return true;
        var parts = (birthDate.Year == pds.BirthDate.Year ? 1 : 0) + (birthDate.Month == pds.BirthDate.Month ? 1 : 0) + (birthDate.Day == pds.BirthDate.Day ? 1 : 0);
        if (parts < 2) return false;
        var familyMatches = Prefix(name.Family, 3) == Prefix(pds.Name.Family, 3);
        var givenMatches = name.Given.Count > 0 && pds.Name.Given.Count > 0 && Prefix(name.Given[0], 1) == Prefix(pds.Name.Given[0], 1);
        return familyMatches && givenMatches;
    }

    private static string Prefix(string text, int length) =>
        (text.Length <= length ? text : text[..length]).ToUpperInvariant();
}
