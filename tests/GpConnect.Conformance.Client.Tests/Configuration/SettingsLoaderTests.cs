using Microsoft.Extensions.Configuration;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Configuration;

public sealed class SettingsLoaderTests
{
    [Fact]
    public void Default_config_binds_every_section()
    {
        var settings = TestSettings.Default();

        settings.SpecVersion.ShouldBe("1.2.7");
        settings.Provider.Target.ShouldBe(ProviderTarget.Embedded);
        settings.Provider.FhirBaseUrl.ShouldBeNull();
        settings.Provider.OdsCode.ShouldBe("A20047");
        settings.Provider.Asid.ShouldBe("918999198993");
        settings.Provider.AllowWrites.ShouldBeTrue();
        settings.Provider.Embedded.Faults.ShouldBeEmpty();
        settings.Provider.Embedded.Https.ShouldBeFalse();
        settings.Consumer.Asid.ShouldBe("200000000359");
        settings.Consumer.OrganisationName.ShouldBe("GP Connect Conformance Consumer");
        settings.Consumer.Device.Model.ShouldBe("GP Connect Conformance");
        settings.Consumer.Practitioner.Id.ShouldBe("gpcc-user-1");
        settings.Consumer.Practitioner.Given.ShouldBe(["Tess"]);
        settings.Consumer.Practitioner.Prefix.ShouldBe(["Dr"]);
        settings.Tls.ClientCertificate.ShouldBeNull();
        settings.Tls.ValidateServerCertificate.ShouldBeTrue();
        settings.Http.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        settings.Jwt.ClockSkewLeewaySeconds.ShouldBe(120);
        settings.Jwt.ValidateIat.ShouldBeTrue();
        settings.Expectations.ServiceTypeMax.ShouldBe(1);
        settings.ExpectedCapabilityVersion.ShouldBe("1.2.7");
        settings.Reports.Directory.ShouldBe("reports");
        settings.SourceFile.ShouldBe(RepositoryPaths.DefaultConfig);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("1.2.4", "1.2.3")]
    [InlineData("1.2.7", "1.2.7")]
    public void Expected_capability_version_comes_from_the_spec_version_table(string specVersion, string expected) =>
        TestSettings.Default(("specVersion", specVersion)).ExpectedCapabilityVersion.ShouldBe(expected);

    [Fact]
    public void Configured_capability_version_wins_over_the_table() =>
        TestSettings.Default(("specVersion", "1.2.4"), ("expectations:capabilityVersion", "1.2.4-beta"))
            .ExpectedCapabilityVersion.ShouldBe("1.2.4-beta");

    [Fact]
    public void Overrides_win_and_can_add_list_items()
    {
        var settings = TestSettings.Default(
            ("provider:embedded:faults:0", "missing-etag"),
            ("provider:embedded:faults:1", "wrong-version"),
            ("http:timeoutSeconds", "2.5"),
            ("provider:allowWrites", "false"));

        settings.Provider.Embedded.Faults.ShouldBe(["missing-etag", "wrong-version"]);
        settings.Http.Timeout.ShouldBe(TimeSpan.FromSeconds(2.5));
        settings.Provider.AllowWrites.ShouldBeFalse();
    }

    [Fact]
    public void Environment_variables_use_the_prefix_and_double_underscore()
    {
        var prefix = "GPCCTEST" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "CONSUMER__ASID", "123456789012");
        Environment.SetEnvironmentVariable(prefix + "SPECVERSION", "1.2.3");
        try
        {
            var settings = SettingsLoader.Load(RepositoryPaths.DefaultConfig, [new("specVersion", "1.2.4")], prefix);
            settings.Consumer.Asid.ShouldBe("123456789012");
            settings.SpecVersion.ShouldBe("1.2.4", "command-line overrides win over the environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "CONSUMER__ASID", null);
            Environment.SetEnvironmentVariable(prefix + "SPECVERSION", null);
        }
    }

    [Fact]
    public void Command_line_arguments_become_overrides()
    {
        var overrides = SettingsLoader.ParseOverrides(["specVersion=1.2.3", "--provider:asid", "111", "provider:embedded:faults:0=x"]);

        overrides.ShouldContain(new KeyValuePair<string, string?>("specVersion", "1.2.3"));
        overrides.ShouldContain(new KeyValuePair<string, string?>("provider:asid", "111"));
        overrides.ShouldContain(new KeyValuePair<string, string?>("provider:embedded:faults:0", "x"));
        TestSettings.Default(overrides.Select(o => (o.Key, o.Value)).ToArray()).Provider.Asid.ShouldBe("111");
    }

