using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

/// <summary>How one fault is wired in: either a decoration of a produced resource, or the waiver of a rule.</summary>
internal abstract record FaultDefinition(ProviderFault Fault);

/// <summary>A fault that rewrites every resource of <paramref name="ResourceType"/> just before it leaves the provider.</summary>
internal sealed record ResourceDecorationFault(ProviderFault Fault, string ResourceType, Action<JsonObject> Decorate)
    : FaultDefinition(Fault);

/// <summary>A fault that switches off one provider rule at the point where that rule is checked.</summary>
internal sealed record RuleWaiverFault(ProviderFault Fault, ProviderRule Rule) : FaultDefinition(Fault);

/// <summary>Answers one interaction only after <paramref name="Delay"/>: a provider too slow for the non-functional limits (spec: Non-functional requirements).</summary>
internal sealed record SlowResponseFault(ProviderFault Fault, string InteractionName, TimeSpan Delay) : FaultDefinition(Fault);
