using System.Security.Cryptography;
using GpConnect.Conformance.Reporting.EvidencePack;

namespace GpConnect.Conformance.Reporting.Tests.EvidencePack;

/// <summary>
/// Audit finding 15: editing results.json and regenerating manifest.sha256 passed verification. The unsigned manifest
/// cannot catch that (documented); a signature checked with the signer's public key does.
/// </summary>
public sealed class EvidenceSignatureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gpcc-sig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Folder()
    {
        var folder = Path.Combine(_dir, "20261121-170000");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), """{"scenarios":[{"status":"failed"}]}""");
        File.WriteAllText(Path.Combine(folder, "report.html"), "<html>failed</html>");
        EvidenceManifest.Write(folder);
        return folder;
    }

    private (string Private, string Public) Keys(AsymmetricAlgorithm key)
    {
        var name = Guid.NewGuid().ToString("N");
        var priv = Path.Combine(_dir, name + ".key.pem");
        var pub = Path.Combine(_dir, name + ".pub.pem");
        File.WriteAllText(priv, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(pub, key.ExportSubjectPublicKeyInfoPem());
        return (priv, pub);
    }

    public static TheoryData<string> Algorithms => ["ecdsa", "rsa"];

    private static AsymmetricAlgorithm Create(string algorithm) => algorithm == "ecdsa" ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void A_signed_folder_verifies_with_the_signers_public_key(string algorithm)
    {
        using var key = Create(algorithm);
        var (priv, pub) = Keys(key);
        var folder = Folder();
        using (var signer = EvidenceSigner.Load(priv)) signer.Sign(folder);

        EvidenceManifest.Verify(folder).IsValid.ShouldBeTrue("the signature file is not an unlisted file");
        var check = EvidenceSignature.Verify(folder, pub);
        check.Valid.ShouldBeTrue(check.Message);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void A_forged_folder_with_a_regenerated_manifest_fails_the_signature_check(string algorithm)
    {
        using var key = Create(algorithm);
        var (priv, pub) = Keys(key);
        var folder = Folder();
        using (var signer = EvidenceSigner.Load(priv)) signer.Sign(folder);

        File.WriteAllText(Path.Combine(folder, "results.json"), """{"scenarios":[{"status":"passed"}]}""");
        EvidenceManifest.Write(folder); // the forger regenerates the manifest

        EvidenceManifest.Verify(folder).IsValid.ShouldBeTrue("the unsigned manifest alone cannot tell (documented)");
        var check = EvidenceSignature.Verify(folder, pub);
        check.Valid.ShouldBeFalse();
        check.Message.ShouldContain("does not match the manifest");
    }

    [Fact]
    public void A_folder_re_signed_by_the_forger_with_another_key_fails_against_the_real_signers_key()
    {
        using var real = Create("ecdsa");
        using var forger = Create("ecdsa");
        var (_, realPub) = Keys(real);
        var (forgerPriv, _) = Keys(forger);
        var folder = Folder();
        using (var signer = EvidenceSigner.Load(forgerPriv)) signer.Sign(folder);

        var check = EvidenceSignature.Verify(folder, realPub);
        check.Valid.ShouldBeFalse();
        check.Message.ShouldContain("signed with another key");
    }

    [Fact]
    public void An_unsigned_folder_fails_when_a_signature_is_asked_for()
    {
        using var key = Create("ecdsa");
        var (_, pub) = Keys(key);
        EvidenceSignature.Verify(Folder(), pub).Message.ShouldContain("not signed");
    }

    [Fact]
    public void A_public_key_or_garbage_is_refused_as_a_signing_key_with_the_file_named()
    {
        using var key = Create("ecdsa");
        var (_, pub) = Keys(key);
        Should.Throw<EvidenceKeyException>(() => EvidenceSigner.Load(pub)).Message.ShouldContain("needs the private key");
        var junk = Path.Combine(_dir, "junk.pem");
        File.WriteAllText(junk, "not a key");
        Should.Throw<EvidenceKeyException>(() => EvidenceSigner.Load(junk)).Message.ShouldContain("junk.pem");
    }
}
