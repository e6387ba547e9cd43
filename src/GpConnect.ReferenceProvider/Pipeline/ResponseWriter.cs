using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>Writes FHIR resources with the headers every GP Connect response needs (spec: FHIR API guidance: HTTP headers and bodies).</summary>
internal sealed class ResponseWriter(ActiveFaults faults)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Holds the answer back as long as an active slow-response fault asks for the interaction.</summary>
    public Task PaceAsync(Interaction interaction, CancellationToken cancellationToken) =>
        faults.DelayFor(interaction.Name) is { } delay && delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Writes <paramref name="resource"/> in <paramref name="format"/> with status, Content-Type, Cache-Control, HSTS and ETag;
    /// with <paramref name="preferMinimal"/> (a create or update sent <c>Prefer: return=minimal</c>, spec: FHIR API guidance: create and update) only the headers.
    /// </summary>
    public async Task WriteAsync(HttpContext context, int status, JsonObject resource, FhirFormat format, string? versionId = null, bool preferMinimal = false,
        Interaction? interaction = null, bool isError = false)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (NoStore(interaction, isError, status)) response.Headers.CacheControl = "no-store";
        if (context.Request.IsHttps && !faults.Waives(ProviderRule.StrictTransportSecurity)) response.Headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        if (versionId is not null && !faults.Waives(ProviderRule.ReadETag))
            response.Headers.ETag = faults.Waives(ProviderRule.WeakETag) ? $"\"{versionId}\"" : $"W/\"{versionId}\"";
        if (preferMinimal && !faults.Waives(ProviderRule.PreferReturnMinimalHonoured)) return;
        var charset = faults.Waives(ProviderRule.ContentTypeWithCharset) ? "" : ";charset=utf-8";
        string body;
        if (format == FhirFormat.Xml && interaction == Interaction.FindPatient && faults.Waives(ProviderRule.ContentTypeMatchesBody))
        {
            response.ContentType = FormatNegotiator.XmlMediaType + charset;
            body = resource.ToJsonString(Compact);
        }
        else if (format == FhirFormat.Xml)
        {
            response.ContentType = FormatNegotiator.XmlMediaType + charset;
            body = FhirXmlWriter.Write(resource);
        }
        else
        {
            response.ContentType = FormatNegotiator.JsonMediaType + charset;
            body = resource.ToJsonString(Compact);
        }
        await response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>Writes the OperationOutcome for a failure.</summary>
    public Task WriteErrorAsync(HttpContext context, ProviderException error, FhirFormat format, Interaction? interaction = null) =>
        WriteAsync(context,
            faults.Waives(ProviderRule.ErrorStatusFollowsSpineCode) ? StatusCodes.Status400BadRequest : error.Error.HttpStatus,
            faults.Decorate(OperationOutcomes.For(error.Error, error.Message)),
            faults.Waives(ProviderRule.ErrorsFollowNegotiatedFormat) ? FhirFormat.Json : format,
            interaction: interaction, isError: true);

    /// <summary>Whether this answer carries Cache-Control: no-store: every answer does, unless a fault drops it (spec: FHIR API guidance: HTTP headers and bodies).</summary>
    private bool NoStore(Interaction? interaction, bool isError, int status)
    {
        if (faults.Waives(ProviderRule.CacheControlNoStore)) return false;
        if (isError && faults.Waives(ProviderRule.CacheControlOnErrors)) return false;
        if (isError && ErrorClassRule(status) is { } errorClass && faults.Waives(errorClass)) return false;
        var appointmentFamily = interaction is not null && (interaction.ResourceType == "Appointment" || interaction.Shape == PathShape.PatientAppointments);
        return !(appointmentFamily && faults.Waives(ProviderRule.CacheControlOnAppointmentResponses));
    }

    /// <summary>The rule that keeps Cache-Control on one class of error answer, by the status written.</summary>
    private static ProviderRule? ErrorClassRule(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProviderRule.CacheControlOnBadRequests,
        StatusCodes.Status404NotFound => ProviderRule.CacheControlOnNotFound,
        StatusCodes.Status409Conflict => ProviderRule.CacheControlOnConflicts,
        StatusCodes.Status415UnsupportedMediaType => ProviderRule.CacheControlOnUnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => ProviderRule.CacheControlOnUnprocessable,
        StatusCodes.Status501NotImplemented => ProviderRule.CacheControlOnNotImplemented,
        _ => null,
    };
}
