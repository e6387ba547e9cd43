using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Hosting;

public sealed class HttpsTests : IAsyncLifetime
{
    private readonly X509Certificate2 _authority = TestCertificates.CreateAuthority("Test Spine CA");
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync()
    {
        var serverCertificate = TestCertificates.CreateServer(_authority);
        _session = await ProviderSession.StartAsync(o =>
        {
            o.ServerCertificate = serverCertificate;
            o.ClientCertificateAuthority = _authority;
        }, now: DateTimeOffset.UtcNow);
    }

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    private HttpClient ClientWith(X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            // The server certificate is issued by the throwaway CA; trust exactly that CA.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.Issuer == _authority.Subject,
        };
        if (clientCertificate is not null) handler.ClientCertificates.Add(clientCertificate);
        return new HttpClient(handler);
    }

    private async Task<HttpResponseMessage> MetadataWith(X509Certificate2? clientCertificate)
    {
        using var client = ClientWith(clientCertificate);
        return await client.SendAsync(_session.Request("/metadata", InteractionIds.Metadata), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_service_root_is_https()
    {
        _session.Provider.ServiceRoot.Scheme.ShouldBe("https");
        _session.Root.ShouldEndWith("/A20047/STU3/1/gpconnect");
    }

    [Fact]
    public async Task A_client_certificate_from_the_trusted_ca_is_served_with_hsts()
    {
        using var response = await MetadataWith(TestCertificates.CreateClient(_authority));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_client_certificate_is_refused_at_the_handshake()
    {
        await Should.ThrowAsync<HttpRequestException>(() => MetadataWith(null));
    }

    [Fact]
    public async Task A_client_certificate_from_another_ca_is_refused()
    {
        var stranger = TestCertificates.CreateAuthority("Untrusted CA");
        await Should.ThrowAsync<HttpRequestException>(() => MetadataWith(TestCertificates.CreateClient(stranger)));
    }

    [Fact]
    public async Task An_expired_client_certificate_is_refused()
    {
        var expired = TestCertificates.CreateClient(_authority, DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-10));
        await Should.ThrowAsync<HttpRequestException>(() => MetadataWith(expired));
    }

    [Fact]
    public async Task Plain_http_to_the_tls_port_gets_no_fhir_response()
    {
        using var client = new HttpClient();
        var plain = _session.Root.Replace("https://", "http://") + "/metadata";

        var failed = false;
        try
        {
            using var response = await client.GetAsync(plain, TestContext.Current.CancellationToken);
            response.IsSuccessStatusCode.ShouldBeFalse();
            failed = true;
        }
        catch (HttpRequestException)
        {
            failed = true;
        }
        failed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_authority_without_a_server_certificate_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => ReferenceProviderHost.StartAsync(
            new ReferenceProviderOptions { ClientCertificateAuthority = _authority }, TestContext.Current.CancellationToken));
    }
}
