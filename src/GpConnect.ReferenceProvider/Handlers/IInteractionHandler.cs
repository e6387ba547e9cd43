using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Handlers;

/// <summary>A validated request, ready for its interaction's handler.</summary>
/// <param name="Body">The request body as text (POST/PUT), or null when there is none.</param>
/// <param name="Headers">The request headers (e.g. If-Match, Content-Type), or null in handler unit tests that need none.</param>
internal sealed record ProviderRequest(Interaction Interaction, RequestPath Path, IQueryCollection Query, string? Body = null, IHeaderDictionary? Headers = null)
{
    /// <summary>The request's Content-Type header, or null.</summary>
    public string? ContentType => Headers?.ContentType.ToString() is { Length: > 0 } value ? value : null;
}

/// <summary>A successful FHIR response: status, resource and (for single resources) its version for the ETag.</summary>
/// <param name="Location">For a create: the path of the new version relative to the service root, e.g. <c>Appointment/7/_history/3</c>.</param>
internal sealed record ProviderResponse(int Status, JsonObject Resource, string? VersionId = null, string? Location = null)
{
    public static ProviderResponse Ok(JsonObject resource) => new(200, resource);

    /// <summary>A read: 200 with <c>ETag: W/"versionId"</c>.</summary>
    public static ProviderResponse Read(JsonObject resource) =>
        new(200, resource, resource["meta"]?["versionId"]?.GetValue<string>());
}

/// <summary>Serves one GP Connect interaction.</summary>
internal interface IInteractionHandler
{
    Interaction Interaction { get; }

    ProviderResponse Handle(ProviderRequest request);
}
