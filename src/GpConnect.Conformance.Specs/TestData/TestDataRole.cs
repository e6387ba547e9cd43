namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// A piece of test data the provider must hold, named by what it is for rather than by its identifiers
/// ("patients.sensitive": a patient whose PDS record carries the S-flag). Config maps each role to the provider's own
/// identifiers under testData (e.g. testData:patients:sensitive:nhsNumber). A scenario that needs a role that is not
/// configured is skipped with a message naming the keys to set.
/// </summary>
/// <param name="Id">"group.name", e.g. "patients.sensitive" (config testData:patients:sensitive).</param>
/// <param name="Purpose">What the record must be, in the words an assurance engineer would use to prepare it.</param>
/// <param name="Fields">The identifiers the scenarios need (e.g. nhsNumber, logicalId), each a config key under the role.</param>
/// <param name="Verify">Reads the role's record from the provider and says whether it exists and is in the state the scenarios need.</param>
public sealed record TestDataRole(string Id, string Purpose, IReadOnlyList<string> Fields, Func<RoleProbe, Task<RoleState>>? Verify = null)
{
    /// <summary>The config key of a field, e.g. testData:patients:sensitive:nhsNumber.</summary>
    public string KeyOf(string field) => $"testData:{Id.Replace('.', ':')}:{field}";
}

/// <summary>What the preflight found for one role.</summary>
public sealed record RoleState(bool Ready, string Detail)
{
    public static RoleState Ok(string detail) => new(true, detail);
    public static RoleState Problem(string detail) => new(false, detail);
}
