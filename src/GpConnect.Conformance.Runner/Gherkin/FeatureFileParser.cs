using System.Globalization;
using System.Text.RegularExpressions;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using GpConnect.Conformance.Runner.Results;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;
using ScenarioInfo = GpConnect.Conformance.Runner.Results.ScenarioInfo;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Turns the text of one feature file into pickles with Cucumber's parser and pickle compiler (Gherkin 35, the version
/// Reqnroll 3.3.4 is built on), or into load errors. Each file gets one Reqnroll <see cref="FeatureInfo"/> carrying the
/// feature-level Cucumber messages (source, document, pickles), which Reqnroll's formatters need.
/// </summary>
internal static partial class FeatureFileParser
{
    internal sealed record Result(IReadOnlyList<ScenarioDefinition> Scenarios, IReadOnlyList<FeatureLoadError> Errors);

    public static Result Parse(string file, string text, IIdGenerator ids)
    {
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new global::Gherkin.Parser().Parse(new StringReader(text));
        }
        catch (global::Gherkin.CompositeParserException e)
        {
            return new Result([], e.Errors.Select(error => ToLoadError(file, error)).ToList());
        }
        catch (global::Gherkin.ParserException e)
        {
            return new Result([], [ToLoadError(file, e)]);
        }

        if (ast.Feature is null)
            return new Result([], [new FeatureLoadError(file, 1, 1, "The file has no 'Feature:' line, so it holds no scenarios.")]);

