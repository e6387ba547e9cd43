using System.Net;
using System.Security.Authentication;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GpConnect.ReferenceProvider;

/// <summary>Starts the reference provider in-process.</summary>
public static class ReferenceProviderHost
{
    /// <summary>
    /// Validates the options (unknown fault or spec version → <see cref="ArgumentException"/>), seeds the practice,
    /// and starts listening. Dispose the result to stop it.
    /// </summary>
    public static async Task<RunningReferenceProvider> StartAsync(ReferenceProviderOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var release = SpecRelease.Parse(options.SpecVersion);
        var faults = ActiveFaults.Resolve(options.Faults);
        if (string.IsNullOrWhiteSpace(options.OdsCode) || options.OdsCode.Any(c => !char.IsAsciiLetterOrDigit(c)))
            throw new ArgumentException($"OdsCode '{options.OdsCode}' must be letters and digits only.", nameof(options));
        if (options.ClientCertificateAuthority is not null && options.ServerCertificate is null)
            throw new ArgumentException("ClientCertificateAuthority needs ServerCertificate: client certificates require HTTPS.", nameof(options));
        if (options.JwtClockSkewLeewaySeconds < 0)
            throw new ArgumentException("JwtClockSkewLeewaySeconds cannot be negative.", nameof(options));
        var address = ParseAddress(options.ListenAddress);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/fhir+json", "application/fhir+xml"];
        });
        ClientCertificatePolicy? certificateErrors = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port, listen =>
            {
                if (options.ServerCertificate is null) return;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = options.ServerCertificate;
                    https.SslProtocols = TlsPolicy.Protocols(faults);
                    if (TlsPolicy.CipherSuites(faults) is { } suites) https.OnAuthenticate = (_, ssl) => ssl.CipherSuitesPolicy = suites;
                    if (options.ClientCertificateAuthority is { } authority)
                    {
                        var policy = new ClientCertificatePolicy(authority, options.TimeProvider, faults,
                            options.ClientCertificateRevocationList, options.ClientCertificateName);
                        if (policy.AnswersOverHttp)
                        {
                            // The NHS-assurance divergence: every handshake completes and the request is answered 495/496.
                            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                            https.ClientCertificateValidation = (_, _, _) => true;
                            certificateErrors = policy;
                        }
                        else
                        {
                            https.ClientCertificateMode = policy.RequiresCertificate ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.AllowCertificate;
                            https.ClientCertificateValidation = policy.Validate;
                        }
                    }
                });
            });
        });

        var app = builder.Build();
        Uri? serviceRoot = null;
        var dispatcher = ProviderComposition.Compose(options, release, faults, () => serviceRoot!.ToString().TrimEnd('/'));
        if (!faults.Waives(ProviderRule.GzipSupported)) app.UseResponseCompression();
        if (certificateErrors is { } http49x)
            app.Use(async (context, next) =>
            {
                var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
                if (http49x.HttpStatusFor(certificate) is { } status)
                {
                    context.Response.StatusCode = status;
                    return;
                }
                await next(context);
            });
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(ct);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound.Replace("[::]", "localhost").Replace("0.0.0.0", "localhost")).Port;
        serviceRoot = new UriBuilder(options.ServerCertificate is null ? "http" : "https", HostFor(options.ListenAddress, address), port,
            ProviderComposition.ServiceRootPath(options.OdsCode)).Uri;
        return new RunningReferenceProvider(app, serviceRoot, faults.Names);
    }

    private static IPAddress ParseAddress(string listenAddress)
    {
        if (string.Equals(listenAddress, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        return IPAddress.TryParse(listenAddress, out var address)
            ? address
            : throw new ArgumentException($"ListenAddress '{listenAddress}' is not an IP address or 'localhost'.", nameof(listenAddress));
    }

    private static string HostFor(string listenAddress, IPAddress address)
    {
        if (string.Equals(listenAddress, "localhost", StringComparison.OrdinalIgnoreCase)) return "localhost";
        if (address.Equals(IPAddress.Any)) return "127.0.0.1";
        if (address.Equals(IPAddress.IPv6Any)) return "[::1]";
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }
}
