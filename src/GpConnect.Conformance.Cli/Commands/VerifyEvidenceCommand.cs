using GpConnect.Conformance.Reporting.EvidencePack;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// Checks that a run folder's files still match its SHA-256 manifest and, with <c>--public-key</c>, that the manifest
/// carries a valid signature by the holder of the matching private key. Without a key the check only detects accidental
/// change: whoever can edit the folder can also rewrite the manifest (see reports/README.md).
/// </summary>
public static class VerifyEvidenceCommand
{
    private const string Usage = "Usage: verify-evidence RUN_FOLDER [--public-key PEM] (an existing reports/<timestamp> folder; PEM: the signer's public key)";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? folder = null, publicKey = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--public-key" && i + 1 < args.Count) publicKey = args[++i];
            else if (folder is null && !args[i].StartsWith("--", StringComparison.Ordinal)) folder = args[i];
            else
            {
                stderr.WriteLine($"verify-evidence: unexpected argument \"{args[i]}\". {Usage}");
                return CommandDispatcher.BadInput;
            }
        }
        if (folder is null || !Directory.Exists(folder))
        {
            stderr.WriteLine(Usage);
            return CommandDispatcher.BadInput;
        }
        var check = EvidenceManifest.Verify(folder);
        stdout.WriteLine(check.ToString());
        if (publicKey is null)
        {
            if (check.IsValid)
                stdout.WriteLine(File.Exists(Path.Combine(folder, EvidenceSigner.FileName))
                    ? "The folder is signed; pass --public-key with the signer's public key to check the signature. The manifest alone does not show who wrote the files."
                    : "Unsigned: this shows the files are as the manifest lists them, not who wrote them (anyone who edits a file can rewrite the manifest).");
            return check.IsValid ? CommandDispatcher.Ok : CommandDispatcher.Failures;
        }
        SignatureCheck signature;
        try
        {
            signature = EvidenceSignature.Verify(folder, publicKey);
        }
        catch (EvidenceKeyException e)
        {
            stderr.WriteLine($"verify-evidence: --public-key {e.Message}");
            return CommandDispatcher.BadInput;
        }
        stdout.WriteLine($"signature: {signature.Message}");
        return check.IsValid && signature.Valid ? CommandDispatcher.Ok : CommandDispatcher.Failures;
    }
}
