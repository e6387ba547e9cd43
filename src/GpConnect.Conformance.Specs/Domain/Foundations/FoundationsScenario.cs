using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.TestData;

namespace GpConnect.Conformance.Specs.Domain.Foundations;

/// <summary>
/// What a Foundations scenario is working with (one per scenario): the test-data role its Given chose with the
/// configured identifiers, the registration it is building, and the resource it last found or registered.
/// </summary>
public sealed class FoundationsScenario(TestDataService testData, Run.RunState run, ConformanceScenario scenario)
{
    private RegistrableNumber? _poolNumber;
    private RegistrableNumber? _taken;

    /// <summary>The role chosen by the scenario's Given (e.g. "patients.sensitive").</summary>
    public string? RoleId { get; private set; }

    /// <summary>The chosen role's configured fields.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    /// <summary>The registration being built (Register a patient scenarios).</summary>
    public PatientRegistration? Registration { get; set; }

    /// <summary>The logical id of the patient last found or registered, for follow-up reads.</summary>
    public string? LastPatientId { get; set; }

    /// <summary>The Patient a Find returned before a follow-up read, to compare with what the read returns.</summary>
    public ElementNode? LastPatientFound { get; set; }

    /// <summary>Chooses a role; skips the scenario (naming the config key) when it is not configured.</summary>
    public void Choose(string roleId)
    {
        Values = testData.Require(roleId);
        RoleId = roleId;
    }

    /// <summary>
    /// Chooses a role and, for a pool of registrable NHS numbers (field <c>nhsNumbers</c>), takes this scenario's number
    /// now: one the practice has not registered (Find a patient) and no earlier scenario of the run used. A used-up pool
    /// skips the scenario naming the key to extend. For <c>register.leftPractice</c>, a patient an earlier run re-activated
    /// (Find a patient returns them) is used-up data as well.
    /// </summary>
    public async Task ChooseAsync(string roleId, CancellationToken cancellationToken = default)
    {
        Choose(roleId);
        if (!Values.TryGetValue("nhsNumbers", out var list)) return;
        _poolNumber = _taken = await run.PoolFor(roleId, list).TakeAsync(cancellationToken).ConfigureAwait(false);
        if (roleId == "register.leftPractice" && _taken is not { Family: not null, LogicalId: not null })
            throw new InvalidOperationException(
                $"testData:register:leftPractice:nhsNumbers: \"{_taken.NhsNumber}\" needs its PDS demographics and the logical id of the practice's earlier record: number|family|given|yyyy-mm-dd|logical id");
    }

    /// <summary>A field of the chosen role; a step used before any role was chosen is a feature-file mistake.</summary>
    public string Value(string field)
    {
        if (RoleId is null)
            throw new InvalidOperationException($"No test-data role has been chosen: a Given naming the patient, practitioner, organisation or location must come first (needed: {field}).");
        // A pool entry's own fields (the NHS number taken, its demographics, the earlier record's id) come first.
        var own = _taken is null ? null : field switch
        {
            "nhsNumber" => _taken.NhsNumber,
            "logicalId" => _taken.LogicalId,
            "family" => _taken.Family,
            "given" => _taken.Given,
            "birthDate" => _taken.BirthDate,
            _ => null,
        };
        if (own is not null) return own;
        return Values.TryGetValue(field, out var value)
            ? value
            : throw new InvalidOperationException($"Role \"{RoleId}\" has no \"{field}\"; its fields are {string.Join(", ", Values.Keys)}.");
    }

    /// <summary>
    /// The registration for the chosen role: for a pool role the number <see cref="ChooseAsync"/> took (with its own PDS
    /// demographics when the entry gives them, else the role's), otherwise the role's NHS number.
    /// </summary>
    public PatientRegistration StartRegistration(string? nhsNumber = null)
    {
        if (nhsNumber is null && Values.ContainsKey("nhsNumbers"))
        {
            if (_poolNumber is null)
                throw new InvalidOperationException($"No NHS number was taken from the pool of role \"{RoleId}\": choose the role with ChooseAsync first.");
            Registration = new PatientRegistration(_poolNumber.NhsNumber, _poolNumber.Family ?? Value("family"), _poolNumber.Given ?? Value("given"),
                _poolNumber.BirthDate ?? Value("birthDate"));
            return Registration;
        }
        Registration = new PatientRegistration(nhsNumber ?? Value("nhsNumber"), Value("family"), Value("given"), Value("birthDate"));
        return Registration;
    }

    /// <summary>Called after a registration was sent: a pool number the provider did not register goes back to the pool.</summary>
    public void RegistrationAnswered(bool registered)
    {
        if (RoleId is null || (_poolNumber is null && RoleId != "register.leftPractice")) return;
        if (!registered && _poolNumber is not null && Values.TryGetValue("nhsNumbers", out var list)) run.PoolFor(RoleId, list).Release(_poolNumber.NhsNumber);
        if (registered)
            run.Consume(scenario.ScenarioInfo.Id, RoleId == "register.leftPractice" ? new DataConsumption(0, 1, 0) : new DataConsumption(1, 0, 0));
        _poolNumber = null;
    }

    /// <summary>The registration under way, started for the chosen role if needed.</summary>
    public PatientRegistration CurrentRegistration => Registration ?? StartRegistration();
}

/// <summary>Finds the resource a Foundations response is about: the root resource of a Read, or the single entry of a Find/Register Bundle.</summary>
public static class ReturnedResource
{
    /// <summary>The returned resource of the type, or null when there is none (or more than one in a Bundle).</summary>
    public static ElementNode? Of(ProviderResponse response, string resourceType)
    {
        var root = response.Resource;
        if (root is null) return null;
        if (root.ResourceType == resourceType) return root;
        if (root.ResourceType != "Bundle") return null;
        var entries = response.BundleEntries(resourceType);
        return entries.Count == 1 ? entries[0] : null;
    }
}
