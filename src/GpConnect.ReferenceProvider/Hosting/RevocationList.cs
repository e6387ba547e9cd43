using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpConnect.ReferenceProvider.Hosting;

/// <summary>
/// An X.509 certificate revocation list (RFC 5280 §5) read from its DER bytes: its signature is verified against the
/// issuing CA's key (RSA or ECDSA, SHA-256/384/512), then the serial numbers it revokes are kept.
/// </summary>
internal sealed class RevocationList
{
    private readonly HashSet<string> _serials;

    private RevocationList(HashSet<string> serials) => _serials = serials;

    /// <exception cref="CryptographicException">The bytes are not a CRL, or its signature does not verify with the CA's key.</exception>
    public static RevocationList Load(byte[] der, X509Certificate2 authority)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbs = outer.ReadEncodedValue();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signature = outer.ReadBitString(out _);
            if (!Verifies(tbs.Span, signature, algorithm, authority))
                throw new CryptographicException("The revocation list's signature does not verify with the client-certificate CA's key.");

            var list = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
            if (list.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) list.ReadInteger(); // version
            list.ReadSequence(); // signature algorithm
            list.ReadSequence(); // issuer
            ReadTime(list); // thisUpdate
            if (list.HasData && (list.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || list.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime))) ReadTime(list);
            var serials = new HashSet<string>(StringComparer.Ordinal);
            if (list.HasData && list.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = list.ReadSequence();
                while (entries.HasData) serials.Add(Serial(entries.ReadSequence().ReadIntegerBytes().Span));
            }
            return new RevocationList(serials);
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException($"The revocation list is not a DER-encoded X.509 CRL: {e.Message}", e);
        }
    }

    /// <summary>True when the list revokes this certificate's serial number.</summary>
    public bool Holds(X509Certificate2 certificate) => _serials.Contains(Serial(certificate.SerialNumberBytes.Span));

    /// <summary>A serial number as hex without leading zero bytes, so DER INTEGER content and certificate bytes compare equal.</summary>
    private static string Serial(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 1 && bytes[0] == 0) bytes = bytes[1..];
        return Convert.ToHexString(bytes);
    }

    private static void ReadTime(AsnReader reader)
    {
        if (reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)) reader.ReadUtcTime();
        else reader.ReadGeneralizedTime();
    }

    private static bool Verifies(ReadOnlySpan<byte> data, byte[] signature, string algorithm, X509Certificate2 authority)
    {
        var hash = algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => throw new CryptographicException($"The revocation list is signed with an unsupported algorithm {algorithm}."),
        };
        if (authority.GetRSAPublicKey() is { } rsa)
            using (rsa) return rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
        if (authority.GetECDsaPublicKey() is { } ecdsa)
            using (ecdsa) return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        throw new CryptographicException("The client-certificate CA has neither an RSA nor an ECDSA key.");
    }
}
