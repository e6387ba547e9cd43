using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>
/// The TLS behaviour of a <see cref="GpConnectClient"/>: which client certificate to present and which server
/// certificates to trust. Built from <see cref="TlsSettings"/>, or directly (e.g. to present an expired certificate).
/// </summary>
public sealed class ClientTlsOptions
{
    /// <summary>The client certificate to present (with private key); null presents none.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>CA certificates the server must chain to (custom trust, no system store); null uses system trust.</summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>False accepts any server certificate.</summary>
    public bool ValidateServerCertificate { get; init; } = true;

    /// <summary>TLS versions to offer; null leaves the operating system default (TLS 1.2/1.3).</summary>
    public SslProtocols? Protocols { get; init; }

    /// <summary>Loads the configured certificate files.</summary>
    /// <exception cref="CertificateLoadException">A file cannot be read (already checked at settings load).</exception>
    public static ClientTlsOptions FromSettings(TlsSettings settings) => new()
    {
        ClientCertificate = settings.ClientCertificate is { } path
            ? CertificateLoader.LoadClientCertificate(path, settings.ClientCertificatePassword)
            : null,
        TrustedRoots = settings.TrustedCaCertificate is { } ca ? CertificateLoader.LoadCaCertificates(ca) : null,
        ValidateServerCertificate = settings.ValidateServerCertificate,
    };

    /// <summary>The server certificate check these options imply.</summary>
    public bool ValidateServer(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!ValidateServerCertificate) return true;
        if (TrustedRoots is { Count: > 0 }) return new CertificateChainValidator(TrustedRoots).ValidateServerCertificate(certificate, chain, errors);
        return errors == SslPolicyErrors.None;
    }
}
