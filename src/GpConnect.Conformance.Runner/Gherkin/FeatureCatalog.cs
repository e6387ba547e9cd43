using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Every scenario (pickle) of a set of feature files, plus the files that could not be parsed. A broken file
/// becomes a <see cref="FeatureLoadError"/>; the other files still load.
/// </summary>
public sealed class FeatureCatalog
{
    private readonly Dictionary<string, ScenarioDefinition> _byId;

    /// <summary>Creates a catalog from already-built scenarios and errors.</summary>
    public FeatureCatalog(IReadOnlyList<ScenarioDefinition> scenarios, IReadOnlyList<FeatureLoadError> errors)
    {
        Scenarios = scenarios ?? throw new ArgumentNullException(nameof(scenarios));
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        _byId = new Dictionary<string, ScenarioDefinition>(StringComparer.Ordinal);
        foreach (var scenario in scenarios)
            if (!_byId.TryAdd(scenario.Info.Id, scenario))
                throw new ArgumentException($"Two scenarios share the id '{scenario.Info.Id}'.", nameof(scenarios));
    }

    /// <summary>All pickles in file order (<see cref="Load"/> reads files sorted by path), each file top to bottom.</summary>
    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    /// <summary>Feature files that could not be parsed (file path, line, column, message).</summary>
    public IReadOnlyList<FeatureLoadError> Errors { get; }

    /// <summary>
    /// Parses every <c>*.feature</c> file under <paramref name="featuresDirectory"/> (recursively). File paths in ids
    /// and errors are relative to the directory's parent, with '/' separators, e.g. <c>features/core/x.feature</c>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static FeatureCatalog Load(string featuresDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(featuresDirectory);
        var root = Path.GetFullPath(featuresDirectory);
        var baseDirectory = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? root;
        return Load([featuresDirectory], baseDirectory);
    }

    /// <summary>
    /// Parses every <c>*.feature</c> file under each of <paramref name="featuresDirectories"/> (recursively; the suite's
    /// features, then e.g. a supplier's extra folder) into one catalogue. File paths in ids and errors are relative to
    /// <paramref name="baseDirectory"/>, with '/' separators.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A directory does not exist.</exception>
    public static FeatureCatalog Load(IEnumerable<string> featuresDirectories, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(featuresDirectories);
        var fullBase = Path.GetFullPath(baseDirectory);
        var builder = new Builder();
        foreach (var directory in featuresDirectories)
        {
            var root = Path.GetFullPath(directory);
            if (!Directory.Exists(root))
                throw new DirectoryNotFoundException($"The features directory '{directory}' does not exist (resolved to '{root}').");

            var files = Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
                .Select(path => (Path: path, Relative: Path.GetRelativePath(fullBase, path).Replace('\\', '/')))
                .OrderBy(f => f.Relative, StringComparer.Ordinal);
            foreach (var (path, relative) in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    builder.Errors.Add(new FeatureLoadError(relative, 0, 0, $"The file could not be read: {e.Message}"));
                    continue;
                }
                builder.Add(relative, text);
            }
        }
        return builder.Build();
    }

    /// <summary>Parses feature files given as text; <c>File</c> is the relative path used in ids and errors.</summary>
    public static FeatureCatalog FromSources(params IEnumerable<(string File, string Text)> sources)
    {
        var builder = new Builder();
        foreach (var (file, text) in sources) builder.Add(file, text);
        return builder.Build();
    }

    /// <summary>The scenarios whose tags match <paramref name="expression"/>; all of them when it is null. Errors are kept.</summary>
    public FeatureCatalog Filter(TagExpression? expression) =>
        expression is null ? this : new FeatureCatalog(Scenarios.Where(s => expression.Matches(s.Info.Tags)).ToList(), Errors);

    /// <summary>The scenario with this <see cref="ScenarioInfo.Id"/>, or null.</summary>
    public ScenarioDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    private sealed class Builder
    {
        public List<ScenarioDefinition> Scenarios { get; } = [];
        public List<FeatureLoadError> Errors { get; } = [];
        private readonly SequentialIdGenerator _ids = new();

        public void Add(string file, string text)
        {
            var parsed = FeatureFileParser.Parse(file, text, _ids);
            Scenarios.AddRange(parsed.Scenarios);
            Errors.AddRange(parsed.Errors);
        }

        public FeatureCatalog Build() => new(Scenarios, Errors);
    }
}
