using GpConnect.ReferenceProvider.Faults;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>Checks the four Spine Secure Proxy headers (core.md §2): presence, trace id format, Ssp-To and a known interaction id.</summary>
internal sealed class SspHeaderValidator(string providerAsid, ActiveFaults faults)
{
    public const string TraceId = "Ssp-TraceID";
    public const string From = "Ssp-From";
    public const string To = "Ssp-To";
    public const string InteractionId = "Ssp-InteractionID";

    /// <summary>Validates the headers and returns the named interaction, or null when a fault lets a missing id through.</summary>
    public Interaction? Validate(IHeaderDictionary headers)
    {
        var traceId = Single(headers, TraceId);
        if (!Guid.TryParse(traceId, out _))
            throw ProviderException.BadRequest($"The {TraceId} header '{traceId}' is not a GUID.");

        Single(headers, From);

        var to = Single(headers, To);
        if (!string.Equals(to, providerAsid, StringComparison.Ordinal) && !faults.Waives(ProviderRule.SspToMustMatchAsid))
            throw ProviderException.BadRequest($"The {To} header '{to}' is not this provider's ASID.");

        if (!headers.ContainsKey(InteractionId) && faults.Waives(ProviderRule.InteractionIdRequired)) return null;
        var interactionId = Single(headers, InteractionId);
        return Interaction.WithId(interactionId)
            ?? throw ProviderException.BadRequest($"The {InteractionId} header '{interactionId}' is not a GP Connect interaction this provider supports.");
    }

    private static string Single(IHeaderDictionary headers, string name)
    {
        if (!headers.TryGetValue(name, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
            throw ProviderException.BadRequest($"The {name} header is missing or empty.");
        if (values.Count > 1)
            throw ProviderException.BadRequest($"The {name} header is sent more than once.");
        return values[0]!.Trim();
    }
}
