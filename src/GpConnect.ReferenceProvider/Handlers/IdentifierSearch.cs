using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>
/// The single <c>identifier=system|value</c> token of the Find interactions (the Foundations pages):
/// missing or repeated → 400 BAD_REQUEST; missing system or empty value → 422 INVALID_PARAMETER;
/// another system → 400 INVALID_IDENTIFIER_SYSTEM; a value failing the structural check → the
/// malformed-value error (400 INVALID_IDENTIFIER_VALUE unless the interaction has its own, e.g. INVALID_NHS_NUMBER).
/// </summary>
internal static class IdentifierSearch
{
    /// <summary>The searched value; null only when a fault lets a search without identifier through (it then matches nothing).</summary>
    public static string? RequireValue(IQueryCollection query, string expectedSystem, Func<string, bool> isWellFormed, ActiveFaults faults, SpineError? malformed = null)
    {
        // Parameter names are case-sensitive: "Identifier" is an unknown parameter, ignored, so the identifier is missing.
        if (!query.Keys.Contains("identifier", StringComparer.Ordinal) || !query.TryGetValue("identifier", out var values) || values.Count == 0)
        {
            if (faults.Waives(ProviderRule.FindRequiresIdentifier)) return null;
            throw ProviderException.BadRequest("The identifier search parameter is required.");
        }
        if (values.Count > 1 && !faults.Waives(ProviderRule.FindRefusesRepeatedIdentifier))
            throw ProviderException.BadRequest("The identifier search parameter may be sent only once.");
        if (faults.Waives(ProviderRule.FindIgnoresUnknownParameters) && query.Keys.FirstOrDefault(k => k is not ("identifier" or "_format")) is { } unknown)
            throw ProviderException.BadRequest($"Unknown search parameter '{unknown}'.");
        var token = values[0] ?? "";
        var bar = token.IndexOf('|');
        if ((bar <= 0 || bar == token.Length - 1) && faults.Waives(ProviderRule.FindRefusesIncompleteToken)) return null;
        if (bar <= 0 || bar == token.Length - 1)
            throw new ProviderException(SpineError.InvalidParameter, $"The identifier '{token}' must be 'system|value' with both parts present.");
        var system = token[..bar];
        var value = token[(bar + 1)..];
        if (system != expectedSystem && !faults.Waives(ProviderRule.FindChecksIdentifierSystem))
            throw new ProviderException(SpineError.InvalidIdentifierSystem, $"Identifier system '{system}' is not supported here; use '{expectedSystem}'.");
        if (!isWellFormed(value))
            throw new ProviderException(malformed ?? SpineError.InvalidIdentifierValue, $"Identifier value '{value}' is not a well-formed value for '{expectedSystem}'.");
        return value;
    }
}
