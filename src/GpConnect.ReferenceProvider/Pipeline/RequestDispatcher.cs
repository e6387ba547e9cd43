using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Handlers;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>
/// The request pipeline, in the order of concern of the Core spec pages: service root, response format, SSP headers,
/// resource type (501 when unknown), interaction id against method and path (400), JWT, then the interaction handler.
/// </summary>
internal sealed class RequestDispatcher(
    string serviceRootPath,
    FormatNegotiator negotiator,
    SspHeaderValidator sspHeaders,
    Func<JwtValidator> jwt,
    IReadOnlyDictionary<Interaction, IInteractionHandler> handlers,
    RequestBodyReader bodies,
    ResponseWriter writer,
    ActiveFaults faults,
    ResponseStall? stall = null)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (stall is not null && !await stall.HoldAsync(context.RequestAborted)) return;
        var format = FhirFormat.Json;
        Interaction? interaction = null;
        try
        {
            format = negotiator.Negotiate(context.Request);
            var path = ResolvePath(context.Request);
            var named = sspHeaders.Validate(context.Request.Headers);

            var method = context.Request.Method;
            interaction = sspHeaders.Resolve(named, path, method, context.Request.Path);
            if (interaction == Interaction.ReadPractitioner && faults.Waives(ProviderRule.PractitionerReadNegotiatesFormat)) format = FhirFormat.Json;

            jwt().Validate(context.Request.Headers.Authorization.ToString(), named is null ? null : interaction);

            if (!handlers.TryGetValue(interaction, out var handler))
                throw new ProviderException(SpineError.NotImplemented, $"'{interaction.Name}' is not implemented by this reference provider yet.");
            var body = await bodies.ReadAsync(context.Request, context.RequestAborted);
            var result = handler.Handle(new ProviderRequest(interaction, path, context.Request.Query, body, context.Request.Headers));
            await writer.PaceAsync(interaction, context.RequestAborted);
            if (result.Location is not null) context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{serviceRootPath}/{result.Location}";
            var preferMinimal = (HttpMethods.IsPost(method) || HttpMethods.IsPut(method))
                && context.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase);
            await writer.WriteAsync(context, result.Status, result.Resource, format, result.VersionId, preferMinimal, interaction);
        }
        catch (ProviderException error)
        {
            await writer.WriteErrorAsync(context, error, format, interaction);
        }
        catch (Exception unexpected) when (!context.RequestAborted.IsCancellationRequested)
        {
            await writer.WriteErrorAsync(context,
                new ProviderException(SpineError.InternalServerError, $"Unexpected provider failure: {unexpected.GetType().Name}: {unexpected.Message}"),
                format, interaction);
        }
    }

    /// <summary>
    /// The FHIR parts of the request path (spec: FHIR API guidance: case sensitive, no trailing slash). Faults can make it lenient
    /// about letter case, crash on an empty id, match an operation by a prefix of its name or book on an instance URL.
    /// </summary>
    private RequestPath ResolvePath(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(serviceRootPath + "/", StringComparison.Ordinal))
            throw new ProviderException(SpineError.NoRecordFound, $"'{path}' is not under this provider's service root '{serviceRootPath}'.");
        var segments = path[(serviceRootPath.Length + 1)..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments is [_, ""] && faults.Waives(ProviderRule.EmptyIdSegmentRefused))
            throw new ProviderException(SpineError.InternalServerError, $"Object reference not set to an instance of an object (reading '{path}').");
        if (segments.Any(string.IsNullOrEmpty))
            throw ProviderException.BadRequest($"'{path}' has an empty path segment (no trailing slashes).");
        if (faults.Waives(ProviderRule.PathsCaseSensitive))
        {
            segments[0] = Interaction.KnownResourceTypes.FirstOrDefault(t => string.Equals(t, segments[0], StringComparison.OrdinalIgnoreCase)) ?? segments[0];
        }
        if (segments is [_, var op] && op.StartsWith('$') && faults.Waives(ProviderRule.OperationNameExact)
            && Interaction.All.FirstOrDefault(i => i.OperationName is { } name && name.StartsWith(op, StringComparison.Ordinal)) is { } operation)
        {
            segments[1] = operation.OperationName!;
        }
        if (segments is ["Appointment", _] && Interaction.WithId(request.Headers[SspHeaderValidator.InteractionId].ToString()) == Interaction.BookAppointment && HttpMethods.IsPost(request.Method) && faults.Waives(ProviderRule.BookingOnlyOnTypeUrl))
        {
            segments = ["Appointment"];
        }
        return RequestPath.Parse(segments)
            ?? throw ProviderException.BadRequest($"'{path}' is not a FHIR request path.");
    }
}
