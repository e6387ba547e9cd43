using System.Globalization;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>
/// Seeds the practice's patients and the simulated PDS, one record per Foundations test-data role
/// (spec: the Foundations test-data roles: P-1…P-15, NHS-X, P-R1…P-R6). NHS numbers are check-digit valid in the 969000xxxx range;
/// versions and registration dates follow the configured clock, birth dates are fixed (adults).
/// </summary>
internal static class PatientSeeder
{
    /// <summary>Location id of the branch surgery the baseline patient prefers (seeded by <see cref="PracticeSeeder"/>).</summary>
    public const string BranchSurgeryId = "2";

    /// <summary>First and last number of the block of registrable PDS patients (every check-digit-valid number in it).</summary>
    public const long RegistrableBlockFirst = 9690100000, RegistrableBlockLast = 9690109999;

    /// <summary>
    /// Numbers on PDS, clean and unknown to the practice, all with <see cref="RegistrablePerson"/>'s demographics (P-R1
    /// pool): twenty named ones and the block <see cref="RegistrableBlockFirst"/>–<see cref="RegistrableBlockLast"/> (about nine
    /// hundred), enough for well over 30 runs of the suite against one long-running provider.
    /// </summary>
    public static readonly IReadOnlyList<string> RegistrablePool =
    [
        "9690000209", "9690000217", "9690000225", "9690000233", "9690000241", "9690000268",
        "9690000276", "9690000284", "9690000292", "9690000306", "9690000314", "9690000322",
        "9690000403", "9690000411", "9690000438", "9690000446", "9690000454", "9690000462", "9690000470", "9690000489",
        .. Block(RegistrableBlockFirst, RegistrableBlockLast),
    ];

    private static IEnumerable<string> Block(long first, long last)
    {
        for (var n = first; n <= last; n++)
        {
            var text = n.ToString("D10", CultureInfo.InvariantCulture);
            if (NhsNumber.IsValid(text)) yield return text;
        }
    }

    /// <summary>
    /// Patients who left the practice (inactive records, Lindqvist Erik 1975-12-01 like patient 7), each re-activated by one
    /// registration: patient 7 and 39 more with logical ids <c>left-1</c>… and NHS numbers from 9690200000 on, enough for
    /// well over 30 runs of the re-registration scenario against one long-running provider.
    /// </summary>
    public static readonly IReadOnlyList<(string NhsNumber, string LogicalId)> LeftPracticePool =
    [
        ("9690000063", "7"),
        .. Block(9690200000, 9690209999).Take(39).Select((n, i) => (n, "left-" + (i + 1).ToString(CultureInfo.InvariantCulture))),
    ];

    /// <summary>A clean PDS number, unknown to the practice, that the suite only sends in registrations a provider must refuse.</summary>
    public const string RefusableNhsNumber = "9690000497";

    /// <summary>PDS demographics of every number in <see cref="RegistrablePool"/>.</summary>
    public static readonly PdsRecord RegistrablePerson = new("", new("Kowalski", ["Anna"], ["Mrs"]), new DateOnly(1987, 4, 12), "female",
        HomeAddress: new(["4 Canal Wharf"], "Leeds", "West Yorkshire", "LS11 5PS"), HomePhone: "01139876543");