        try
        {
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, file);
            var pickles = new PickleCompiler(ids).Compile(document).ToList();
            var index = new DocumentIndex(file, document, text, pickles);
            return new Result(pickles.Select(index.ToScenario).ToList(), []);
        }
        catch (System.Exception e) when (e is global::Gherkin.ParserException or InvalidOperationException or ArgumentException or CultureNotFoundException)
        {
            var location = (e as global::Gherkin.ParserException)?.Location;
            return new Result([], [new FeatureLoadError(file, location?.Line ?? 0, location?.Column ?? 0, StripLocation(e.Message))]);
        }
    }

    private static FeatureLoadError ToLoadError(string file, global::Gherkin.ParserException error) =>
        new(file, error.Location?.Line ?? 0, error.Location?.Column ?? 0, StripLocation(error.Message));

    /// <summary>Gherkin prefixes messages with "(line:column): "; the load error carries those separately.</summary>
    private static string StripLocation(string message) => LocationPrefix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"^\(\d+:\d+\):\s*")]
    private static partial Regex LocationPrefix();

    /// <summary>Looks up document nodes (scenarios, steps, example rows, tags, rules) by id so pickles can be enriched.</summary>
    private sealed class DocumentIndex
    {
        private readonly string _file;
        private readonly Feature _feature;
        private readonly FeatureInfo _featureInfo;
        private readonly Dictionary<string, Scenario> _scenarios = [];
        private readonly Dictionary<string, Rule> _ruleOfScenario = [];
        private readonly Dictionary<string, RuleInfo> _ruleInfos = [];
        private readonly Dictionary<string, Step> _steps = [];
        private readonly Dictionary<string, (TableRow Row, TableRow Header)> _exampleRows = [];
        private readonly HashSet<string> _inheritedTagIds = [];
        private readonly Dictionary<Pickle, int> _pickleIndex = [];

        public DocumentIndex(string file, GherkinDocument document, string text, IReadOnlyList<Pickle> pickles)
        {
            _file = file;
            _feature = document.Feature;
            foreach (var tag in _feature.Tags) _inheritedTagIds.Add(tag.Id);
            foreach (var child in _feature.Children)
            {
                if (child.Background is { } background) AddSteps(background.Steps);
                if (child.Scenario is { } scenario) AddScenario(scenario, null);
                if (child.Rule is { } rule)
                {
                    foreach (var tag in rule.Tags) _inheritedTagIds.Add(tag.Id);
                    foreach (var ruleChild in rule.Children)
                    {
                        if (ruleChild.Background is { } ruleBackground) AddSteps(ruleBackground.Steps);
                        if (ruleChild.Scenario is { } ruleScenario) AddScenario(ruleScenario, rule);
                    }
                }
            }
            for (var i = 0; i < pickles.Count; i++) _pickleIndex[pickles[i]] = i;

            var slash = file.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : file[..slash];
            var messages = new FeatureMessages(new Source(file, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
            _featureInfo = new FeatureInfo(CultureInfo.GetCultureInfo(_feature.Language), folder, _feature.Name?.Trim() ?? string.Empty,
                _feature.Description?.Trim() ?? string.Empty, ProgrammingLanguage.CSharp,
                _feature.Tags.Select(t => t.Name.TrimStart('@')).ToArray(), messages);
        }

        private void AddScenario(Scenario scenario, Rule? rule)
        {
            _scenarios[scenario.Id] = scenario;
            if (rule is not null) _ruleOfScenario[scenario.Id] = rule;
            AddSteps(scenario.Steps);
            foreach (var examples in scenario.Examples)
                foreach (var row in examples.TableBody ?? [])
                    _exampleRows[row.Id] = (row, examples.TableHeader);
        }

        private void AddSteps(IEnumerable<Step> steps)
        {
            foreach (var step in steps) _steps[step.Id] = step;
        }

        public ScenarioDefinition ToScenario(Pickle pickle)
        {
            // AstNodeIds: the scenario first, then the Examples row for outline rows.
            var scenario = _scenarios[pickle.AstNodeIds[0]];
            var scenarioLine = (int)scenario.Location.Line;
            (TableRow Row, TableRow Header)? example = pickle.AstNodeIds.Count > 1 ? _exampleRows[pickle.AstNodeIds[1]] : null;

            var tags = new List<string>();
            var direct = new List<string>();
            var inherited = new List<string>();
            foreach (var tag in pickle.Tags)
            {
                if (!tags.Contains(tag.Name, StringComparer.Ordinal)) tags.Add(tag.Name);
                (_inheritedTagIds.Contains(tag.AstNodeId) ? inherited : direct).Add(tag.Name.TrimStart('@'));
            }

            var arguments = example is { } ex && ex.Header is not null
                ? ex.Header.Cells.Zip(ex.Row.Cells, (h, c) => new KeyValuePair<string, string>(h.Value, c.Value)).ToList()
                : [];
            var info = new ScenarioInfo
            {
                Id = example is { } e1 ? $"{_file}:{scenarioLine}:{e1.Row.Location.Line}" : $"{_file}:{scenarioLine}",
                FeatureFile = _file,
                FeatureName = _feature.Name?.Trim() ?? string.Empty,
                FeatureDescription = string.IsNullOrWhiteSpace(_feature.Description) ? null : _feature.Description.Trim(),
                Name = pickle.Name?.Trim() ?? string.Empty,
                Line = scenarioLine,
                ExampleRow = example is null ? null : string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}")),
                Tags = tags,
            };

            RuleInfo? rule = null;
            if (_ruleOfScenario.TryGetValue(scenario.Id, out var astRule))
            {
                if (!_ruleInfos.TryGetValue(astRule.Id, out rule))
                    _ruleInfos[astRule.Id] = rule = new RuleInfo(astRule.Name, astRule.Description, astRule.Tags.Select(t => t.Name.TrimStart('@')).ToArray());
            }

            return new ScenarioDefinition(info, ToSteps(pickle), _featureInfo, _pickleIndex[pickle], scenario.Name,
                string.IsNullOrWhiteSpace(scenario.Description) ? null : scenario.Description, direct, inherited, arguments, rule);
        }

        private List<ScenarioStep> ToSteps(Pickle pickle)
        {
            var steps = new List<ScenarioStep>();
            StepKind? previous = null;
            foreach (var pickleStep in pickle.Steps)
            {
                // AstNodeIds: the step first, then the Examples row for outline steps.
                var astStep = _steps[pickleStep.AstNodeIds[0]];
                var line = (int)astStep.Location.Line;
                var kind = pickleStep.Type switch
                {
                    PickleStepType.ACTION => StepKind.When,
                    PickleStepType.OUTCOME => StepKind.Then,
                    PickleStepType.CONTEXT => StepKind.Given,
                    _ => previous ?? StepKind.Given, // '*' takes the kind of the step before it
                };
                previous = kind;
                Table? table = null;
                string? docString = null;
                if (pickleStep.Argument?.DataTable is { } dataTable) table = ToTable(dataTable, line);
                if (pickleStep.Argument?.DocString is { } pickleDocString) docString = pickleDocString.Content;
                steps.Add(new ScenarioStep(astStep.Keyword.Trim(), kind, pickleStep.Text, line, table, docString));
            }
            return steps;
        }

        private Table ToTable(PickleTable pickleTable, int stepLine)
        {
            var rows = pickleTable.Rows.Select(r => r.Cells.Select(c => c.Value).ToArray()).ToList();
            if (rows.Count == 0 || rows[0].Length == 0)
                throw new ArgumentException($"The data table of the step at {_file}:{stepLine} has no header row.");
            var table = new Table(rows[0]);
            foreach (var row in rows.Skip(1)) table.AddRow(row);
            return table;
        }
    }

    /// <summary>The feature-level Cucumber messages Reqnroll's formatters read from <see cref="FeatureInfo"/>.</summary>
    private sealed class FeatureMessages(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles) : IFeatureLevelCucumberMessages
    {
        public bool HasMessages => true;
        public Source Source => source;
        public GherkinDocument GherkinDocument => document;
        public IEnumerable<Pickle> Pickles => pickles;
    }
}

/// <summary>Ids unique across every feature of one catalogue (one ndjson file holds them all).</summary>
internal sealed class SequentialIdGenerator : IIdGenerator
{
    private long _next;

    public string GetNewId() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
