using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// Audit findings 5, 6, 7, 8 and 16 at the command line: one clear line and exit code 2, never a stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-bad-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static string Root => RepositoryLayout.RequireRoot();
    private static string DefaultConfig => Path.Combine(Root, "config", "default.json");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private Task<int> Run(params string[] args) => CommandDispatcher.RunAsync(args, _out, _err, new RunInterruption());

    private string Features()
    {
        var folder = Path.Combine(_temp, "features");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "smoke.feature"), """
            @core
            Feature: Smoke
              @CORE-111 @since-1.2.3
              Scenario: The statement comes back
                When the consumer requests the FHIR capability statement
                Then the response status should be 200
            """);
        return folder;
    }

    private void ShouldBeOneClearLine()
    {
        _err.ToString().ShouldNotContain("   at ");
        _err.ToString().ShouldNotContain("Exception");
    }

    [Fact]
    public async Task The_same_key_set_twice_does_not_crash_and_the_last_wins()
    {
        var exit = await Run("--config", DefaultConfig, "--features", Features(), "--dry-run",
            "--set", "http:timeoutSeconds=5", "--set", "http:timeoutSeconds=6", "--spec-version", "1.2.4", "--set", "specVersion=1.2.7");

        exit.ShouldBe(0, _err.ToString());
        ShouldBeOneClearLine();
    }

    [Fact]
    public async Task A_misspelt_key_in_the_config_file_stops_the_run_naming_key_file_and_suggestion()
    {
        var config = Path.Combine(_temp, "typo.json");
        File.WriteAllText(config, File.ReadAllText(DefaultConfig).Replace("\"allowWrites\"", "\"allowWrite\""));

        var exit = await Run("--config", config, "--features", Features(), "--reports", Path.Combine(_temp, "reports"));

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("typo.json");
        _err.ToString().ShouldContain("provider:allowWrite is not a configuration key");
        _err.ToString().ShouldContain("did you mean provider:allowWrites?");
        Directory.Exists(Path.Combine(_temp, "reports")).ShouldBeFalse("nothing ran");
    }

    [Fact]
    public async Task The_dotted_set_form_of_the_readme_is_applied()
    {
        var exit = await Run("--config", DefaultConfig, "--features", Features(), "--dry-run", "--set", "provider.allowWrites=flase");

        exit.ShouldBe(2, "the dotted key reached the loader, which checked its value");
        _err.ToString().ShouldContain("provider:allowWrites must be true or false");
    }

    [Fact]
    public async Task A_reports_folder_that_is_a_file_is_a_clear_error()
    {
        var file = Path.Combine(_temp, "reports-file");
        File.WriteAllText(file, "not a folder");

        var exit = await Run("--config", DefaultConfig, "--features", Features(), "--no-compare", "--reports", file);

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("reports:directory");
        ShouldBeOneClearLine();
    }

    [Fact]
    public async Task A_reports_folder_that_cannot_be_created_is_a_clear_error()
    {
        var file = Path.Combine(_temp, "a-file");
        File.WriteAllText(file, "x");

        var exit = await Run("--config", DefaultConfig, "--features", Features(), "--no-compare", "--reports", Path.Combine(file, "reports"));

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("cannot hold a run folder");
        ShouldBeOneClearLine();
    }

    [Fact]
    public async Task A_relative_config_path_is_resolved_against_the_current_directory_of_the_command()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "gpconnect-conformance.dll");
        if (!File.Exists(cli)) Assert.Skip($"The command line binary is not beside the tests ({cli}).");
        var caller = Path.Combine(_temp, "caller");
        Directory.CreateDirectory(caller);
        File.WriteAllText(Path.Combine(caller, "mine.json"), File.ReadAllText(DefaultConfig).Replace("\"specVersion\": \"1.2.7\"", "\"specVersion\": \"9.9.9\""));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = caller };
        foreach (var a in new[] { cli, "--config", "mine.json", "--features", Features(), "--dry-run" }) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(2, stderr);
        stderr.ShouldContain("mine.json", customMessage: "the caller's mine.json was read (its bad specVersion is reported)");
        stderr.ShouldContain("9.9.9");
    }
}