    public static (PatientIndex Patients, SimulatedPds Pds) Seed(TimeProvider clock)
    {
        var today = UkDateTime.DateOf(clock.GetUtcNow());
        var version = UkDateTime.FromLocal(today.AddDays(-1).ToDateTime(TimeOnly.MinValue)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var registered = today.AddDays(-400);
        var home = new PostalAddress(["1 Trevelyan Square", "Boar Lane"], "Leeds", "West Yorkshire", "LS1 6AE");

        PracticePatient Patient(string id, string nhs, string family, string given, DateOnly born, string gender,
            RegistrationStatus status = RegistrationStatus.Active, string type = PracticePatient.Regular, bool verified = true,
            bool sensitive = false, bool dissent = false, PatientLanguage? language = null, LocalOnlyDetails? localOnly = null,
            string? preferredBranch = "1") =>
            new(id, version, nhs, new(family, [given], []), born, gender, status, type, verified, sensitive, dissent,
                [new("home", home)], [new("phone", "0113" + nhs[^7..], "home")], [], language, preferredBranch, registered, localOnly);

        var baseline = Patient("1", "9690000004", "Jackson", "Jane", new(1952, 5, 31), "female", preferredBranch: BranchSurgeryId) with
        {
            Name = new("Jackson", ["Jane"], ["Miss"]),
            Telecoms = [new("phone", "01454587554", "home"), new("phone", "07777111222", "mobile")],
            Contacts = [new("Next of kin", new("Jackson", ["Peter"], []), "07700900123")],
        };
        PracticePatient[] patients =
        [
            baseline,
            Patient("2", "9690000012", "Nowak", "Tomasz", new(1979, 11, 3), "male", language: new("pl", "Polish", true)),
            Patient("3", "9690000020", "Kumar", "Sita", new(1991, 2, 14), "female", language: new("bh", "Bihari languages", false)),
            Patient("4", "9690000039", "Osei", "Kwame", new(1968, 7, 22), "male",
                localOnly: new("Black or Black British - African", "Methodist", "Married", true, "Kumasi")),
            Patient("5", "9690000047", "Whitaker", "Harold", new(1931, 9, 9), "male", status: RegistrationStatus.Deceased),
            Patient("6", "9690000055", "Brennan", "Siobhan", new(1984, 3, 17), "female", status: RegistrationStatus.Inactive),
            Patient("7", "9690000063", "Lindqvist", "Erik", new(1975, 12, 1), "male", status: RegistrationStatus.Inactive, preferredBranch: BranchSurgeryId),
            Patient("8", "9690000071", "Hidden", "Alex", new(1990, 6, 6), "other", sensitive: true),
            Patient("9", "9690000098", "Fairweather", "Grace", new(1958, 8, 30), "female", dissent: true),
            Patient("10", "9690000101", "Morgan", "Rhys", new(2001, 1, 25), "male", type: PracticePatient.Temporary),
            Patient("11", "9690000128", "Adeyemi", "Funmi", new(1982, 10, 5), "female", verified: false),
            Patient("12", "9690000136", "Thompson", "Gary", new(1970, 4, 18), "male", verified: false),
            Patient("13", "9690000144", "Castillo", "Maria", new(1995, 9, 2), "female", verified: false),
            Patient("14", "9690000152", "Reid", "Duncan", new(1948, 2, 11), "male", verified: false),
            Patient("15", "9690000160", "Quinn", "Aoife", new(1988, 5, 27), "female", verified: false),
            Patient("16", "9690000179", "Marsh", "Colin", new(1963, 12, 19), "male", verified: false),
            .. LeftPracticePool.Skip(1).Select(p => Patient(p.LogicalId, p.NhsNumber, "Lindqvist", "Erik", new(1975, 12, 1), "male",
                status: RegistrationStatus.Inactive, preferredBranch: BranchSurgeryId)),
        ];

        PdsRecord Pds(PracticePatient p) => new(p.NhsNumber, p.Name, p.BirthDate, p.Gender, Sensitive: p.Sensitive,
            Deceased: p.Status == RegistrationStatus.Deceased, HomeAddress: home, HomePhone: "0113" + p.NhsNumber[^7..]);
        var pds = patients.Select(Pds).Select(r => r.NhsNumber switch
        {
            // P-11: one date part differs locally, family prefix and initial match ("Thomson", 1970-04-08).
            "9690000136" => r with { Name = new("Thomson", ["Gareth"], []), BirthDate = new(1970, 4, 8) },
            // P-12: two date parts differ.
            "9690000144" => r with { BirthDate = new(1995, 3, 12) },
            "9690000152" => r with { Deceased = true },
            "9690000160" => r with { Sensitive = true },
            "9690000179" => r with { Superseded = true },
            _ => r,
        }).ToList();
        pds.AddRange(RegistrablePool.Select(n => RegistrablePerson with { NhsNumber = n }));
        // On PDS and unknown to the practice, for registrations that must be refused (never registered by a conforming provider).
        pds.Add(RegistrablePerson with { NhsNumber = RefusableNhsNumber });
        pds.Add(new("9690000349", new("Ashworth", ["Edith"], []), new(1940, 1, 30), "female", Deceased: true));
        pds.Add(new("9690000357", new("Private", ["Sam"], []), new(1985, 8, 8), "unknown", Sensitive: true));
        pds.Add(new("9690000365", new("Holt", ["Brian"], []), new(1972, 6, 14), "male", Superseded: true));
        pds.Add(new("9690000373", new("Vance", ["Ruth"], []), new(1999, 11, 11), "female", Invalid: true));
        return (new PatientIndex(patients), new SimulatedPds(pds));
    }
}
