using System.Net;
using System.Net.Sockets;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// The command line as a person meets it: bad input gets one clear message and exit code 2, a broken feature file fails
/// on its own with file:line, an undefined step prints a snippet, an unreachable provider is a failed scenario with the
/// evidence (never a crash or a hang), and a good run writes its reports.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-cli-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private static string Root => RepositoryLayout.RequireRoot();
    private static string DefaultConfig => Path.Combine(Root, "config", "default.json");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private Task<int> Run(params string[] args) => CommandDispatcher.RunAsync(args, _out, _err);

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_temp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string GoodFeature = """
        @core
        Feature: Capability statement smoke
          @CORE-111 @since-1.2.3
          Scenario: The statement comes back
            When the consumer requests the FHIR capability statement
            Then the response status should be 200
        """;

    [Fact]
    public async Task A_run_against_the_embedded_provider_passes_and_writes_its_reports()
    {
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare");

        exit.ShouldBe(0, _out + _err.ToString());
        var runFolder = Directory.GetDirectories(Path.Combine(_temp, "reports")).ShouldHaveSingleItem();
        foreach (var file in new[] { "report.html", "junit.xml", "results.json", "manifest.sha256", "cucumber-messages.ndjson", "cucumber-report.html" })
            File.Exists(Path.Combine(runFolder, file)).ShouldBeTrue(file);
        _out.ToString().ShouldContain("1 passed");
        var manifest = File.ReadAllText(Path.Combine(runFolder, "manifest.sha256"));
        manifest.ShouldContain("  cucumber-messages.ndjson");
        manifest.ShouldContain("  cucumber-report.html");
        File.ReadAllText(Path.Combine(runFolder, "cucumber-messages.ndjson")).ShouldContain("\"testRunFinished\"");
    }

    [Fact]
    public async Task No_cucumber_turns_the_cucumber_messages_and_html_report_off()
    {
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare", "--no-cucumber");

        exit.ShouldBe(0, _out + _err.ToString());
        var runFolder = Directory.GetDirectories(Path.Combine(_temp, "reports")).ShouldHaveSingleItem();
        Directory.GetFiles(runFolder, "cucumber*").ShouldBeEmpty();
        File.Exists(Path.Combine(runFolder, "report.html")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_suppliers_extra_feature_and_binding_assembly_run_beside_the_suite()
    {
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;
        var extra = Path.GetDirectoryName(Write("extensions/features/supplier.feature", """
            @supplier-extension
            Feature: Supplier's own checks
              Scenario: The supplier's binding runs with the suite's steps
                Given the supplier's own step notes the ODS code
                When the consumer requests the FHIR capability statement
                Then the supplier's own check finds the last response has status 200
            """))!;
        var bindingAssembly = typeof(GpConnect.Conformance.ExtensionSample.SupplierSteps).Assembly.Location;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare",
            "--set", $"extensions:features={extra}", "--set", $"extensions:bindingAssemblies:0={bindingAssembly}");

        exit.ShouldBe(0, _out + _err.ToString());
        _out.ToString().ShouldContain("2 passed");
        var runFolder = Directory.GetDirectories(Path.Combine(_temp, "reports")).ShouldHaveSingleItem();
        var results = File.ReadAllText(Path.Combine(runFolder, "results.json"));
        results.ShouldContain("extensions/features/supplier.feature");
        results.ShouldContain("supplier note");
    }

    [Fact]
    public async Task An_extra_binding_assembly_that_does_not_exist_is_a_configuration_error()
    {
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare",
            "--set", "extensions:bindingAssemblies:0=no-such-steps.dll");

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("extensions:bindingAssemblies:0");
    }

    [Fact]
    public async Task A_missing_config_key_is_one_message_naming_the_key_and_the_file()
    {
        var config = Write("bad.json", """{ "specVersion": "1.2.7", "provider": { "target": "remote", "fhirBaseUrl": "" } }""");

        var exit = await Run("--config", config, "--reports", Path.Combine(_temp, "reports"));

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("provider:fhirBaseUrl");
        _err.ToString().ShouldContain("bad.json");
    }

    [Fact]
    public async Task An_unsupported_spec_version_is_refused_before_anything_runs()
    {
        var exit = await Run("--config", DefaultConfig, "--spec-version", "1.2.5");

        exit.ShouldBe(2);
        _err.ToString().ShouldContain("specVersion");
    }

    [Fact]
    public async Task A_broken_feature_file_fails_with_file_and_line_while_the_other_features_still_run()
    {
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;
        Write("features/broken.feature", "Feature: Broken\n  Scenario: fine\n    Given something\n  Scenaro: typo\n");

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare");

        exit.ShouldBe(1);
        _err.ToString().ShouldContain("broken.feature:4");
        _out.ToString().ShouldContain("1 passed");
    }

    [Fact]
    public async Task The_dry_run_fails_on_an_undefined_step_and_prints_a_snippet()
    {
        var features = Path.GetDirectoryName(Write("features/undefined.feature", """
            Feature: Undefined
              @CORE-111 @since-1.2.3
              Scenario: A step nobody wrote
                When the consumer sends 3 carrier pigeons to "the practice"
            """))!;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--dry-run");

        exit.ShouldBe(1);
        _out.ToString().ShouldContain("Undefined");
        _out.ToString().ShouldContain("[When(");
    }

    [Fact]
    public async Task The_dry_run_of_the_suite_binds_every_step()
    {
        var exit = await Run("--config", DefaultConfig, "--dry-run");

        exit.ShouldBe(0, _out.ToString());
    }

    [Fact]
    public async Task An_unreachable_provider_is_a_failed_scenario_with_the_evidence_not_a_crash()
    {
        var port = FreePort();
        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;

        var exit = await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--no-compare",
            "--set", "provider:target=remote", "--set", $"provider:fhirBaseUrl=http://127.0.0.1:{port}/A20047/STU3/1/gpconnect",
            "--set", "http:timeoutSeconds=5");

        exit.ShouldBe(1);
        _out.ToString().ShouldContain("1 failed");
        var results = File.ReadAllText(Path.Combine(Directory.GetDirectories(Path.Combine(_temp, "reports")).Single(), "results.json"));
        results.ShouldContain("did not answer");
    }

    [Fact]
    public async Task Unknown_options_and_faults_are_clear_errors()
    {
        (await Run("--colour", "blue")).ShouldBe(2);
        _err.ToString().ShouldContain("--colour");

        var features = Path.GetDirectoryName(Write("features/smoke.feature", GoodFeature))!;
        (await Run("--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--fault", "no-such-fault")).ShouldBe(2);
        _err.ToString().ShouldContain("no-such-fault");
    }

    [Fact]
    public async Task A_tag_expression_that_does_not_parse_is_refused()
    {
        (await Run("--config", DefaultConfig, "--tags", "@a and and @b")).ShouldBe(2);
        _err.ToString().ShouldContain("--tags");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Gating for pipelines: --fail-on new against the previous run, and waivers with an expiry date.</summary>
public sealed class GatingTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-gate-").FullName;
    private static string DefaultConfig => Path.Combine(RepositoryLayout.RequireRoot(), "config", "default.json");

    private const string VersionFeature = """
        @foundations
        Feature: Capability version
          @CORE-112 @since-1.2.3
          Scenario: The capability statement version is the expected one
            When the consumer requests the FHIR capability statement
            Then the capability statement version should be the one expected for the target spec version
        """;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private async Task<(int Exit, string Out)> Run(params string[] extra)
    {
        var features = Path.Combine(_temp, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "version.feature"), VersionFeature);
        var stdout = new StringWriter();
        string[] args = ["--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--fault", "capability-wrong-version", .. extra];
        var exit = await CommandDispatcher.RunAsync(args, stdout, new StringWriter());
        await Task.Delay(1100); // run folders are named to the second
        return (exit, stdout.ToString());
    }

    [Fact]
    public async Task Fail_on_new_passes_a_known_failure_and_the_default_gate_does_not()
    {
        (await Run("--no-compare")).Exit.ShouldBe(1);

        (await Run("--fail-on", "new")).Exit.ShouldBe(0);
        (await Run()).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task A_current_waiver_turns_the_failure_into_waived_and_an_expired_one_does_not()
    {
        var current = Path.Combine(_temp, "current.json");
        File.WriteAllText(current, """{ "waivers": [ { "tag": "@CORE-112", "reason": "known", "owner": "qa", "expires": "2999-12-31" } ] }""");
        var expired = Path.Combine(_temp, "expired.json");
        File.WriteAllText(expired, """{ "waivers": [ { "tag": "@CORE-112", "reason": "known", "owner": "qa", "expires": "2001-01-01" } ] }""");

        var waived = await Run("--no-compare", "--waivers", current);
        waived.Exit.ShouldBe(0);
        waived.Out.ShouldContain("1 waived");

        (await Run("--no-compare", "--waivers", expired)).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task A_waiver_for_a_tag_no_scenario_has_stops_the_run_naming_it()
    {
        var typo = Path.Combine(_temp, "typo.json");
        File.WriteAllText(typo, """{ "waivers": [ { "tag": "@CORE-1122", "reason": "known", "owner": "qa", "expires": "2999-12-31" } ] }""");

        var features = Path.Combine(_temp, "features");
        Directory.CreateDirectory(features);
        File.WriteAllText(Path.Combine(features, "version.feature"), VersionFeature);
        var stderr = new StringWriter();
        var exit = await CommandDispatcher.RunAsync(["--config", DefaultConfig, "--features", features, "--reports", Path.Combine(_temp, "reports"), "--waivers", typo], new StringWriter(), stderr);

        exit.ShouldBe(2);
        stderr.ToString().ShouldContain("waivers[0] names tag @CORE-1122, which matches no scenario");
        stderr.ToString().ShouldContain("did you mean @CORE-112?");
    }
}
