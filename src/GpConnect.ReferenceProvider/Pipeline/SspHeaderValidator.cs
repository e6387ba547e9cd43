using GpConnect.ReferenceProvider.Faults;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>Checks the four Spine Secure Proxy headers (spec: Spine Secure Proxy: request headers): presence, trace id format, Ssp-To and a known interaction id.</summary>
internal sealed class SspHeaderValidator(string providerAsid, ActiveFaults faults)
{
    public const string TraceId = "Ssp-TraceID";
    public const string From = "Ssp-From";
    public const string To = "Ssp-To";
    public const string InteractionId = "Ssp-InteractionID";

    /// <summary>Validates the headers and returns the named interaction, or null when a fault lets a missing or unknown id through.</summary>
    public Interaction? Validate(IHeaderDictionary headers)
    {
        var traceId = Single(headers, TraceId, ProviderRule.SspTraceIdRequired);
        if (traceId is not null && !Guid.TryParse(traceId, out _) && !faults.Waives(ProviderRule.SspTraceIdMustBeGuid))
            throw ProviderException.BadRequest($"The {TraceId} header '{traceId}' is not a GUID.");

        Single(headers, From, ProviderRule.SspFromRequired);

        var to = Single(headers, To, ProviderRule.SspToRequired);
        if (to is not null && !string.Equals(to, providerAsid, StringComparison.Ordinal) && !faults.Waives(ProviderRule.SspToMustMatchAsid))
            throw ProviderException.BadRequest($"The {To} header '{to}' is not this provider's ASID.");

        var interactionId = Single(headers, InteractionId, ProviderRule.InteractionIdRequired);
        if (interactionId is null) return null;
        var comparison = faults.Waives(ProviderRule.InteractionIdCaseSensitive) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var named = Interaction.All.FirstOrDefault(i => string.Equals(i.Id, interactionId, comparison));
        // The unknown-id waiver covers strings that are no interaction at all, not case variants of a known one.
        var caseVariant = named is null && Interaction.All.Any(i => string.Equals(i.Id, interactionId, StringComparison.OrdinalIgnoreCase));
        if (named is null && (caseVariant || !faults.Waives(ProviderRule.InteractionIdMustBeKnown)))
            throw ProviderException.BadRequest($"The {InteractionId} header '{interactionId}' is not a GP Connect interaction this provider supports.");
        return named;
    }

    /// <summary>
    /// The interaction the request makes (the Core spec pages): an unknown resource type is 501 NOT_IMPLEMENTED; the
    /// Ssp-InteractionID must name an interaction made on this path (else 400) with this method (else 400). Without a
    /// named interaction (only when a fault allows it) the path and method decide.
    /// </summary>
    public Interaction Resolve(Interaction? named, RequestPath path, string method, string requestPath)
    {
        if (!Interaction.KnownResourceTypes.Contains(path.ResourceType))
        {
            if (faults.Waives(ProviderRule.UnknownResourceTypeNotImplemented))
                throw new ProviderException(Fhir.SpineError.NoRecordFound, $"No record found for '{path.ResourceType}'.");
            throw new ProviderException(Fhir.SpineError.NotImplemented, $"The resource type or operation '{path.ResourceType}' is not implemented by this server.");
        }
        var byPath = Interaction.All.FirstOrDefault(i => path.Matches(i, method));
        if (named is null)
            return byPath ?? throw ProviderException.BadRequest($"{method} on '{path.ResourceType}' is not a GP Connect interaction.");
        if (path.Matches(named, method)) return named;
        if (path.Matches(named, named.Method))
        {
            if (faults.Waives(ProviderRule.MethodMatchesInteraction)) return named;
            throw ProviderException.BadRequest($"{method} {requestPath} is not allowed: '{named.Name}' ({named.Id}) is made with {named.Method}.");
        }
        if (faults.Waives(ProviderRule.InteractionIdMatchesRequest) && byPath is not null) return byPath;
        throw ProviderException.BadRequest($"{method} {requestPath} does not match the interaction '{named.Id}' ({named.Name}: {named.Method}).");
    }

    /// <summary>The header's single value; null when it is missing or empty and a fault waives <paramref name="requiredRule"/>.</summary>
    private string? Single(IHeaderDictionary headers, string name, ProviderRule requiredRule)
    {
        if (!headers.TryGetValue(name, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            if (faults.Waives(requiredRule)) return null;
            throw ProviderException.BadRequest($"The {name} header is missing or empty.");
        }
        if (values.Count > 1)
            throw ProviderException.BadRequest($"The {name} header is sent more than once.");
        return values[0]!.Trim();
    }
}
