using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>Whether the specification times an interaction as a query (read/search) or a command (a write).</summary>
public enum LoadKind { Query, Command }

/// <summary>
/// The GP Connect response-time limits (Foundations, "Performance"): a query SHALL answer within 3,000 ms and SHOULD
/// within 1,000 ms; a command SHALL within 250 ms and SHOULD within 100 ms.
/// </summary>
public sealed record ResponseTimeLimits(double ShallMs, double ShouldMs)
{
    public static ResponseTimeLimits Query { get; } = new(3000, 1000);
    public static ResponseTimeLimits Command { get; } = new(250, 100);
    public static ResponseTimeLimits For(LoadKind kind) => kind == LoadKind.Query ? Query : Command;
}

/// <summary>
/// One interaction the load mode can drive: its short name on the command line, the GP Connect interaction, whether it is
/// a query or a command, and how to build a valid request from the configuration's test-data roles.
/// </summary>
public sealed record LoadInteraction(string Name, Interaction Interaction, LoadKind Kind, Func<ConformanceSettings, TimeProvider, GpConnectRequest> Build)
{
    public ResponseTimeLimits Limits => ResponseTimeLimits.For(Kind);
}

/// <summary>The interactions the load mode drives. All are read-only queries: none changes provider data.</summary>
public static class LoadInteractions
{
    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    private const string SdsUserSystem = "https://fhir.nhs.uk/Id/sds-user-id";
    private const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";

    public static IReadOnlyList<LoadInteraction> ReadOnly { get; } =
    [
        new("capability", Interactions.GetCapabilityStatement, LoadKind.Query, (_, _) => new GpConnectRequest(Interactions.GetCapabilityStatement)),
        new("find-patient", Interactions.FindPatient, LoadKind.Query, (s, _) =>
            new GpConnectRequest(Interactions.FindPatient).AddQuery("identifier", $"{NhsNumberSystem}|{s.GetTestData("patients.baseline", "nhsNumber")}")),
        new("read-patient", Interactions.ReadPatient, LoadKind.Query, (s, _) =>
            GpConnectRequest.For(Interactions.ReadPatient, s.GetTestData("patients.baseline", "logicalId"))),
        new("find-practitioner", Interactions.FindPractitioner, LoadKind.Query, (s, _) =>
            new GpConnectRequest(Interactions.FindPractitioner).AddQuery("identifier", $"{SdsUserSystem}|{s.GetTestData("practitioners.baseline", "sdsUserId")}")),
        new("read-practitioner", Interactions.ReadPractitioner, LoadKind.Query, (s, _) =>
            GpConnectRequest.For(Interactions.ReadPractitioner, s.GetTestData("practitioners.baseline", "logicalId"))),
        new("find-organisation", Interactions.FindOrganisation, LoadKind.Query, (s, _) =>
            new GpConnectRequest(Interactions.FindOrganisation).AddQuery("identifier", $"{OdsSystem}|{s.Provider.OdsCode}")),
        new("read-organisation", Interactions.ReadOrganisation, LoadKind.Query, (s, _) =>
            GpConnectRequest.For(Interactions.ReadOrganisation, s.GetTestData("organisations.practice", "logicalId"))),
        new("read-location", Interactions.ReadLocation, LoadKind.Query, (s, _) =>
            GpConnectRequest.For(Interactions.ReadLocation, s.GetTestData("locations.mainSurgery", "logicalId"))),
        new("free-slots", Interactions.SearchForFreeSlots, LoadKind.Query, (s, clock) =>
            SlotSearch.FromTomorrow(7, clock, s.Consumer).ToRequest()),
    ];

    /// <summary>The names the command line accepts, for messages.</summary>
    public static string Names => string.Join(", ", ReadOnly.Select(i => i.Name));

    /// <summary>
    /// Finds an interaction by its short name ("read-patient") or GP Connect name/use case ("ReadPatient", "Read a
    /// patient"). A write interaction is named as such, so the caller can say writes are not driven.
    /// </summary>
    public static LoadInteraction? Find(string name)
    {
        var byShortName = ReadOnly.FirstOrDefault(i => string.Equals(i.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byShortName is not null) return byShortName;
        return Interactions.TryGetByName(name, out var interaction) ? ReadOnly.FirstOrDefault(i => i.Interaction == interaction) : null;
    }
}
