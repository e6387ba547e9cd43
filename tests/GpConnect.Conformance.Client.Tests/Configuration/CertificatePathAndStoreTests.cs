using System.Security.Cryptography.X509Certificates;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Tests.Support;
using GpConnect.Conformance.Client.Tls;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Configuration;

/// <summary>
/// Certificates named the way Windows users name them: paths written with backslashes, resolved beside the
/// configuration file, and certificates in the operating system's certificate store by thumbprint. (Loading a
/// certificate that really is in a store is tested end to end, in an isolated store, by the command line's tests.)
/// </summary>
public sealed class CertificatePathAndStoreTests : IDisposable
{
    private const string Thumbprint = "3B1EFD3A66EA28B16697394703A72CA340A05BD5";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string ConfigFile(string folder = "")
    {
        var directory = Path.Combine(_temp.Path, folder);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "provider.json");
        File.WriteAllText(file, TestSettings.DefaultJson().ToJsonString());
        return file;
    }

    private static ConformanceSettings Load(string file, params (string Key, string Value)[] overrides) =>
        SettingsLoader.Load(file, overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)), environmentPrefix: null);

    private static ConfigurationProblem SingleProblem(string file, params (string Key, string Value)[] overrides)
    {
        var error = Should.Throw<ConfigurationException>(() => Load(file, overrides));
        error.Problems.Count.ShouldBe(1, error.Message);
        error.Message.ShouldStartWith(file + ": ");
        error.Message.ShouldNotContain("\n");
        return error.Problems[0];
    }

    [Fact]
    public void Windows_style_relative_paths_resolve_beside_the_configuration_file()
    {
        var file = ConfigFile("my config");
        var certs = Path.Combine(Path.GetDirectoryName(file)!, "certs");
        Directory.CreateDirectory(certs);
        using var ca = TestCertificateAuthority.Create();
        using var client = ca.IssueClientCertificate();
        TestCertificateAuthority.ExportPfx(client, Path.Combine(certs, "ssp-client.pfx"), "pw");
        ca.ExportCaCertificatePem(Path.Combine(certs, "provider-ca.pem"));

        var settings = Load(file, ("tls:clientCertificate", @"certs\ssp-client.pfx"), ("tls:clientCertificatePassword", "pw"),
            ("tls:trustedCaCertificate", @".\certs\provider-ca.pem"));

        settings.Tls.ClientCertificate.ShouldBe(Path.Combine(certs, "ssp-client.pfx"));
        settings.Tls.TrustedCaCertificate.ShouldBe(Path.Combine(certs, "provider-ca.pem"));
        using var loaded = ClientTlsOptions.FromSettings(settings.Tls).ClientCertificate;
        loaded!.Thumbprint.ShouldBe(client.Thumbprint);
    }

    [Fact]
    public void A_missing_windows_style_file_is_named_as_written()
    {
        var problem = SingleProblem(ConfigFile(), ("tls:clientCertificate", @"certs\nope.pfx"));

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldStartWith(@"tls:clientCertificate names a file that does not exist: ""certs\nope.pfx""");
    }

    [Theory]
    [InlineData(@"C:\certs\ssp-client.pfx")]
    [InlineData("D:/certs/ssp-client.pfx")]
    [InlineData(@"\\fileserver\certs\ssp-client.pfx")]
    public void A_windows_drive_or_network_path_is_refused_clearly_elsewhere(string path)
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("On Windows such a path is an ordinary path.");

        var problem = SingleProblem(ConfigFile(), ("tls:clientCertificate", path));

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldBe($"tls:clientCertificate is a Windows path (\"{path}\") and this system is not Windows; write it relative to the configuration file's folder, or as a path of this system");
    }

    [Fact]
    public void A_single_backslash_that_json_read_as_an_escape_is_explained()
    {
        // In the file: "C:\temp\new.pfx", which JSON reads with a tab and a line break in it.
        var json = TestSettings.DefaultJson();
        json["tls"]!["clientCertificate"] = "C:\temp\new.pfx"; // C# reads \t and \n as JSON does
        var file = _temp.Write("tabs.json", json.ToJsonString());
        File.ReadAllText(file).ShouldContain(@"""C:\temp\new.pfx""");

        var problem = SingleProblem(file);

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldBe(@"tls:clientCertificate contains a line break, tab or other control character (""C:\temp\new.pfx""); in JSON write a backslash twice (certs\\client.pfx) or use /");
    }

    [Fact]
    public void The_reports_folder_may_be_written_windows_style()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Windows reads both separators.");
        Load(ConfigFile(), ("reports:directory", @"reports\nightly")).Reports.Directory.ShouldBe("reports/nightly");
    }

    [Theory]
    [InlineData("store:CurrentUser/My/3B1EFD3A66EA28B16697394703A72CA340A05BD5", StoreLocation.CurrentUser, "My")]
    [InlineData(@"store:LocalMachine\My\3b1efd3a66ea28b16697394703a72ca340a05bd5", StoreLocation.LocalMachine, "My")]
    [InlineData(@"Cert:\CurrentUser\Root\3B 1E FD 3A 66 EA 28 B1 66 97 39 47 03 A7 2C A3 40 A0 5B D5", StoreLocation.CurrentUser, "Root")]
    [InlineData("store:currentuser/certificateauthority/\u200e3B1EFD3A66EA28B16697394703A72CA340A05BD5", StoreLocation.CurrentUser, "CA")]
    [InlineData("store:CurrentUser/TrustedPeople/3B:1E:FD:3A:66:EA:28:B1:66:97:39:47:03:A7:2C:A3:40:A0:5B:D5", StoreLocation.CurrentUser, "TrustedPeople")]
    public void Store_references_are_read_as_certificate_managers_show_them(string text, StoreLocation location, string store)
    {
        CertificateStoreReference.TryParse(text, out var reference, out var error).ShouldBeTrue(error);

        reference.ShouldBe(new CertificateStoreReference(location, store, Thumbprint));
        reference.ToString().ShouldBe($"store:{location}/{store}/{Thumbprint}");
    }

    [Theory]
    [InlineData("store:CurrentUser/3B1EFD3A66EA28B16697394703A72CA340A05BD5", "not as location/store/thumbprint")]
    [InlineData("store:Everyone/My/3B1EFD3A66EA28B16697394703A72CA340A05BD5", "the store location \"Everyone\"; use CurrentUser or LocalMachine")]
    [InlineData("store:CurrentUser/My Certs/3B1EFD3A66EA28B16697394703A72CA340A05BD5", "the store \"My Certs\"")]
    [InlineData("store:CurrentUser/My/3B1EFD3A66EA28B1", "a thumbprint is the certificate's 40 hexadecimal digits")]
    [InlineData("store:CurrentUser/My/ZZ1EFD3A66EA28B16697394703A72CA340A05BD5", "a thumbprint is the certificate's 40 hexadecimal digits")]
    public void A_malformed_store_reference_is_one_line_naming_the_key(string text, string expected)
    {
        var problem = SingleProblem(ConfigFile(), ("tls:clientCertificate", text));

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldStartWith("tls:clientCertificate ");
        problem.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_trusted_ca_store_reference_that_is_malformed_names_its_own_key()
    {
        var problem = SingleProblem(ConfigFile(), ("tls:trustedCaCertificate", "store:CurrentUser/Root"));
        problem.Key.ShouldBe("tls:trustedCaCertificate");
    }

    [Fact]
    public void A_store_that_cannot_be_opened_here_is_one_line_naming_the_key()
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("Windows and macOS have a LocalMachine/My store every user may read.");

        // .NET on Linux keeps no LocalMachine/My store: the loader says so instead of failing later.
        var problem = SingleProblem(ConfigFile(), ("tls:clientCertificate", $"store:LocalMachine/My/{Thumbprint}"));

        problem.Key.ShouldBe("tls:clientCertificate");
        problem.Message.ShouldStartWith("tls:clientCertificate could not be loaded: the LocalMachine/My certificate store");
    }
}
