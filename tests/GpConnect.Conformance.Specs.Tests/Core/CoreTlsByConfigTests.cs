using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tls;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.ReferenceProvider;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

/// <summary>
/// "A real provider can be targeted over TLS with a client certificate by config alone": a provider serving HTTPS that
/// requires client certificates from a CA (here the reference provider, started as a stand-alone server) is run against
/// as a remote target, with only a config file naming the service root, the client certificate (PKCS#12 or PEM) and the
/// CA to trust. The Core header and TLS features must pass over that connection.
/// </summary>
public sealed class CoreTlsByConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gpcc-tls-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("pfx")]
    [InlineData("pem")]
    public async Task The_core_tls_and_header_features_pass_against_a_remote_https_provider_configured_by_file(string certificateFormat)
    {
        using var authority = TestCertificateAuthority.Create("Remote provider test CA");
        await using var provider = await ReferenceProviderHost.StartAsync(new ReferenceProviderOptions
        {
            ServerCertificate = authority.IssueServerCertificate("localhost", "127.0.0.1"),
            ClientCertificateAuthority = authority.Certificate,
        }, TestContext.Current.CancellationToken);
        var configFile = WriteConfig(authority, provider.ServiceRoot, certificateFormat);

        var settings = SettingsLoader.Load(configFile, null, environmentPrefix: null);
        var catalog = FeatureCatalog.Load(Path.Combine(RepositoryLayout.RequireRoot(), "features"))
            .Filter(TagExpression.Parse("@tls or @use-case-spine-secure-proxy-headers"));
        var run = await ConformanceRun.ExecuteAsync(settings, catalog, cancellationToken: TestContext.Current.CancellationToken);

        run.Metadata.ShouldContain(m => m.Key == "target" && m.Value == "remote provider");
        run.Scenarios.Count(s => s.Scenario.Tags.Contains("@tls")).ShouldBe(10);
        // A remote provider's CA is not the suite's: it cannot revoke or misname a certificate for it. The TLS 1.0/1.1
        // probes are not applicable where the local TLS library cannot offer those versions.
        string[] notApplicableRemotely = ["revoked client certificate", "naming another system", "offering only TLS 1.0", "offering only TLS 1.1"];
        run.Scenarios.Where(s => s.Status != ScenarioStatus.Passed
                && !(s.Status == ScenarioStatus.NotApplicable && notApplicableRemotely.Any(s.Scenario.Name.Contains)))
            .Select(s => $"{s.Scenario.DisplayName}: {s.Status} {SuiteUnderTest.FailureText(s)}")
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_configured_client_certificate_the_tls_scenarios_say_why_they_do_not_apply()
    {
        using var authority = TestCertificateAuthority.Create("Remote provider test CA");
        await using var provider = await ReferenceProviderHost.StartAsync(new ReferenceProviderOptions
        {
            ServerCertificate = authority.IssueServerCertificate("localhost", "127.0.0.1"),
            ClientCertificateAuthority = authority.Certificate,
        }, TestContext.Current.CancellationToken);
        var configFile = WriteConfig(authority, provider.ServiceRoot, certificateFormat: null);

        var settings = SettingsLoader.Load(configFile, null, environmentPrefix: null);
        var catalog = FeatureCatalog.Load(Path.Combine(RepositoryLayout.RequireRoot(), "features")).Filter(TagExpression.Parse("@tls"));
        var run = await ConformanceRun.ExecuteAsync(settings, catalog, cancellationToken: TestContext.Current.CancellationToken);

        run.Scenarios.ShouldNotBeEmpty();
        run.Scenarios.ShouldAllBe(s => s.Status == ScenarioStatus.NotApplicable);
        run.Scenarios.ShouldAllBe(s => (s.Message ?? "").Contains("tls:clientCertificate"));
    }

    /// <summary>Writes the client certificate, the CA and a config file (default.json made remote) into the temp folder.</summary>
    private string WriteConfig(TestCertificateAuthority authority, Uri serviceRoot, string? certificateFormat)
    {
        using var client = authority.IssueClientCertificate("ssp-client.test");
        authority.ExportCaCertificatePem(Path.Combine(_folder, "provider-ca.pem"));
        var certificateFile = certificateFormat switch
        {
            "pfx" => "ssp-client.pfx",
            "pem" => "ssp-client.pem",
            _ => "",
        };
        if (certificateFormat == "pfx") TestCertificateAuthority.ExportPfx(client, Path.Combine(_folder, certificateFile), "test-password");
        if (certificateFormat == "pem") TestCertificateAuthority.ExportPem(client, Path.Combine(_folder, certificateFile));

        var config = JsonNode.Parse(File.ReadAllText(SuiteUnderTest.DefaultConfig))!.AsObject();
        config["provider"]!["target"] = "remote";
        config["provider"]!["fhirBaseUrl"] = serviceRoot.ToString().TrimEnd('/');
        config["tls"] = new JsonObject
        {
            ["clientCertificate"] = certificateFile,
            ["clientCertificatePassword"] = certificateFormat == "pfx" ? "test-password" : "",
            ["trustedCaCertificate"] = "provider-ca.pem",
            ["validateServerCertificate"] = true,
        };
        var path = Path.Combine(_folder, "remote-provider.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
