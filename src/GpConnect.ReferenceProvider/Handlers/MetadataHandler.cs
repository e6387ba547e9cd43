using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>Get capability statement (<c>GET /metadata</c>).</summary>
internal sealed class MetadataHandler(CapabilityStatementBuilder builder) : IInteractionHandler
{
    public Interaction Interaction => Interaction.GetCapabilityStatement;

    public ProviderResponse Handle(ProviderRequest request) => ProviderResponse.Ok(builder.Build());
}
