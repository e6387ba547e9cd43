using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>
/// Valid baseline requests for the interactions the Core features use to represent a read, a search and a write
/// (spec: Interaction IDs). None needs configured test data: the capability statement and the practice's own organisation come
/// from the service root and the provider's ODS code; the slot search window is relative to today; the booking request
/// is well formed but refers to a slot that does not exist, so header and JWT checks (made before any business rule)
/// decide the outcome, and a provider that skipped them still could not book anything.
/// </summary>
public static class RepresentativeRequests
{
    /// <summary>A logical id no provider holds, for requests that must fail before or at the lookup.</summary>
    public const string UnknownId = "gpcc-unknown-0000";

    /// <summary>The use-case names the features may use, each with the interaction it stands for.</summary>
    public static IReadOnlyList<Interaction> Supported { get; } =
    [
        Interactions.GetCapabilityStatement, Interactions.ReadOrganisation, Interactions.FindOrganisation,
        Interactions.SearchForFreeSlots, Interactions.BookAppointment, Interactions.RegisterPatient,
    ];

    /// <summary>
    /// A valid request for the named use case (e.g. "Search for free slots"); <paramref name="practiceOrganisationId"/>
    /// is needed only for "Read an organisation".
    /// </summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Supported"/> (a feature-file mistake).</exception>
    public static GpConnectRequest For(string useCase, ConformanceSettings settings, TimeProvider clock, string? practiceOrganisationId = null)
    {
        var interaction = Supported.FirstOrDefault(i => string.Equals(i.UseCase, useCase, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"\"{useCase}\" is not an interaction the Core features can send. Use one of: {string.Join(", ", Supported.Select(i => $"\"{i.UseCase}\""))}.");
        return interaction.Name switch
        {
            nameof(Interactions.GetCapabilityStatement) => new GpConnectRequest(interaction),
            nameof(Interactions.ReadOrganisation) => GpConnectRequest.For(interaction,
                practiceOrganisationId ?? throw new ArgumentNullException(nameof(practiceOrganisationId), "Reading an organisation needs the practice organisation's id.")),
            nameof(Interactions.FindOrganisation) => FindOrganisation(settings.Provider.OdsCode),
            nameof(Interactions.SearchForFreeSlots) => SlotSearch.FromTomorrow(7, clock, settings.Consumer).ToRequest(),
            nameof(Interactions.BookAppointment) => new GpConnectRequest(interaction).WithBody(SampleBodies.Appointment(FhirWireFormat.Json, clock)),
            nameof(Interactions.RegisterPatient) => new GpConnectRequest(interaction).WithBody(SampleBodies.RegisterPatientParameters(FhirWireFormat.Json)),
            _ => throw new ArgumentException($"No baseline request for {interaction.UseCase}."),
        };
    }

    /// <summary>Find an organisation by ODS code (the practice's own code finds the practice).</summary>
    public static GpConnectRequest FindOrganisation(string odsCode) =>
        new GpConnectRequest(Interactions.FindOrganisation).AddQuery("identifier", $"{OdsSystem}|{odsCode}");

    /// <summary>The ODS organisation code identifier system (spec: FHIR resource guidance).</summary>
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
}
