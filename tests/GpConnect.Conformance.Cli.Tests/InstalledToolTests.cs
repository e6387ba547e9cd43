using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// Installed as a .NET tool the suite finds features/ and config/ beside its own binaries and writes under the current
/// directory; in a checkout both are the checkout. <c>init</c> writes the documented provider configuration.
/// (That the packed tool really installs and runs green from an empty folder is proven by .ci/run.)
/// </summary>
public sealed class InstalledToolTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-tool-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_temp, name)).FullName;

    private string InstalledBinaries()
    {
        var bin = Folder("tool");
        Directory.CreateDirectory(Path.Combine(bin, "features"));
        Directory.CreateDirectory(Path.Combine(bin, "config"));
        File.WriteAllText(Path.Combine(bin, "config", "default.json"), "{}");
        File.WriteAllText(Path.Combine(bin, "config", "provider.example.json"), "{ \"//\": \"example\" }");
        return bin;
    }

    [Fact]
    public void Installed_content_comes_from_beside_the_binaries_and_output_goes_to_the_current_directory()
    {
        var (bin, work) = (InstalledBinaries(), Folder("work"));
        var layout = SuiteLayout.Locate(work, bin);
        layout.Installed.ShouldBeTrue();
        layout.ContentRoot.ShouldBe(bin);
        layout.WorkingRoot.ShouldBe(work);
        layout.DefaultConfig.ShouldBe(Path.Combine(bin, "config", "default.json"));
    }

    [Fact]
    public void A_checkout_above_the_current_directory_wins()
    {
        var checkout = Folder("checkout");
        File.WriteAllText(Path.Combine(checkout, RepositoryLayout.SolutionFile), "");
        var inside = Directory.CreateDirectory(Path.Combine(checkout, "features", "core")).FullName;
        var layout = SuiteLayout.Locate(inside, InstalledBinaries());
        layout.Installed.ShouldBeFalse();
        layout.ContentRoot.ShouldBe(checkout);
        layout.WorkingRoot.ShouldBe(checkout);
    }

    [Fact]
    public void The_real_checkout_is_found_from_the_test_binaries() =>
        SuiteLayout.Locate().ContentRoot.ShouldBe(RepositoryLayout.RequireRoot());

    [Fact]
    public void Init_writes_the_example_configuration_and_keeps_an_existing_file()
    {
        var (bin, work) = (InstalledBinaries(), Folder("work"));
        var layout = new SuiteLayout(bin, work, true);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        InitCommand.Run([], stdout, stderr, layout).ShouldBe(CommandDispatcher.Ok);
        var written = Path.Combine(work, InitCommand.DefaultFileName);
        File.ReadAllText(written).ShouldBe(File.ReadAllText(layout.ExampleConfig));
        stdout.ToString().ShouldContain("--config gpconnect-provider.json --check-data");

        File.WriteAllText(written, "mine");
        InitCommand.Run([], stdout, stderr, layout).ShouldBe(CommandDispatcher.BadInput);
        stderr.ToString().ShouldContain("already exists; pass --force");
        File.ReadAllText(written).ShouldBe("mine");

        InitCommand.Run(["--force"], stdout, stderr, layout).ShouldBe(CommandDispatcher.Ok);
        File.ReadAllText(written).ShouldNotBe("mine");
    }

    [Fact]
    public void Init_takes_a_file_name_and_refuses_unknown_options()
    {
        var layout = new SuiteLayout(InstalledBinaries(), Folder("work"), true);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        InitCommand.Run(["conf/my-provider.json"], stdout, stderr, layout).ShouldBe(CommandDispatcher.Ok);
        File.Exists(Path.Combine(layout.WorkingRoot, "conf", "my-provider.json")).ShouldBeTrue();
        InitCommand.Run(["--overwrite"], stdout, stderr, layout).ShouldBe(CommandDispatcher.BadInput);
        stderr.ToString().ShouldContain("unexpected argument \"--overwrite\"");
    }

    [Fact]
    public void The_shipped_example_configuration_is_what_init_writes()
    {
        var layout = SuiteLayout.Locate();
        File.Exists(layout.ExampleConfig).ShouldBeTrue();
        File.ReadAllText(layout.ExampleConfig).ShouldContain("\"//\"");
    }
}
