using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>
/// The single <c>identifier=system|value</c> token of the Find interactions (foundations.md §1.9, §3.4, §3.6):
/// missing or repeated → 400 BAD_REQUEST; missing system or empty value → 422 INVALID_PARAMETER;
/// another system → 400 INVALID_IDENTIFIER_SYSTEM; a value failing the structural check → 400 INVALID_IDENTIFIER_VALUE.
/// </summary>
internal static class IdentifierSearch
{
    public static string RequireValue(IQueryCollection query, string expectedSystem, Func<string, bool> isWellFormed, ActiveFaults faults)
    {
        if (!query.TryGetValue("identifier", out var values) || values.Count == 0)
            throw ProviderException.BadRequest("The identifier search parameter is required.");
        if (values.Count > 1)
            throw ProviderException.BadRequest("The identifier search parameter may be sent only once.");
        var token = values[0] ?? "";
        var bar = token.IndexOf('|');
        if (bar <= 0 || bar == token.Length - 1)
            throw new ProviderException(SpineError.InvalidParameter, $"The identifier '{token}' must be 'system|value' with both parts present.");
        var system = token[..bar];
        var value = token[(bar + 1)..];
        if (system != expectedSystem && !faults.Waives(ProviderRule.FindChecksIdentifierSystem))
            throw new ProviderException(SpineError.InvalidIdentifierSystem, $"Identifier system '{system}' is not supported here; use '{expectedSystem}'.");
        if (!isWellFormed(value))
            throw new ProviderException(SpineError.InvalidIdentifierValue, $"Identifier value '{value}' is not a well-formed value for '{expectedSystem}'.");
        return value;
    }
}
