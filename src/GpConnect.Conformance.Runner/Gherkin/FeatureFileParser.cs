using System.Text.RegularExpressions;
using GpConnect.Conformance.Runner.Results;
using Ast = Gherkin.Ast;
using Pickles = Gherkin.Pickles;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Turns the text of one feature file into pickles with Cucumber's parser and pickle compiler, or into load errors.
/// </summary>
internal static partial class FeatureFileParser
{
    internal sealed record Result(IReadOnlyList<ScenarioDefinition> Scenarios, IReadOnlyList<FeatureLoadError> Errors);

    public static Result Parse(string file, string text)
    {
        Ast.GherkinDocument document;
        try
        {
            document = new global::Gherkin.Parser().Parse(new StringReader(text));
        }
        catch (global::Gherkin.CompositeParserException e)
        {
            return new Result([], e.Errors.Select(error => ToLoadError(file, error)).ToList());
        }
        catch (global::Gherkin.ParserException e)
        {
            return new Result([], [ToLoadError(file, e)]);
        }

        if (document.Feature is null)
            return new Result([], [new FeatureLoadError(file, 1, 1, "The file has no 'Feature:' line, so it holds no scenarios.")]);

        try
        {
            var pickles = new Pickles.Compiler().Compile(document);
            var context = new DocumentIndex(file, document);
            return new Result(pickles.Select(context.ToScenario).ToList(), []);
        }
        catch (Exception e) when (e is global::Gherkin.ParserException or InvalidOperationException or ArgumentException)
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

    /// <summary>Looks up AST nodes (step keywords, examples rows) by line so pickles can be enriched.</summary>
    private sealed class DocumentIndex
    {
        private readonly string _file;
        private readonly Ast.Feature _feature;
        private readonly global::Gherkin.GherkinDialect _dialect;
        private readonly Dictionary<int, Ast.Step> _stepsByLine = [];
        private readonly Dictionary<int, string> _exampleRowsByLine = [];

        public DocumentIndex(string file, Ast.GherkinDocument document)
        {
            _file = file;
            _feature = document.Feature;
            _dialect = new global::Gherkin.GherkinDialectProvider().GetDialect(_feature.Language, _feature.Location);
            foreach (var child in _feature.Children)
            {
                foreach (var step in child.Steps) _stepsByLine[step.Location.Line] = step;
                if (child is not Ast.ScenarioOutline outline) continue;
                foreach (var examples in outline.Examples)
                {
                    if (examples.TableHeader is null) continue;
                    var header = examples.TableHeader.Cells.Select(c => c.Value).ToList();
                    foreach (var row in examples.TableBody ?? [])
                        _exampleRowsByLine[row.Location.Line] = string.Join(", ",
                            header.Zip(row.Cells, (name, cell) => $"{name}={cell.Value}"));
                }
            }
        }

        public ScenarioDefinition ToScenario(Pickles.Pickle pickle)
        {
            // The compiler lists the Examples row first and the scenario last for outline rows.
            var locations = pickle.Locations.ToList();
            var scenarioLine = locations[^1].Line;
            int? rowLine = locations.Count > 1 ? locations[0].Line : null;

            var tags = new List<string>();
            foreach (var tag in pickle.Tags)
                if (!tags.Contains(tag.Name, StringComparer.Ordinal)) tags.Add(tag.Name);

            var info = new ScenarioInfo
            {
                Id = rowLine is null ? $"{_file}:{scenarioLine}" : $"{_file}:{scenarioLine}:{rowLine}",
                FeatureFile = _file,
                FeatureName = _feature.Name?.Trim() ?? string.Empty,
                FeatureDescription = string.IsNullOrWhiteSpace(_feature.Description) ? null : _feature.Description.Trim(),
                Name = pickle.Name?.Trim() ?? string.Empty,
                Line = scenarioLine,
                ExampleRow = rowLine is int line ? _exampleRowsByLine.GetValueOrDefault(line, string.Empty) : null,
                Tags = tags,
            };
            return new ScenarioDefinition(info, ToSteps(pickle));
        }

        private List<ScenarioStep> ToSteps(Pickles.Pickle pickle)
        {
            var steps = new List<ScenarioStep>();
            StepKind? previous = null;
            foreach (var pickleStep in pickle.Steps)
            {
                var line = pickleStep.Locations.Last().Line;
                var keyword = _stepsByLine.TryGetValue(line, out var astStep) ? astStep.Keyword : "* ";
                var kind = ResolveKind(keyword, previous);
                previous = kind;

                Table? table = null;
                string? docString = null;
                foreach (var argument in pickleStep.Arguments)
                {
                    switch (argument)
                    {
                        case Pickles.PickleTable pickleTable: table = ToTable(pickleTable, line); break;
                        case Pickles.PickleString pickleString: docString = pickleString.Content; break;
                    }
                }
                steps.Add(new ScenarioStep(keyword.Trim(), kind, pickleStep.Text, line, table, docString));
            }
            return steps;
        }

        private StepKind ResolveKind(string keyword, StepKind? previous)
        {
            // "*" is listed under every kind, so the conjunctions are checked first.
            if (_dialect.AndStepKeywords.Contains(keyword) || _dialect.ButStepKeywords.Contains(keyword))
                return previous ?? StepKind.Given;
            if (_dialect.GivenStepKeywords.Contains(keyword)) return StepKind.Given;
            if (_dialect.WhenStepKeywords.Contains(keyword)) return StepKind.When;
            if (_dialect.ThenStepKeywords.Contains(keyword)) return StepKind.Then;
            return previous ?? StepKind.Given;
        }

        private Table ToTable(Pickles.PickleTable pickleTable, int stepLine)
        {
            var rows = pickleTable.Rows.Select(r => r.Cells.Select(c => c.Value).ToArray()).ToList();
            if (rows.Count == 0 || rows[0].Length == 0)
                throw new ArgumentException($"The data table of the step at {_file}:{stepLine} has no header row.");
            var table = new Table(rows[0]);
            foreach (var row in rows.Skip(1)) table.AddRow(row);
            return table;
        }
    }
}
