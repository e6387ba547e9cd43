using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tls;
using GpConnect.Conformance.Specs.Hosting;
using Hosting = GpConnect.Conformance.Specs.Hosting;
using GpConnect.ReferenceProvider;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// <c>tls.clientCertificate</c> and <c>tls.trustedCaCertificate</c> naming certificates in the operating system's
/// certificate store (<c>store:CurrentUser/My/&lt;thumbprint&gt;</c>), through .NET's own X509Store. On Linux that store
/// lives under HOME, so every process here (the store filler and the command line) runs with HOME in a temporary
/// folder: the throwaway certificates go into a throwaway store, deleted with the folder, and the real user's store is
/// never written.
/// </summary>
public sealed class CertificateStoreTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-store-").FullName;
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create("GPCC store test CA");
    private static string Root => RepositoryLayout.RequireRoot();

    public CertificateStoreTests()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("Only on Linux does .NET keep the CurrentUser store under HOME, where a test can use a throwaway one.");
        Directory.CreateDirectory(Home);
    }

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    private string Home => Path.Combine(_temp, "home");

    private Dictionary<string, string?> Environment => new() { ["HOME"] = Home };

    /// <summary>Adds a certificate file to CurrentUser/<paramref name="store"/> of the throwaway store; returns its thumbprint.</summary>
    private async Task<string> AddToStore(string store, string file, string? password = null)
    {
        string[] args = password is null ? ["add", store, file] : ["add", store, file, password];
        var result = await ChildProcess.DotnetAsync("GpConnect.Conformance.CertificateStoreTool.dll", args, _temp, Environment);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Out.Trim();
    }

    private async Task<string> AddClientCertificateWithKey()
    {
        using var client = _ca.IssueClientCertificate("gpcc-store-client.test");
        var pfx = Path.Combine(_temp, "client.pfx");
        TestCertificateAuthority.ExportPfx(client, pfx, "pw");
        var thumbprint = await AddToStore("My", pfx, "pw");
        thumbprint.ShouldBe(client.Thumbprint);
        File.Delete(pfx);
        return thumbprint;
    }

    private Task<ProcessResult> RunCli(params string[] args) =>
        ChildProcess.DotnetAsync("gpconnect-conformance.dll",
            ["--features", Path.Combine(Root, "features"), "--reports", Path.Combine(_temp, "reports"), "--no-compare", .. args],
            Root, Environment);

    private string ConfigWithTls(string clientCertificate, string? trustedCa = null)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "config", "default.json")))!.AsObject();
        json["tls"]!["clientCertificate"] = clientCertificate;
        if (trustedCa is not null) json["tls"]!["trustedCaCertificate"] = trustedCa;
        var file = Path.Combine(_temp, "store provider.json");
        File.WriteAllText(file, json.ToJsonString());
        return file;
    }

    /// <summary>The reference provider over HTTPS, refusing any client certificate that does not chain to the test CA.</summary>
    private Task<RunningReferenceProvider> StartHttpsProvider()
    {
        var options = Hosting.ProviderTarget.EmbeddedOptions(SettingsLoader.Load(Path.Combine(Root, "config", "default.json"), null, null));
        options.ServerCertificate = _ca.IssueServerCertificate("localhost", "127.0.0.1");
        options.ClientCertificateAuthority = _ca.Certificate;
        return ReferenceProviderHost.StartAsync(options, TestContext.Current.CancellationToken);
    }

    private static void RealUserStoreLacks(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_client_certificate_and_ca_from_the_store_carry_a_mutual_tls_run()
    {
        var clientThumbprint = await AddClientCertificateWithKey();
        var caFile = Path.Combine(_temp, "ca.cer");
        await File.WriteAllBytesAsync(caFile, _ca.Certificate.Export(X509ContentType.Cert));
        var caThumbprint = await AddToStore("Root", caFile);
        RealUserStoreLacks(clientThumbprint);

        await using var provider = await StartHttpsProvider();

        var result = await RunCli("--tags", "@ticket-905",
            "--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot.ToString().TrimEnd('/')}",
            "--set", $"tls:clientCertificate=store:CurrentUser/My/{clientThumbprint}",
            "--set", $@"tls:trustedCaCertificate=Cert:\CurrentUser\Root\{caThumbprint.ToLowerInvariant()}");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("1 passed");
    }

    [Fact]
    public async Task Without_the_store_certificate_the_same_run_is_refused_by_the_provider()
    {
        // The check above can fail: the same provider refuses the run when the store certificate is from another CA.
        using var other = TestCertificateAuthority.CreateUntrustedClientCertificate();
        var pfx = Path.Combine(_temp, "other.pfx");
        TestCertificateAuthority.ExportPfx(other, pfx, null);
        var thumbprint = await AddToStore("My", pfx);

        await using var provider = await StartHttpsProvider();
        var caPem = Path.Combine(_temp, "ca.pem");
        _ca.ExportCaCertificatePem(caPem);

        var result = await RunCli("--tags", "@ticket-905", "--set", "http:timeoutSeconds=10",
            "--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl={provider.ServiceRoot.ToString().TrimEnd('/')}",
            "--set", $"tls:clientCertificate=store:CurrentUser/My/{thumbprint}", "--set", $"tls:trustedCaCertificate={caPem}");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("1 failed");
    }

    [Fact]
    public async Task A_store_certificate_without_its_private_key_is_one_line_naming_the_key_and_the_file()
    {
        using var client = _ca.IssueClientCertificate("gpcc-keyless.test");
        var cer = Path.Combine(_temp, "public-only.cer");
        await File.WriteAllBytesAsync(cer, client.Export(X509ContentType.Cert));
        var thumbprint = await AddToStore("My", cer);
        var config = ConfigWithTls($"store:CurrentUser/My/{thumbprint}");

        var result = await RunCli("--config", config, "--dry-run");

        result.ExitCode.ShouldBe(2, result.ToString());
        var line = result.Err.Trim();
        line.ShouldNotContain("\n");
        line.ShouldBe($"Configuration error: {config}: tls:clientCertificate could not be loaded: the certificate with thumbprint {thumbprint} in the CurrentUser/My certificate store has no private key; a client certificate needs one (import the .pfx with its key)");
    }

    [Fact]
    public async Task A_thumbprint_the_store_does_not_hold_is_one_line_naming_the_key_and_the_file()
    {
        var present = await AddClientCertificateWithKey();
        var absent = new string(present.Reverse().ToArray());
        var config = ConfigWithTls($"store:CurrentUser/My/{present}", trustedCa: $"store:CurrentUser/Root/{absent}");

        var result = await RunCli("--config", config, "--dry-run");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.Trim().ShouldBe($"Configuration error: {config}: tls:trustedCaCertificate could not be loaded: no certificate with thumbprint {absent} is in the CurrentUser/Root certificate store");
    }
}
