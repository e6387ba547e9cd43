using GpConnect.ReferenceProvider.Faults;
using Microsoft.AspNetCore.Http;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>Reads the body of a POST or PUT as UTF-8 text, however it was framed (Content-Length or chunked, spec: FHIR API guidance: HTTP headers and bodies).</summary>
internal sealed class RequestBodyReader(ActiveFaults faults)
{
    public async Task<string?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method)) return null;
        if (faults.Waives(ProviderRule.ChunkedBodiesAccepted) && request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase))
            throw ProviderException.BadRequest("Request bodies must be sent with a Content-Length.");
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
