using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>Read a location (<c>GET /Location/[id]</c>); unknown id → 404 NO_RECORD_FOUND.</summary>
internal sealed class ReadLocationHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.ReadLocation;

    public ProviderResponse Handle(ProviderRequest request)
    {
        var location = store.FindLocation(request.Path.Id!);
        if (location is null && faults.Waives(ProviderRule.LocationReadHandlesUnknownId))
            throw new InvalidOperationException("Location lookup returned nothing.");
        return ProviderResponse.Read(mapper.Location(location
            ?? throw SearchResults.NotFound(SpineError.NoRecordFound, $"No Location with id '{request.Path.Id}'.", faults)));
    }
}

/// <summary>Read an organisation (<c>GET /Organization/[id]</c>); unknown id → 404 ORGANISATION_NOT_FOUND.</summary>
internal sealed class ReadOrganizationHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.ReadOrganization;

    public ProviderResponse Handle(ProviderRequest request) =>
        ProviderResponse.Read(mapper.Organization(store.FindOrganization(request.Path.Id!)
            ?? throw SearchResults.NotFound(SpineError.OrganisationNotFound, $"No Organization with id '{request.Path.Id}'.", faults)));
}

/// <summary>Read a practitioner (<c>GET /Practitioner/[id]</c>); unknown id → 404 PRACTITIONER_NOT_FOUND.</summary>
internal sealed class ReadPractitionerHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.ReadPractitioner;

    public ProviderResponse Handle(ProviderRequest request) =>
        ProviderResponse.Read(mapper.Practitioner(store.FindPractitioner(request.Path.Id!)
            ?? throw SearchResults.NotFound(SpineError.PractitionerNotFound, $"No Practitioner with id '{request.Path.Id}'.", faults)));
}
