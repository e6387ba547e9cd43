using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>A certificate file could not be read; the message says why (no path-independent stack noise).</summary>
public sealed class CertificateLoadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Loads client certificates (PFX/PKCS#12 or PEM) and CA certificates (PEM bundle or DER) from files, or from the
/// operating system's certificate store when given a <see cref="CertificateStoreReference"/> (<c>store:CurrentUser/My/&lt;thumbprint&gt;</c>).
/// </summary>
public static class CertificateLoader
{
    /// <summary>
    /// Loads a client certificate with its private key. PEM files (detected by a <c>-----BEGIN</c> marker) must hold
    /// the certificate and its private key, which may be encrypted with <paramref name="password"/>; anything else is
    /// read as PKCS#12.
    /// </summary>
    /// A store reference (see <see cref="CertificateStoreReference"/>) is looked up in the certificate store instead;
    /// the password is not used then.
    /// <exception cref="CertificateLoadException">Unreadable file, wrong password, not in the store, or no private key.</exception>
    public static X509Certificate2 LoadClientCertificate(string path, string? password)
    {
        if (CertificateStoreReference.IsStoreReference(path)) return CertificateStoreReference.Parse(path).FindClientCertificate();
        X509Certificate2 certificate;
        try
        {
            if (IsPem(path))
            {
                using var pem = string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password);
                // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }
            else
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }
        }
        catch (CryptographicException e)
        {
            throw new CertificateLoadException(
                $"\"{Path.GetFileName(path)}\" is not a readable PKCS#12 or PEM client certificate, or the password is wrong ({e.Message.TrimEnd('.')})", e);
        }
        catch (IOException e)
        {
            throw new CertificateLoadException($"\"{Path.GetFileName(path)}\" could not be read ({e.Message.TrimEnd('.')})", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CertificateLoadException($"\"{Path.GetFileName(path)}\" holds no private key; a client certificate needs one");
        }
        return certificate;
    }

    /// <summary>
    /// Loads one or more CA certificates from a PEM file (a bundle is allowed) or a DER file, or the one certificate a
    /// store reference names (see <see cref="CertificateStoreReference"/>).
    /// </summary>
    /// <exception cref="CertificateLoadException">The file holds no readable certificate, or the store has none with that thumbprint.</exception>
    public static X509Certificate2Collection LoadCaCertificates(string path)
    {
        if (CertificateStoreReference.IsStoreReference(path)) return [CertificateStoreReference.Parse(path).Find()];
        try
        {
            var collection = new X509Certificate2Collection();
            if (IsPem(path)) collection.ImportFromPemFile(path);
            else collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            if (collection.Count == 0)
                throw new CertificateLoadException($"\"{Path.GetFileName(path)}\" holds no certificate");
            return collection;
        }
        catch (CryptographicException e)
        {
            throw new CertificateLoadException($"\"{Path.GetFileName(path)}\" is not a readable PEM or DER certificate ({e.Message.TrimEnd('.')})", e);
        }
        catch (IOException e)
        {
            throw new CertificateLoadException($"\"{Path.GetFileName(path)}\" could not be read ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static bool IsPem(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(4096, (int)Math.Max(0, stream.Length))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
