using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>--as-of, the impact command and the report section for a compared run of another spec version.</summary>
public sealed class AsOfAndImpactCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-cli-asof-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static string DefaultConfig => Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private Task<int> Run(params string[] args) => CommandDispatcher.RunAsync(args, _out, _err);

    private string Features()
    {
        var folder = Path.Combine(_temp, "features");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "capability.feature"), """
            @foundations
            Feature: Capability version smoke
              @CORE-112 @since-1.2.3
              Scenario: The statement carries the version expected for the target
                When the consumer requests the FHIR capability statement
                Then the response status should be 200
                And the capability statement version should be the one expected for the target spec version
            """);
        return folder;
    }

    [Fact]
    public async Task As_of_a_date_the_run_says_so_on_the_console_and_in_the_reports()
    {
        var reports = Path.Combine(_temp, "reports");
        var exit = await Run("--config", DefaultConfig, "--features", Features(), "--reports", reports, "--no-compare", "--as-of", "2028-02-29");

        exit.ShouldBe(0, _out + _err.ToString());
        _out.ToString().ShouldContain("As of 2028-02-29: the suite's dates and the embedded reference provider's clock and seeded practice run as of this day");
        var folder = Directory.GetDirectories(reports).ShouldHaveSingleItem();
        File.ReadAllText(Path.Combine(folder, "results.json")).ShouldContain("2028-02-29: the suite");
        File.ReadAllText(Path.Combine(folder, "report.html")).ShouldContain("2028-02-29: the suite");
    }

    [Theory]
    [InlineData("29/02/2028")]
    [InlineData("2027-02-29")]
    public async Task A_bad_as_of_date_is_one_clear_line_and_exit_code_2(string value)
    {
        var exit = await Run("--config", DefaultConfig, "--as-of", value);

        exit.ShouldBe(2);
        _err.ToString().ShouldContain($"--as-of takes a date written YYYY-MM-DD, not \"{value}\"");
        _err.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Impact_lists_per_scenario_what_changes_between_two_versions()
    {
        var exit = await Run("impact", "1.2.3", "1.2.7");

        exit.ShouldBe(0, _err.ToString());
        var text = _out.ToString();
        text.ShouldContain("Spec-version impact: GP Connect 1.2.3 → 1.2.7");
        text.ShouldContain("Starts applying (");
        text.ShouldContain("[#912]");
        text.ShouldContain("Stops applying (1):");
        text.ShouldContain("CapabilityStatement.version (value): 1.2.3 → 1.2.7  [#905 (was #637)]");
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3", "1.2.5")]
    [InlineData("1.2.3", "1.2.7", "--bogus")]
    public async Task Impact_refuses_anything_but_two_known_versions(params string[] args)
    {
        var exit = await Run(["impact", .. args]);

        exit.ShouldBe(2);
        _err.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_run_compared_with_a_run_of_another_spec_version_gets_the_impact_section_in_report_html()
    {
        var features = Features();
        var reports = Path.Combine(_temp, "reports");
        (await Run("--config", DefaultConfig, "--features", features, "--reports", reports, "--no-compare", "--spec-version", "1.2.3")).ShouldBe(0, _err.ToString());
        var first = Directory.GetDirectories(reports).ShouldHaveSingleItem();
        File.ReadAllText(Path.Combine(first, "report.html")).ShouldNotContain("id=\"version-impact\"");

        (await Run("--config", DefaultConfig, "--features", features, "--reports", reports, "--compare", first, "--spec-version", "1.2.7")).ShouldBe(0, _err.ToString());
        var second = Directory.GetDirectories(reports).Single(d => d != first);
        var html = File.ReadAllText(Path.Combine(second, "report.html"));
        html.ShouldContain("id=\"version-impact\"");
        html.ShouldContain("CapabilityStatement.version (value): 1.2.3 → 1.2.7");
    }
}
