using GpConnect.Conformance.Reporting.EvidencePack;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>Checks that a run folder's files still match its SHA-256 manifest (evidence sent for assurance is unaltered).</summary>
public static class VerifyEvidenceCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count != 1 || !Directory.Exists(args[0]))
        {
            stderr.WriteLine("Usage: verify-evidence RUN_FOLDER (an existing reports/<timestamp> folder)");
            return CommandDispatcher.BadInput;
        }
        var check = EvidenceManifest.Verify(args[0]);
        stdout.WriteLine(check.ToString());
        return check.IsValid ? CommandDispatcher.Ok : CommandDispatcher.Failures;
    }
}
