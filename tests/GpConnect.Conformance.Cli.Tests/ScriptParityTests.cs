using System.Text.RegularExpressions;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// <c>run-tests.ps1</c> (the README's Windows command) and <c>run-tests.sh</c> are thin mirrors: for the same arguments,
/// called from the same folder, they exit with the same code and print the same thing (once run folder names and
/// timings are set aside). Each case also pins the exit code the README promises (0 passed, 1 failed, 2 bad input).
/// Needs PowerShell 7: <c>GPCC_PWSH</c>, else <c>artifacts/tools/pwsh</c> (where <c>.ci/run</c> installs it with
/// <c>dotnet tool install PowerShell --version 7.6.10 --tool-path artifacts/tools</c>), else <c>pwsh</c> on the PATH.
/// </summary>
public sealed partial class ScriptParityTests : IDisposable
{
    private readonly string _caller = Directory.CreateTempSubdirectory("gpcc scripts ").FullName;
    private static string Root => RepositoryLayout.RequireRoot();

    public void Dispose() => Directory.Delete(_caller, recursive: true);

    private string Reports => Path.Combine(_caller, "report folder");

    public static IEnumerable<TheoryDataRow<string, int, string[]>> Cases() =>
    [
        new("one ticket passes", 0, ["--tags", "@ticket-905 and not @writes", "--no-compare", "--reports", "{reports}"]) ,
        new("a provider fault fails the run", 1, ["--tags", "@ticket-905", "--fault", "capability-wrong-version", "--no-compare", "--reports", "{reports}"]),
        new("an unknown option is bad input", 2, ["--colour", "blue"]),
        new("an empty option value is bad input", 2, ["--spec-version", "", "--tags", "@ticket-905"]),
        new("the faults list", 0, ["faults"]),
        new("a config path with spaces", 0, ["--config", "{caller}/my provider.json", "--tags", "@ticket-905", "--no-compare", "--reports", "{reports}",
            "--set", "consumer:organisationName=GP Connect \"Conformance\" (test)"]),
        new("a config file that does not exist is bad input", 2, ["--config", "{caller}/no such provider.json"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Both_scripts_give_the_same_result(string what, int expectedExit, string[] arguments)
    {
        var (pwsh, bash) = Shells();
        File.Copy(Path.Combine(Root, "config", "default.json"), Path.Combine(_caller, "my provider.json"));
        var args = arguments.Select(a => a.Replace("{reports}", Reports).Replace("{caller}", _caller)).ToArray();

        var sh = await ChildProcess.RunAsync(bash, [Path.Combine(Root, "run-tests.sh"), .. args], _caller);
        var ps = await ChildProcess.RunAsync(pwsh, ["-NoLogo", "-NoProfile", "-NonInteractive", "-File", Path.Combine(Root, "run-tests.ps1"), .. args], _caller);

        sh.ExitCode.ShouldBe(expectedExit, $"run-tests.sh, {what}: {sh}");
        ps.ExitCode.ShouldBe(sh.ExitCode, $"run-tests.ps1, {what}: {ps}");
        Normalise(ps.Out).ShouldBe(Normalise(sh.Out), $"stdout, {what}");
        Normalise(ps.Err).ShouldBe(Normalise(sh.Err), $"stderr, {what}");
    }

    [Fact]
    public async Task A_relative_config_path_means_the_same_to_both_scripts()
    {
        // Which folder a relative --config is read from is the command line's business (the caller's folder); the scripts
        // must not differ on it.
        var (pwsh, bash) = Shells();
        File.Copy(Path.Combine(Root, "config", "default.json"), Path.Combine(_caller, "my provider.json"));
        string[] args = ["--config", "my provider.json", "--tags", "@ticket-905", "--no-compare", "--reports", Reports];

        var sh = await ChildProcess.RunAsync(bash, [Path.Combine(Root, "run-tests.sh"), .. args], _caller);
        var ps = await ChildProcess.RunAsync(pwsh, ["-NoLogo", "-NoProfile", "-NonInteractive", "-File", Path.Combine(Root, "run-tests.ps1"), .. args], _caller);

        ps.ExitCode.ShouldBe(sh.ExitCode, $"run-tests.sh: {sh}\nrun-tests.ps1: {ps}");
        Normalise(ps.Out).ShouldBe(Normalise(sh.Out));
        Normalise(ps.Err).ShouldBe(Normalise(sh.Err));
    }

    /// <summary>Run folders are named by the second and runs take their own time: both are set aside.</summary>
    private static string Normalise(string output)
    {
        var text = output.Replace("\r\n", "\n");
        text = RunFolder().Replace(text, "<run>");
        text = Duration().Replace(text, "<time>");
        return text.TrimEnd();
    }

    [GeneratedRegex(@"\b\d{8}-\d{6}(-\d+)?\b")]
    private static partial Regex RunFolder();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(ms|s|seconds)\b")]
    private static partial Regex Duration();

    private static (string Pwsh, string Bash) Shells()
    {
        var pwsh = FindPwsh();
        if (pwsh is null)
            Assert.Skip("PowerShell 7 (pwsh) is not installed, so run-tests.ps1 cannot be compared with run-tests.sh. Install it with " +
                "\"dotnet tool install PowerShell --version 7.6.10 --tool-path artifacts/tools\" (.ci/run does), or set GPCC_PWSH.");
        var bash = OnPath("bash");
        if (bash is null) Assert.Skip("bash is not installed, so run-tests.sh cannot be compared with run-tests.ps1.");
        return (pwsh, bash);
    }

    private static string? FindPwsh()
    {
        var configured = System.Environment.GetEnvironmentVariable("GPCC_PWSH");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var local = Path.Combine(Root, "artifacts", "tools", OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        return File.Exists(local) ? local : OnPath("pwsh");
    }

    private static string? OnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? [program + ".exe", program] : new[] { program };
        return (System.Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}
