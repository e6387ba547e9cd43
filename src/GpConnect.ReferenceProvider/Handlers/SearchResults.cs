using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>Shared outcomes of the Foundations Find and Read interactions.</summary>
internal static class SearchResults
{
    /// <summary>The searchset for a Find; no match is a 200 empty searchset, never an error (spec: Foundations overview).</summary>
    public static ProviderResponse Searchset(ResourceMapper mapper, IReadOnlyCollection<JsonObject> found, ActiveFaults faults)
    {
        if (found.Count == 0 && faults.Waives(ProviderRule.FindNoMatchIsEmptyBundle))
            throw new ProviderException(SpineError.NoRecordFound, "No resource matches the identifier.");
        return ProviderResponse.Ok(mapper.Searchset(found));
    }

    /// <summary>The error for a Read of an id the provider does not hold: 404 with the resource's own not-found code.</summary>
    public static ProviderException NotFound(SpineError code, string diagnostics, ActiveFaults faults) =>
        faults.Waives(ProviderRule.ReadUnknownIdIsNotFound)
            ? new ProviderException(SpineError.NoRecordFound, diagnostics)
            : new ProviderException(code, diagnostics);
}