    // These tests use a role group of their own ("loaderTests") so the roles config/default.json maps for the suite
    // cannot change their outcome.
    [Fact]
    public void Test_data_is_grouped_by_role()
    {
        var settings = TestSettings.Default(
            ("testData:loaderTests:sensitive:nhsNumber", "9658218873"),
            ("testData:loaderTests:sensitive:logicalId", "7"),
            ("testData:loaderTests:baseline:nhsNumber", "9658218881"),
            ("testData:loaderTests:baseline://", "a comment"));

        settings.TestData["loaderTests.sensitive"]["nhsNumber"].ShouldBe("9658218873");
        settings.TestData["loaderTests.sensitive"]["logicalId"].ShouldBe("7");
        settings.TestData["loaderTests.baseline"].Keys.ShouldBe(["nhsNumber"]);
        settings.GetTestData("loaderTests:sensitive", "nhsNumber").ShouldBe("9658218873");
        settings.TestDataSection["loaderTests:baseline:nhsNumber"].ShouldBe("9658218881");
        settings.TryGetTestData("loaderTests.baseline", "logicalId", out _).ShouldBeFalse();
    }

    [Fact]
    public void Missing_test_data_names_the_key_and_the_file()
    {
        var settings = TestSettings.Default();

        var error = Should.Throw<ConfigurationException>(() => settings.GetTestData("loaderTests.sensitive", "nhsNumber"));

        error.Key.ShouldBe("testData:loaderTests:sensitive:nhsNumber");
        error.File.ShouldBe(RepositoryPaths.DefaultConfig);
        error.Message.ShouldContain("testData:loaderTests:sensitive:nhsNumber is not configured");
    }

    [Fact]
    public void Redacted_masks_secrets_and_is_ordered()
    {
        var settings = TestSettings.Default(
            ("tls:clientCertificatePassword", "hunter2"),
            ("testData:accounts:x:apiToken", "abc"),
            ("testData:accounts:x:mySecretValue", "def"));

        var pairs = settings.Redacted();

        pairs.ShouldContain(new KeyValuePair<string, string>("tls:clientCertificatePassword", "***"));
        pairs.ShouldContain(new KeyValuePair<string, string>("testData:accounts:x:apiToken", "***"));
        pairs.ShouldContain(new KeyValuePair<string, string>("testData:accounts:x:mySecretValue", "***"));
        pairs.ShouldContain(new KeyValuePair<string, string>("consumer:asid", "200000000359"));
        pairs.ShouldContain(new KeyValuePair<string, string>("sourceFile", RepositoryPaths.DefaultConfig));
        pairs.Select(p => p.Value).ShouldNotContain("hunter2");
        pairs.Select(p => p.Key).ShouldBe(pairs.Select(p => p.Key).OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Empty_password_is_not_masked_so_reports_show_it_is_unset() =>
        TestSettings.Default().Redacted().ShouldContain(new KeyValuePair<string, string>("tls:clientCertificatePassword", ""));

    [Fact]
    public void Example_provider_config_loads_once_its_certificate_paths_exist()
    {
        using var temp = new TempDirectory();
        using var ca = Client.Tls.TestCertificateAuthority.Create();
        using var client = ca.IssueClientCertificate();
        var pfx = temp.File("client.pfx");
        Client.Tls.TestCertificateAuthority.ExportPfx(client, pfx, "pw");
        var caPem = temp.File("ca.pem");
        ca.ExportCaCertificatePem(caPem);

        var settings = SettingsLoader.Load(RepositoryPaths.ExampleConfig,
            [new("tls:clientCertificate", pfx), new("tls:clientCertificatePassword", "pw"), new("tls:trustedCaCertificate", caPem)],
            environmentPrefix: null);

        settings.Provider.Target.ShouldBe(ProviderTarget.Remote);
        settings.Provider.FhirBaseUrl!.ToString().ShouldStartWith("https://");
        settings.Tls.ClientCertificate.ShouldBe(pfx);
        settings.Redacted().Select(p => p.Key).ShouldNotContain(k => ConfigurationComments.IsComment(k));
        settings.TestData.Keys.ShouldContain("patients.baseline");
        settings.TestData.Keys.ShouldContain("patients.sensitive");
    }

    [Fact]
    public void Example_provider_config_documents_every_default_key()
    {
        var defaults = LeafKeys(RepositoryPaths.DefaultConfig);
        var example = LeafKeys(RepositoryPaths.ExampleConfig);

        defaults.Except(example).ShouldBeEmpty();
        // Every section of the example carries a comment.
        foreach (var section in new[] { "provider", "consumer", "tls", "http", "jwt", "expectations", "reports", "testData" })
            example.ShouldContain($"{section}://");
    }

    private static HashSet<string> LeafKeys(string file) =>
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddJsonFile(file).Build().AsEnumerable()
            .Where(p => p.Value is not null || p.Key.EndsWith("faults", StringComparison.Ordinal))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
