using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>Find an organisation by ODS code; no match is a 200 empty searchset.</summary>
internal sealed class FindOrganizationHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.FindOrganization;

    public ProviderResponse Handle(ProviderRequest request)
    {
        // ODS codes are 3 to 10 upper-case letters and digits.
        var ods = IdentifierSearch.RequireValue(request.Query, Systems.OdsOrganizationCode,
            v => v.Length is >= 3 and <= 10 && v.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)), faults);
        var organization = store.Organization;
        JsonObject[] found = organization.OdsCode == ods ? [mapper.Organization(organization)] : [];
        return SearchResults.Searchset(mapper, found, faults);
    }
}

/// <summary>Find a practitioner by SDS user id; no match is a 200 empty searchset.</summary>
internal sealed class FindPractitionerHandler(PracticeStore store, ResourceMapper mapper, ActiveFaults faults) : IInteractionHandler
{
    public Interaction Interaction => Interaction.FindPractitioner;

    public ProviderResponse Handle(ProviderRequest request)
    {
        // SDS user ids: letters and digits, at most 20 characters (no published check digit).
        var sdsUserId = IdentifierSearch.RequireValue(request.Query, Systems.SdsUserId,
            v => v.Length <= 20 && v.All(char.IsAsciiLetterOrDigit), faults);
        var found = sdsUserId is null ? [] : store.PractitionersWithSdsUserId(sdsUserId).Select(mapper.Practitioner).ToArray();
        return SearchResults.Searchset(mapper, found, faults);
    }
}
