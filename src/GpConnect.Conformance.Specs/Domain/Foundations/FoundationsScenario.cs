using System.Runtime.CompilerServices;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.TestData;

namespace GpConnect.Conformance.Specs.Domain.Foundations;

/// <summary>
/// What a Foundations scenario is working with (one per scenario): the test-data role its Given chose with the
/// configured identifiers, the registration it is building, and the resource it last found or registered.
/// </summary>
public sealed class FoundationsScenario(TestDataService testData)
{
    private static readonly ConditionalWeakTable<TestDataService, RegistrationPool> Pools = new();
    private string? _poolNumber;

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

    /// <summary>A field of the chosen role; a step used before any role was chosen is a feature-file mistake.</summary>
    public string Value(string field)
    {
        if (RoleId is null)
            throw new InvalidOperationException($"No test-data role has been chosen: a Given naming the patient, practitioner, organisation or location must come first (needed: {field}).");
        return Values.TryGetValue(field, out var value)
            ? value
            : throw new InvalidOperationException($"Role \"{RoleId}\" has no \"{field}\"; its fields are {string.Join(", ", Values.Keys)}.");
    }

    /// <summary>
    /// The registration for the chosen role. For a pool role (field <c>nhsNumbers</c>, each number used up by one
    /// successful registration) the next unused number of this run is taken; a run that exhausts the pool skips.
    /// </summary>
    public PatientRegistration StartRegistration(string? nhsNumber = null)
    {
        if (nhsNumber is null && Values.ContainsKey("nhsNumbers"))
        {
            _poolNumber = Pools.GetValue(testData, _ => new RegistrationPool()).Take(Value("nhsNumbers"), RoleId!);
            nhsNumber = _poolNumber;
        }
        Registration = new PatientRegistration(nhsNumber ?? Value("nhsNumber"), Value("family"), Value("given"), Value("birthDate"));
        return Registration;
    }

    /// <summary>Called after a registration was sent: a pool number the provider did not register goes back to the pool.</summary>
    public void RegistrationAnswered(bool registered)
    {
        if (_poolNumber is null) return;
        if (!registered) Pools.GetValue(testData, _ => new RegistrationPool()).Release(_poolNumber);
        _poolNumber = null;
    }

    /// <summary>The registration under way, started for the chosen role if needed.</summary>
    public PatientRegistration CurrentRegistration => Registration ?? StartRegistration();
}

/// <summary>The registrable NHS numbers of one run, handed out one per successful registration.</summary>
internal sealed class RegistrationPool
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _used = [];

    /// <summary>The next number not yet registered in this run; skips the scenario when the pool is used up.</summary>
    public string Take(string list, string roleId)
    {
        var numbers = list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lock (_gate)
        {
            foreach (var number in numbers)
                if (_used.Add(number)) return number;
        }
        throw new ScenarioSkippedException(
            $"The pool of registrable NHS numbers for role \"{roleId}\" is used up ({numbers.Length} numbers): add more to testData:{roleId.Replace('.', ':')}:nhsNumbers or reset the provider's test data.");
    }

    /// <summary>Returns a number the provider did not register.</summary>
    public void Release(string number) { lock (_gate) _used.Remove(number); }
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
