using System.Reflection;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Runner;

/// <summary>A step definition: one [Given]/[When]/[Then] attribute on one method.</summary>
public sealed class StepBinding
{
    internal StepBinding(Type bindingType, StepKind kind, string pattern, Regex regex, MethodInfo method, string? problem)
    {
        BindingType = bindingType;
        Kind = kind;
        Pattern = pattern;
        Regex = regex;
        Method = method;
        Problem = problem;
    }

    /// <summary>The [Binding] class the method is called on (may inherit the method from an abstract base).</summary>
    public Type BindingType { get; }

    /// <summary>Which steps it binds to: a [Given] binding only matches Given steps (and And/But after them).</summary>
    public StepKind Kind { get; }

    /// <summary>The regex as written in the attribute.</summary>
    public string Pattern { get; }

    /// <summary>The regex as matched: anchored at both ends, culture-invariant.</summary>
    public Regex Regex { get; }

    /// <summary>The step method.</summary>
    public MethodInfo Method { get; }

    /// <summary>Why this binding cannot be used (bad signature); a step that matches it fails with this message.</summary>
    public string? Problem { get; }

    /// <summary>Number of capture groups in the regex, i.e. the number of text arguments the method receives.</summary>
    public int GroupCount => Regex.GetGroupNumbers().Length - 1;

    /// <summary>"Type.Method" for messages.</summary>
    public string Name => $"{BindingType.Name}.{Method.Name}";

    /// <inheritdoc />
    public override string ToString() => $"[{Kind}(@\"{Pattern}\")] {Name}";
}

/// <summary>When a hook runs.</summary>
public enum HookKind { BeforeTestRun, AfterTestRun, BeforeScenario, AfterScenario }

/// <summary>A hook: a method marked [BeforeScenario], [AfterScenario], [BeforeTestRun] or [AfterTestRun].</summary>
public sealed class HookBinding
{
    internal HookBinding(Type bindingType, HookKind kind, MethodInfo method, IReadOnlyList<string> tags, int order, int declarationIndex)
    {
        BindingType = bindingType;
        Kind = kind;
        Method = method;
        Tags = tags;
        Order = order;
        DeclarationIndex = declarationIndex;
    }

    /// <summary>The [Binding] class the hook belongs to.</summary>
    public Type BindingType { get; }

    /// <summary>When the hook runs.</summary>
    public HookKind Kind { get; }

    /// <summary>The hook method (static, or an instance method of a binding class).</summary>
    public MethodInfo Method { get; }

    /// <summary>Tags (with '@') restricting a scenario hook to scenarios carrying any of them; empty means every scenario.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Lower runs first for before-hooks and last for after-hooks.</summary>
    public int Order { get; }

    /// <summary>Position in discovery order; breaks ties between hooks with the same <see cref="Order"/>.</summary>
    internal int DeclarationIndex { get; }

    /// <summary>"Type.Method" for messages.</summary>
    public string Name => $"{BindingType.Name}.{Method.Name}";

    /// <summary>True when the hook applies to a scenario with these tags.</summary>
    public bool AppliesTo(IEnumerable<string> scenarioTags) =>
        Tags.Count == 0 || scenarioTags.Any(t => Tags.Contains(t, StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => $"[{Kind}] {Name}";
}
