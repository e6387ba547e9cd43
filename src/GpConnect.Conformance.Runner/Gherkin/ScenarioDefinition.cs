using System.Collections.Specialized;
using GpConnect.Conformance.Runner.Results;
using Reqnroll;
using ScenarioInfo = GpConnect.Conformance.Runner.Results.ScenarioInfo;

namespace GpConnect.Conformance.Runner;

/// <summary>The step kind Reqnroll dispatches on (And/But/* already resolved by the pickle compiler).</summary>
public enum StepKind { Given, When, Then }

/// <summary>
/// One runnable pickle: a scenario, or one Examples row of a scenario outline, with the background steps
/// already prepended and the outline placeholders already substituted. Also carries what the Reqnroll runtime needs
/// to run it: the feature's <see cref="FeatureInfo"/> (one instance per feature file, compared by reference), the
/// pickle index and the scenario's own tags versus the inherited ones.
/// </summary>
public sealed class ScenarioDefinition
{
    internal ScenarioDefinition(ScenarioInfo info, IReadOnlyList<ScenarioStep> steps, FeatureInfo feature, int pickleIndex,
        string scenarioTitle, string? scenarioDescription, IReadOnlyList<string> directTags, IReadOnlyList<string> inheritedTags,
        IReadOnlyList<KeyValuePair<string, string>> exampleArguments, RuleInfo? rule)
    {
        Info = info ?? throw new ArgumentNullException(nameof(info));
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
        Feature = feature;
        PickleIndex = pickleIndex;
        _scenarioTitle = scenarioTitle;
        _scenarioDescription = scenarioDescription;
        _directTags = directTags;
        _inheritedTags = inheritedTags;
        _exampleArguments = exampleArguments;
        Rule = rule;
    }

    private readonly string _scenarioTitle;
    private readonly string? _scenarioDescription;
    private readonly IReadOnlyList<string> _directTags;
    private readonly IReadOnlyList<string> _inheritedTags;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _exampleArguments;

    /// <summary>Identity, names and tags of the pickle.</summary>
    public ScenarioInfo Info { get; }

    /// <summary>Background steps followed by the scenario's own steps, in pickle order.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>The Reqnroll feature this pickle belongs to (shared by every pickle of the file).</summary>
    public FeatureInfo Feature { get; }

    /// <summary>Index of the pickle in its feature file (Reqnroll's formatters use it to find the pickle's messages).</summary>
    public int PickleIndex { get; }

    internal RuleInfo? Rule { get; }

    /// <summary>A fresh Reqnroll ScenarioInfo for one execution (tags without '@', as generated code passes them).</summary>
    internal Reqnroll.ScenarioInfo CreateReqnrollInfo()
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in _exampleArguments) arguments[name] = value;
        return new Reqnroll.ScenarioInfo(_scenarioTitle, _scenarioDescription, [.. _directTags], arguments, [.. _inheritedTags],
            PickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public override string ToString() => Info.Id;
}

/// <summary>One step of a pickle, as the bindings see it.</summary>
public sealed class ScenarioStep
{
    /// <summary>Creates a step. At most one of <paramref name="table"/> and <paramref name="docString"/> may be set.</summary>
    public ScenarioStep(string keyword, StepKind kind, string text, int line, Table? table = null, string? docString = null)
    {
        if (table is not null && docString is not null)
            throw new ArgumentException("A step carries either a data table or a doc string, not both.");
        Keyword = keyword;
        Kind = kind;
        Text = text;
        Line = line;
        Table = table;
        DocString = docString;
    }

    /// <summary>The keyword as written in the feature file, trimmed: "Given", "And", "But", "*", …</summary>
    public string Keyword { get; }

    /// <summary>The resolved kind: And/But/* take the kind of the step before them (Given for a first step).</summary>
    public StepKind Kind { get; }

    /// <summary>The step text after the keyword, with outline placeholders substituted.</summary>
    public string Text { get; }

    /// <summary>Line of the step in its feature file.</summary>
    public int Line { get; }

    /// <summary>The step's data table (first row is the header), if it has one.</summary>
    public Table? Table { get; }

    /// <summary>The step's doc string content, if it has one.</summary>
    public string? DocString { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Keyword} {Text}";
}
