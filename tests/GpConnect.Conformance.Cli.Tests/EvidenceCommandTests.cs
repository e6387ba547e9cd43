using System.Security.Cryptography;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>Findings 15 and 17 end to end: a signed run, a forged copy caught by verify-evidence --public-key, and retention.</summary>
public sealed class EvidenceCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-ev-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private async Task<int> RunSuite(params string[] extra)
    {
        var features = Path.Combine(_temp, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "smoke.feature"), """
            @core
            Feature: Smoke
              @CORE-111 @since-1.2.3
              Scenario: The statement comes back
                When the consumer requests the FHIR capability statement
                Then the response status should be 200
            """);
        string[] args = ["--config", Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json"), "--features", features,
            "--reports", Path.Combine(_temp, "reports"), .. extra];
        return await CommandDispatcher.RunAsync(args, new StringWriter(), new StringWriter(), new RunInterruption());
    }

    [Fact]
    public async Task A_signed_run_verifies_and_a_forged_copy_with_a_regenerated_manifest_does_not()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var priv = Path.Combine(_temp, "signer.key.pem");
        var pub = Path.Combine(_temp, "signer.pub.pem");
        File.WriteAllText(priv, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(pub, key.ExportSubjectPublicKeyInfoPem());

        (await RunSuite("--no-compare", "--sign-key", priv)).ShouldBe(0);
        var folder = Directory.GetDirectories(Path.Combine(_temp, "reports")).ShouldHaveSingleItem();

        var stdout = new StringWriter();
        (await CommandDispatcher.RunAsync(["verify-evidence", folder, "--public-key", pub], stdout, new StringWriter())).ShouldBe(0, stdout.ToString());

        var results = Path.Combine(folder, "results.json");
        File.WriteAllText(results, File.ReadAllText(results).Replace("\"passed\"", "\"failed\""));
        GpConnect.Conformance.Reporting.EvidencePack.EvidenceManifest.Write(folder);
        (await CommandDispatcher.RunAsync(["verify-evidence", folder], new StringWriter(), new StringWriter())).ShouldBe(0, "unsigned checking cannot see a regenerated manifest");
        stdout = new StringWriter();
        (await CommandDispatcher.RunAsync(["verify-evidence", folder, "--public-key", pub], stdout, new StringWriter())).ShouldBe(1);
        stdout.ToString().ShouldContain("signature does not match");
    }

    [Fact]
    public async Task A_signing_key_that_does_not_exist_is_a_configuration_error()
    {
        var stderr = new StringWriter();
        var exit = await CommandDispatcher.RunAsync(["--config", Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json"), "--dry-run",
            "--sign-key", Path.Combine(_temp, "nope.pem")], new StringWriter(), stderr, new RunInterruption());
        exit.ShouldBe(2);
        stderr.ToString().ShouldContain("reports:signingKey");
    }

    [Fact]
    public async Task Keep_runs_prunes_older_run_folders_but_keeps_the_compared_one()
    {
        var reports = Path.Combine(_temp, "reports");
        foreach (var old in new[] { "20200101-000000", "20200102-000000", "20200103-000000" })
        {
            Directory.CreateDirectory(Path.Combine(reports, old));
            File.WriteAllText(Path.Combine(reports, old, "results.json"), "{}");
        }
        var compared = Path.Combine(reports, "20200101-000000");
        await RunSuite("--no-compare", "--keep-runs", "1");
        var left = Directory.GetDirectories(reports).Select(Path.GetFileName).ToList();
        left.Count.ShouldBe(1);
        left.ShouldNotContain("20200103-000000");

        Directory.CreateDirectory(compared);
        File.Copy(Path.Combine(reports, left[0]!, "results.json"), Path.Combine(compared, "results.json"));
        await Task.Delay(1100, TestContext.Current.CancellationToken);
        await RunSuite("--compare", compared, "--keep-runs", "1");
        Directory.Exists(compared).ShouldBeTrue("the run being compared against is never pruned");
    }
}
