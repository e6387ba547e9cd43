using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Handlers;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>
/// The request pipeline, in the order of concern of core.md §1–§5: service root, response format, SSP headers,
/// resource type (501 when unknown), interaction id against method and path (400), JWT, then the interaction handler.
/// </summary>
internal sealed class RequestDispatcher(
    string serviceRootPath,
    FormatNegotiator negotiator,
    SspHeaderValidator sspHeaders,
    Func<JwtValidator> jwt,
    IReadOnlyDictionary<Interaction, IInteractionHandler> handlers,
    RequestBodyReader bodies,
    ResponseWriter writer)
{
    public async Task HandleAsync(HttpContext context)
    {
        var format = FhirFormat.Json;
        try
        {
            format = negotiator.Negotiate(context.Request);
            var path = ResolvePath(context.Request);
            var named = sspHeaders.Validate(context.Request.Headers);

            var method = context.Request.Method;
            var interaction = sspHeaders.Resolve(named, path, method, context.Request.Path);

            jwt().Validate(context.Request.Headers.Authorization.ToString(), named is null ? null : interaction);

            if (!handlers.TryGetValue(interaction, out var handler))
                throw new ProviderException(SpineError.NotImplemented, $"'{interaction.Name}' is not implemented by this reference provider yet.");
            var body = await bodies.ReadAsync(context.Request, context.RequestAborted);
            var result = handler.Handle(new ProviderRequest(interaction, path, context.Request.Query, body, context.Request.Headers));
            await writer.PaceAsync(interaction, context.RequestAborted);
            if (result.Location is not null) context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{serviceRootPath}/{result.Location}";
            var preferMinimal = (HttpMethods.IsPost(method) || HttpMethods.IsPut(method))
                && context.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase);
            await writer.WriteAsync(context, result.Status, result.Resource, format, result.VersionId, preferMinimal);
        }
        catch (ProviderException error)
        {
            await writer.WriteErrorAsync(context, error, format);
        }
        catch (Exception unexpected) when (!context.RequestAborted.IsCancellationRequested)
        {
            await writer.WriteErrorAsync(context,
                new ProviderException(SpineError.InternalServerError, $"Unexpected provider failure: {unexpected.GetType().Name}: {unexpected.Message}"),
                format);
        }
    }

    private RequestPath ResolvePath(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(serviceRootPath + "/", StringComparison.Ordinal))
            throw new ProviderException(SpineError.NoRecordFound, $"'{path}' is not under this provider's service root '{serviceRootPath}'.");
        var segments = path[(serviceRootPath.Length + 1)..].Split('/');
        if (segments.Any(string.IsNullOrEmpty))
            throw ProviderException.BadRequest($"'{path}' has an empty path segment (no trailing slashes).");
        return RequestPath.Parse(segments.Select(Uri.UnescapeDataString).ToArray())
            ?? throw ProviderException.BadRequest($"'{path}' is not a FHIR request path.");
    }
}
