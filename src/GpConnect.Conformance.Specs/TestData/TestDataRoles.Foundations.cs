using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.TestData;

public static partial class TestDataRoles
{
    /// <summary>Roles the Foundations features use (patients, registrations, practitioners, organisations, locations; spec: the Foundations test-data roles).</summary>
    private static partial IReadOnlyList<TestDataRole> FoundationsRoles() =>
    [
        new("patients.baseline", "P-1: an active GMS patient, NHS number verified, with home address, phone, a next-of-kin contact and a preferred branch surgery; family/given/birthDate as on PDS",
            ["nhsNumber", "logicalId", "family", "given", "birthDate"], FindsExactlyOne),
        new("patients.withInterpreter", "P-2: an active verified patient with a recorded language and interpreter need", ["nhsNumber"], FindsExactlyOne),
        new("patients.withCorrectedLanguage", "P-3: an active verified patient whose language is bh, ii, ps or ro (#643)", ["nhsNumber"], FindsExactlyOne),
        new("patients.withLocalOnlyData", "P-4: an active verified patient with ethnicity, religion, marital status, multiple birth and birthplace recorded", ["nhsNumber"], FindsExactlyOne),
        new("patients.deceased", "P-5: a patient recorded as deceased at the practice (and on PDS); family/given/birthDate as on PDS",
            ["nhsNumber", "logicalId", "family", "given", "birthDate"], FindsNone("a deceased patient")),
        new("patients.inactive", "P-6: a patient who has left the practice (inactive, deducted)", ["nhsNumber", "logicalId"], FindsNone("an inactive patient")),
        new("patients.sensitive", "P-7: an active patient whose record carries the PDS sensitive (S) flag", ["nhsNumber", "logicalId"], FindsNone("a sensitive patient")),
        new("patients.dissent", "P-8: an active verified patient with a dissent-to-share flag", ["nhsNumber", "logicalId"], FindsExactlyOne),
        new("patients.temporary", "P-9: an active verified patient with a temporary (non-GMS) registration; family/given/birthDate as on PDS",
            ["nhsNumber", "family", "given", "birthDate"], FindsExactlyOne),
        new("patients.unverifiedMatchingPds", "P-10: an active patient whose NHS number was never verified; local date of birth equals PDS; PDS record clean (#921)", ["nhsNumber"], NotCheckable),
        new("patients.unverifiedNearMatch", "P-11: as P-10 but the local date of birth differs from PDS in one part; family's first 3 letters and given initial match (#921)", ["nhsNumber"], NotCheckable),
        new("patients.unverifiedMismatch", "P-12: as P-10 but the local date of birth differs from PDS in two parts; family/given/birthDate as on PDS",
            ["nhsNumber", "family", "given", "birthDate"], FindsNone("a never-verified patient whose demographics fail the PDS check")),
        new("patients.unverifiedDeceasedOnPds", "P-13: as P-10 but PDS records the patient as deceased", ["nhsNumber"], FindsNone("a patient deceased on PDS")),
        new("patients.unverifiedSensitiveOnPds", "P-14: as P-10 but the PDS record carries the sensitive flag", ["nhsNumber"], FindsNone("a patient sensitive on PDS")),
        new("patients.unverifiedSupersededOnPds", "P-15: as P-10 but the PDS record is superseded or invalid-flagged", ["nhsNumber"], FindsNone("a superseded NHS number")),
        new("patients.notHeld", "NHS-X: a check-digit-valid NHS number the practice holds no record for", ["nhsNumber"], FindsNone("an NHS number the practice does not hold")),
        new("register.onPds", "P-R1 pool: NHS numbers on PDS, clean, unknown to the practice, all with the PDS demographics given here; each is used up by one successful registration (reset between runs)",
            ["nhsNumbers", "family", "given", "birthDate"], PoolNotRegistered("register.onPds")),
        new("register.forRefusal", "P-R1 (one more): an NHS number on PDS, clean, unknown to the practice, that the suite only sends in registrations a provider must refuse; family/given/birthDate as on PDS",
            ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("register.leftPractice", "P-6 (second record) pool: patients who have left the practice, each re-activated by one registration, as number|family|given|birth date|logical id of the earlier record (demographics as on PDS)",
            ["nhsNumbers"], PoolNotRegistered("register.leftPractice")),
        new("register.deceasedOnPds", "P-R2: an NHS number recorded as deceased on PDS, unknown to the practice", ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("register.sensitiveOnPds", "P-R3: an NHS number whose PDS record carries the sensitive flag, unknown to the practice", ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("register.supersededOnPds", "P-R4: an NHS number superseded on PDS", ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("register.invalidOnPds", "P-R5: an NHS number with the PDS invalid flag", ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("register.notOnPds", "P-R6: a check-digit-valid NHS number that PDS does not hold (any demographics)", ["nhsNumber", "family", "given", "birthDate"], FindsNone("a patient unknown to the practice")),
        new("practitioners.baseline", "PR-1: a practitioner with an SDS user id, name and gender", ["sdsUserId", "logicalId"], PractitionerFound),
        new("practitioners.withRoleProfiles", "PR-2/PR-3: a practitioner with SDS role profile ids; roleProfileCount says how many the provider holds",
            ["sdsUserId", "roleProfileCount"], probe => Finds(probe, "practitioner", "sdsUserId", 1, "a practitioner with an SDS user id")),
        new("practitioners.withLanguage", "PR-5: a practitioner with a recorded language", ["sdsUserId"],
            probe => Finds(probe, "practitioner", "sdsUserId", 1, "a practitioner with an SDS user id")),
        new("practitioners.notHeld", "PR-X: an SDS user id the provider does not hold", ["sdsUserId"], probe => Finds(probe, "practitioner", "sdsUserId", 0, "an SDS user id the provider does not hold")),
        new("organisations.practice", "ORG-1: the practice addressed by the service root (its ODS code and logical id)", ["odsCode", "logicalId"], OrganisationFound),
        new("organisations.notHeld", "ORG-X: a well-formed ODS code the provider does not hold", ["odsCode"], probe => Finds(probe, "organisation", "odsCode", 0, "an ODS code the provider does not hold")),
        new("locations.mainSurgery", "LOC-1: the practice's main surgery Location", ["logicalId"], Readable("location")),
        new("locations.branchSurgery", "LOC-2: a branch surgery Location managed by the practice (the baseline patient's preferred branch)", ["logicalId"], Readable("location")),
    ];

    private static Task<RoleState> FindsExactlyOne(RoleProbe probe) => Finds(probe, "patient", "nhsNumber", 1, "an active, verified patient");

    private static Func<RoleProbe, Task<RoleState>> FindsNone(string what) => probe => Finds(probe, "patient", "nhsNumber", 0, what);

    private static Task<RoleState> NotCheckable(RoleProbe probe) =>
        Task.FromResult(RoleState.Ok($"configured; not read before the run, because Find a patient would verify it on PDS (#921) and so change the state the scenario needs ({probe.Values["nhsNumber"]})"));

    private static async Task<RoleState> Finds(RoleProbe probe, string kind, string field, int expected, string what)
    {
        var value = probe.Values[field];
        var response = await probe.SendAsync(FoundationsRequests.Find(kind, value)).ConfigureAwait(false);
        return Judge(response, expected, $"{field} {value}", what);
    }

    private static RoleState Judge(ProviderResponse response, int expected, string subject, string what)
    {
        if (response.StatusCode != 200 || response.Resource?.ResourceType != "Bundle")
            return RoleState.Problem($"Find for {subject} answered {response.Describe()}, not a searchset Bundle");
        var count = response.BundleEntries().Count;
        if (count == expected)
            return RoleState.Ok($"Find for {subject} returns {count} {(count == 1 ? "entry" : "entries")}, as {what} must");
        return RoleState.Problem($"Find for {subject} returns {count} entries; {what} must give {expected} — the record is missing or in the wrong state");
    }

    private static Func<RoleProbe, Task<RoleState>> PoolNotRegistered(string roleId) => async probe =>
    {
        var left = await RegistrableLeftAsync(probe, roleId).ConfigureAwait(false);
        return left.Left > 0
            ? RoleState.Ok($"{left.Left} of {left.Size} NHS numbers not registered at the practice yet")
            : RoleState.Problem($"all {left.Size} pool numbers are registered at the practice already: add numbers of PDS patients the practice does not hold");
    };

    /// <summary>
    /// How many numbers of the register.onPds pool the practice has not registered yet: the numbers after the registered
    /// prefix (runs take them in order), found by bisection with Find a patient.
    /// </summary>
    public static async Task<(int Size, int Left)> RegistrableLeftAsync(RoleProbe probe, string roleId = "register.onPds")
    {
        var numbers = RegistrableNumbers.Parse(probe.Values["nhsNumbers"], $"testData:{roleId.Replace('.', ':')}:nhsNumbers");
        var pool = new RegistrablePatients(roleId, numbers, async (number, _) =>
        {
            var response = await probe.SendAsync(FoundationsRequests.Find("patient", number)).ConfigureAwait(false);
            return response.StatusCode == 200 ? response.BundleEntries("Patient").Count > 0 : null;
        });
        var first = await pool.FirstUnregisteredAsync(CancellationToken.None).ConfigureAwait(false);
        return (numbers.Count, numbers.Count - first);
    }

    private static async Task<RoleState> PractitionerFound(RoleProbe probe)
    {
        var found = await Finds(probe, "practitioner", "sdsUserId", 1, "a practitioner with an SDS user id").ConfigureAwait(false);
        return found.Ready ? await Readable("practitioner")(probe).ConfigureAwait(false) : found;
    }

    private static async Task<RoleState> OrganisationFound(RoleProbe probe)
    {
        var found = await Finds(probe, "organisation", "odsCode", 1, "the practice").ConfigureAwait(false);
        return found.Ready ? await Readable("organisation")(probe).ConfigureAwait(false) : found;
    }

    private static Func<RoleProbe, Task<RoleState>> Readable(string kind) => async probe =>
    {
        var id = probe.Values["logicalId"];
        var response = await probe.SendAsync(FoundationsRequests.Read(kind, id)).ConfigureAwait(false);
        return response.StatusCode == 200 && response.Resource?.ResourceType == FoundationsRequests.ResourceTypeOf(kind)
            ? RoleState.Ok($"Read {kind} {id} returns it")
            : RoleState.Problem($"Read {kind} {id} answered {response.Describe()}: the id is wrong or the record is missing");
    };
}
