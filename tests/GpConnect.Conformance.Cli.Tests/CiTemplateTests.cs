using System.Text.RegularExpressions;
using System.Xml.Linq;
using GpConnect.Conformance.Cli.Commands;
using GpConnect.Conformance.Specs.Hosting;
using Shouldly;

namespace GpConnect.Conformance.Cli.Tests;

/// <summary>
/// The CI gate templates in docs/ci: the suite invocations they contain parse with the CLI's own option parser and
/// bind every step in a dry run (with both baselines the templates can pass: none, or the previous run's folder), they
/// gate on new failures, install the package and command that `dotnet pack` makes, publish junit.xml and upload the
/// evidence under the name they download the baseline from.
/// </summary>
public sealed partial class CiTemplateTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("gpcc-ci-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string> Templates => new() { "github-actions.yml", "azure-pipelines.yml" };

    private static string Root => RepositoryLayout.RequireRoot();

    private static string Template(string name) => File.ReadAllText(Path.Combine(Root, "docs", "ci", name));

    private static XElement CliProject() => XElement.Load(Path.Combine(Root, "src", "GpConnect.Conformance.Cli", "GpConnect.Conformance.Cli.csproj"));

    private static string Property(string name) => CliProject().Descendants(name).Single().Value;

    /// <summary>The suite invocations: lines (not comments) that call gpconnect-conformance with options.</summary>
    private static List<string> Invocations(string yaml) =>
        yaml.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#'))
            .Select(l => Invocation().Match(l)).Where(m => m.Success).Select(m => m.Groups["args"].Value).ToList();

    /// <summary>Splits a shell command line's words (double quotes group) and expands the variables the templates use.</summary>
    private static List<string> Words(string commandLine, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        foreach (Match m in Word().Matches(commandLine))
        {
            var quoted = m.Groups["q"].Success;
            var text = Variable().Replace(quoted ? m.Groups["q"].Value : m.Value, v =>
                variables.TryGetValue(v.Groups["name"].Value, out var value) ? value : throw new ShouldAssertException($"unknown variable {v.Value} in: {commandLine}"));
            if (quoted) words.Add(text);
            else words.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return words;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task The_suite_invocations_parse_and_bind_with_either_baseline(string template)
    {
        var yaml = Template(template);
        var invocations = Invocations(yaml);
        invocations.ShouldNotBeEmpty($"{template} runs the suite");
        yaml.ShouldContain("COMPARE=\"--no-compare\"");
        yaml.ShouldContain("COMPARE=\"--compare $latest\"");
        var baseline = Directory.CreateDirectory(Path.Combine(_temp, "baseline", "20260101-020000")).FullName;

        foreach (var invocation in invocations)
            foreach (var compare in new[] { "--no-compare", $"--compare {baseline}" })
            {
                var args = Words(invocation, new Dictionary<string, string>
                {
                    ["CONFORMANCE_CONFIG"] = Path.Combine(Root, "config", "default.json"),
                    ["CONFORMANCE_SPEC_VERSION"] = "1.2.7",
                    ["COMPARE"] = compare,
                });
                var (options, error) = RunOptions.Parse(args);
                error.ShouldBeNull(invocation);
                options!.FailOn.ShouldBe("new", $"{template} gates on new failures");
                options.ConfigFile.ShouldNotBeNull();
                options.SpecVersion.ShouldBe("1.2.7");

                var (stdout, stderr) = (new StringWriter(), new StringWriter());
                var code = await CommandDispatcher.RunAsync([.. args, "--dry-run"], stdout, stderr);
                code.ShouldBe(CommandDispatcher.Ok, $"{template}: {string.Join(' ', args)}\n{stderr}\n{stdout}");
            }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Installs_the_packed_tool_publishes_junit_and_keeps_the_evidence(string template)
    {
        var yaml = Template(template);
        var install = yaml.Split('\n').Single(l => l.Contains("dotnet tool install", StringComparison.Ordinal));
        install.TrimEnd().ShouldEndWith(" " + Property("PackageId"));
        Invocations(yaml).ShouldNotBeEmpty();
        yaml.ShouldContain(".gpcc/" + Property("ToolCommandName") + " ");
        yaml.ShouldContain("reports/*/junit.xml");
        yaml.ShouldContain("conformance-evidence");
        Regex.Matches(yaml, "conformance-evidence").Count.ShouldBeGreaterThanOrEqualTo(2, "uploaded and downloaded as the baseline under one name");
    }

    [Fact]
    public void The_readme_links_both_templates()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (var template in new[] { "docs/ci/github-actions.yml", "docs/ci/azure-pipelines.yml" }) readme.ShouldContain($"]({template})");
    }

    [Fact]
    public void The_word_splitter_follows_the_shell() =>
        Words("--config \"$A\" --tags \"@x and @y\" $B", new Dictionary<string, string> { ["A"] = "a b", ["B"] = "--compare c" })
            .ShouldBe(["--config", "a b", "--tags", "@x and @y", "--compare", "c"]);

    [GeneratedRegex(@"gpconnect-conformance\s+(?<args>--.*)$")]
    private static partial Regex Invocation();

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
