using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// One runnable pickle: a scenario, or one Examples row of a scenario outline, with the background steps
/// already prepended and the outline placeholders already substituted.
/// </summary>
public sealed class ScenarioDefinition
{
    /// <summary>Creates a scenario from its identity and its steps, in the order they run.</summary>
    public ScenarioDefinition(ScenarioInfo info, IReadOnlyList<ScenarioStep> steps)
    {
        Info = info ?? throw new ArgumentNullException(nameof(info));
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
    }

    /// <summary>Identity, names and tags of the pickle.</summary>
    public ScenarioInfo Info { get; }

    /// <summary>Background steps followed by the scenario's own steps.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

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
