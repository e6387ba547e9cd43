using System.Security.Cryptography.X509Certificates;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>The TLS probes' one request: /metadata from an HTTPS instance, presenting a client certificate or none.</summary>
internal static class TlsMetadata
{
    /// <summary>The response (body buffered), or null when the TLS connection was refused.</summary>
    /// <param name="serverAccepted">Whether the instance's server certificate is the one expected.</param>
    public static async Task<HttpResponseMessage?> GetAsync(ProviderSession https, X509Certificate2? certificate, Func<X509Certificate2?, bool> serverAccepted)
    {
        using var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, server, _, _) => serverAccepted(server),
        };
        if (certificate is not null) handler.ClientCertificates.Add(certificate);
        using var client = new HttpClient(handler);
        try
        {
            var response = await client.SendAsync(https.Request("/metadata", InteractionIds.Metadata), TestContext.Current.CancellationToken);
            await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
            return response;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
