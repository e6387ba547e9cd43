using System.Security.Cryptography;
using System.Text;

namespace GpConnect.Conformance.Reporting.EvidencePack;

/// <summary>
/// An optional signature over <c>manifest.sha256</c>, written as <c>manifest.sha256.sig</c>, so that someone who does not
/// trust the machine the evidence came from can check it was produced by the holder of a private key and not changed
/// since. The signer keeps the private key (PEM: ECDSA P-256/P-384/P-521 or RSA ≥ 2048 bits, PKCS#8, SEC1 or PKCS#1);
/// the verifier gets the public half (PEM "PUBLIC KEY") by a channel of their own choosing and passes it to
/// <c>verify-evidence --public-key</c>. The public key is never taken from the folder itself: a forger could replace it.
/// </summary>
/// <remarks>
/// The file holds three lines: <c>algorithm: ECDSA-SHA256</c> (or <c>RSA-PSS-SHA256</c>), <c>key: &lt;SHA-256 of the public
/// key's SubjectPublicKeyInfo, hex&gt;</c> and <c>signature: &lt;base64&gt;</c>. ECDSA signatures are IEEE P1363 (r||s).
/// </remarks>
public sealed class EvidenceSigner : IDisposable
{
    /// <summary>The signature file's name, beside the manifest.</summary>
    public const string FileName = EvidenceManifest.FileName + ".sig";

    private readonly AsymmetricAlgorithm _key;

    private EvidenceSigner(AsymmetricAlgorithm key) => _key = key;

    /// <summary>SHA-256 of the public key (hex): what the verifier's key must match.</summary>
    public string KeyFingerprint => EvidenceSignature.Fingerprint(_key);

    /// <summary>Loads a PEM private key.</summary>
    /// <exception cref="EvidenceKeyException">The file is missing or holds no usable private key.</exception>
    public static EvidenceSigner Load(string pemFile)
    {
        if (!File.Exists(pemFile)) throw new EvidenceKeyException($"the signing key file does not exist: {pemFile}");
        var pem = File.ReadAllText(pemFile);
        var key = EvidenceSignature.ImportPem(pem, requirePrivate: true, pemFile);
        return new EvidenceSigner(key);
    }

    /// <summary>Signs the folder's manifest (call after <see cref="EvidenceManifest.Write"/>); returns the signature file's path.</summary>
    public string Sign(string runFolder)
    {
        var manifest = File.ReadAllBytes(Path.Combine(runFolder, EvidenceManifest.FileName));
        var (algorithm, signature) = _key switch
        {
            ECDsa ec => ("ECDSA-SHA256", ec.SignData(manifest, HashAlgorithmName.SHA256)),
            RSA rsa => ("RSA-PSS-SHA256", rsa.SignData(manifest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)),
            _ => throw new InvalidOperationException("unsupported key"),
        };
        var path = Path.Combine(runFolder, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, $"algorithm: {algorithm}\nkey: {KeyFingerprint}\nsignature: {Convert.ToBase64String(signature)}\n", new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}

/// <summary>A signing or verification key that cannot be used; the message names the file.</summary>
public sealed class EvidenceKeyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The outcome of checking <c>manifest.sha256.sig</c> with a public key.</summary>
/// <param name="Valid">True when the signature is present, made with the given key and matches the manifest.</param>
/// <param name="Message">One line for people.</param>
public sealed record SignatureCheck(bool Valid, string Message);

/// <summary>Key handling and verification for <see cref="EvidenceSigner"/>.</summary>
public static class EvidenceSignature
{
    /// <summary>Verifies the folder's manifest signature with the public key in <paramref name="publicKeyPem"/>.</summary>
    /// <exception cref="EvidenceKeyException">The key file is missing or holds no usable public key.</exception>
    public static SignatureCheck Verify(string runFolder, string publicKeyPem)
    {
        if (!File.Exists(publicKeyPem)) throw new EvidenceKeyException($"the public key file does not exist: {publicKeyPem}");
        using var key = ImportPem(File.ReadAllText(publicKeyPem), requirePrivate: false, publicKeyPem);
        var sigPath = Path.Combine(runFolder, EvidenceSigner.FileName);
        var manifestPath = Path.Combine(runFolder, EvidenceManifest.FileName);
        if (!File.Exists(sigPath)) return new SignatureCheck(false, $"no {EvidenceSigner.FileName}: the evidence is not signed");
        if (!File.Exists(manifestPath)) return new SignatureCheck(false, $"no {EvidenceManifest.FileName} to check the signature against");

        var fields = File.ReadAllLines(sigPath)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!fields.TryGetValue("algorithm", out var algorithm) || !fields.TryGetValue("signature", out var signatureText))
            return new SignatureCheck(false, $"{EvidenceSigner.FileName} is not a signature file this version can read");
        byte[] signature;
        try { signature = Convert.FromBase64String(signatureText); }
        catch (FormatException) { return new SignatureCheck(false, $"{EvidenceSigner.FileName}: the signature is not base64"); }

        var fingerprint = Fingerprint(key);
        if (fields.TryGetValue("key", out var named) && !named.Equals(fingerprint, StringComparison.OrdinalIgnoreCase))
            return new SignatureCheck(false, $"signed with another key (key {named}), not the given public key (key {fingerprint})");
        var manifest = File.ReadAllBytes(manifestPath);
        var ok = (algorithm, key) switch
        {
            ("ECDSA-SHA256", ECDsa ec) => ec.VerifyData(manifest, signature, HashAlgorithmName.SHA256),
            ("RSA-PSS-SHA256", RSA rsa) => rsa.VerifyData(manifest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => false,
        };
        return ok
            ? new SignatureCheck(true, $"the manifest is signed by key {fingerprint} and unchanged since it was signed")
            : new SignatureCheck(false, $"the signature does not match the manifest: the manifest was changed after signing, or signed with another key");
    }

    internal static string Fingerprint(AsymmetricAlgorithm key) =>
        Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    internal static AsymmetricAlgorithm ImportPem(string pem, bool requirePrivate, string file)
    {
        var what = requirePrivate ? "a private key" : "a public key";
        if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            throw new EvidenceKeyException($"{file}: the private key is encrypted; give an unencrypted PEM key (keep it in a protected location)");
        foreach (var create in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            var key = create();
            try
            {
                if (key is ECDsa ec) ec.ImportFromPem(pem); else ((RSA)key).ImportFromPem(pem);
                if (requirePrivate && !HasPrivateKey(key))
                {
                    key.Dispose();
                    throw new EvidenceKeyException($"{file}: holds a public key; signing needs the private key");
                }
                if (key is RSA { KeySize: < 2048 })
                {
                    key.Dispose();
                    throw new EvidenceKeyException($"{file}: RSA keys must be at least 2048 bits");
                }
                return key;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
            }
        }
        throw new EvidenceKeyException($"{file}: holds no PEM ECDSA or RSA key ({what} was expected)");
    }

    private static bool HasPrivateKey(AsymmetricAlgorithm key)
    {
        try
        {
            _ = key switch
            {
                ECDsa ec => ec.ExportParameters(includePrivateParameters: true).D,
                RSA rsa => rsa.ExportParameters(includePrivateParameters: true).D,
                _ => null,
            };
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
