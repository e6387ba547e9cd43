using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.Conformance.Client.Tls;

/// <summary>
/// A certificate in the operating system's certificate store, named in configuration instead of a file:
/// <c>store:CurrentUser/My/&lt;thumbprint&gt;</c> or <c>store:LocalMachine/My/&lt;thumbprint&gt;</c> (any store name, e.g.
/// <c>Root</c> or <c>CA</c> for a trusted CA). Backslashes may separate the parts, and PowerShell's certificate drive
/// form <c>Cert:\CurrentUser\My\&lt;thumbprint&gt;</c> is accepted as it is. The thumbprint is the SHA-1 thumbprint the
/// Windows certificate manager shows (40 hexadecimal digits; spaces, colons and the invisible marks it copies along are
/// ignored). On Windows these are the Windows stores; on Linux and macOS they are .NET's own stores.
/// </summary>
public sealed record CertificateStoreReference(StoreLocation Location, string StoreName, string Thumbprint)
{
    private static readonly string[] Prefixes = ["store:", "cert:"];

    /// <summary>True when <paramref name="value"/> is meant as a store reference (starts with <c>store:</c> or <c>Cert:</c>).</summary>
    public static bool IsStoreReference(string? value) =>
        value is not null && Prefixes.Any(p => value.TrimStart().StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a reference; on failure <paramref name="error"/> says what is wrong and shows the expected form.</summary>
    public static bool TryParse(string value, out CertificateStoreReference reference, out string error)
    {
        reference = null!;
        const string form = "write it as store:CurrentUser/My/<thumbprint> or store:LocalMachine/My/<thumbprint>";
        var text = value.Trim();
        var prefix = Prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is null)
        {
            error = $"is not a certificate store reference; {form}";
            return false;
        }
        var parts = text[prefix.Length..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
        {
            error = $"names a certificate store but not as location/store/thumbprint (got \"{value}\"); {form}";
            return false;
        }

        StoreLocation location;
        if (parts[0].Equals("CurrentUser", StringComparison.OrdinalIgnoreCase)) location = StoreLocation.CurrentUser;
        else if (parts[0].Equals("LocalMachine", StringComparison.OrdinalIgnoreCase)) location = StoreLocation.LocalMachine;
        else
        {
            error = $"names the store location \"{parts[0]}\"; use CurrentUser or LocalMachine ({form})";
            return false;
        }

        var storeName = parts[1];
        if (!storeName.All(char.IsAsciiLetterOrDigit))
        {
            error = $"names the store \"{storeName}\"; a store name is letters and digits only, e.g. My, Root or CA ({form})";
            return false;
        }
        if (Enum.TryParse<StoreName>(storeName, ignoreCase: true, out var known) && !int.TryParse(storeName, out _))
            storeName = known == System.Security.Cryptography.X509Certificates.StoreName.CertificateAuthority ? "CA" : known.ToString();

        var thumbprint = NormaliseThumbprint(parts[2]);
        if (thumbprint.Length != 40 || !thumbprint.All(char.IsAsciiHexDigit))
        {
            error = $"has \"{parts[2]}\" as thumbprint; a thumbprint is the certificate's 40 hexadecimal digits (SHA-1) as the certificate manager shows them";
            return false;
        }

        reference = new CertificateStoreReference(location, storeName, thumbprint);
        error = "";
        return true;
    }

    /// <summary>Parses a reference.</summary>
    /// <exception cref="CertificateLoadException">Not a well-formed reference.</exception>
    public static CertificateStoreReference Parse(string value) =>
        TryParse(value, out var reference, out var error) ? reference : throw new CertificateLoadException($"\"{value}\" {error}");

    /// <summary>The canonical form, <c>store:Location/Store/THUMBPRINT</c>.</summary>
    public override string ToString() => $"store:{Location}/{StoreName}/{Thumbprint}";

    /// <summary>The certificate, as the store holds it (with its private key when the store has one).</summary>
    /// <exception cref="CertificateLoadException">The store cannot be opened or holds no certificate with this thumbprint.</exception>
    public X509Certificate2 Find()
    {
        try
        {
            using var store = new X509Store(StoreName, Location);
            store.Open(OpenFlags.ReadOnly);
            var all = store.Certificates;
            var match = all.FirstOrDefault(c => string.Equals(c.Thumbprint, Thumbprint, StringComparison.OrdinalIgnoreCase));
            foreach (var other in all) if (!ReferenceEquals(other, match)) other.Dispose();
            return match ?? throw new CertificateLoadException(
                $"no certificate with thumbprint {Thumbprint} is in the {Location}/{StoreName} certificate store");
        }
        catch (CryptographicException e)
        {
            throw new CertificateLoadException($"the {Location}/{StoreName} certificate store cannot be opened on this system ({e.Message.TrimEnd('.')})", e);
        }
        catch (PlatformNotSupportedException e)
        {
            throw new CertificateLoadException($"the {Location}/{StoreName} certificate store is not available on this system ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>The certificate with a private key this user may use, as a client certificate needs.</summary>
    /// <exception cref="CertificateLoadException">Not found, no private key, or a key this user cannot use.</exception>
    public X509Certificate2 FindClientCertificate()
    {
        var certificate = Find();
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CertificateLoadException(
                $"the certificate with thumbprint {Thumbprint} in the {Location}/{StoreName} certificate store has no private key; a client certificate needs one (import the .pfx with its key)");
        }
        try
        {
            using var key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
            if (key is null)
                throw new CertificateLoadException($"the certificate with thumbprint {Thumbprint} in the {Location}/{StoreName} certificate store has a private key of a kind TLS cannot use here (RSA or ECDSA needed)");
        }
        catch (CryptographicException e)
        {
            certificate.Dispose();
            throw new CertificateLoadException(
                $"the private key of the certificate with thumbprint {Thumbprint} in the {Location}/{StoreName} certificate store cannot be used by this user ({e.Message.TrimEnd('.')})", e);
        }
        catch (CertificateLoadException)
        {
            certificate.Dispose();
            throw;
        }
        return certificate;
    }

    // Keeps the hexadecimal digits: certificate managers show thumbprints with spaces or colons and copy along
    // invisible formatting marks (e.g. a left-to-right mark before the first digit).
    private static string NormaliseThumbprint(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c != ':' &&
            CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()).ToUpperInvariant();
}
