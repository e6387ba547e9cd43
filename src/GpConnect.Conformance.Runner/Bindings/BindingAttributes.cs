namespace GpConnect.Conformance.Runner;

// Binding attributes are deliberately shaped like Reqnroll's (same names, same arguments), so moving
// the suite to Reqnroll later is a package and namespace swap rather than a rewrite of the step classes.

/// <summary>Marks a class whose public methods are step definitions or hooks.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class BindingAttribute : Attribute;

/// <summary>Base of the three step attributes. <see cref="Regex"/> is anchored at both ends when matched.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;
    public abstract StepKind Kind { get; }
}

public sealed class GivenAttribute(string regex) : StepDefinitionBaseAttribute(regex)
{
    public override StepKind Kind => StepKind.Given;
}

public sealed class WhenAttribute(string regex) : StepDefinitionBaseAttribute(regex)
{
    public override StepKind Kind => StepKind.When;
}

public sealed class ThenAttribute(string regex) : StepDefinitionBaseAttribute(regex)
{
    public override StepKind Kind => StepKind.Then;
}

/// <summary>The kind of a step; <c>And</c>/<c>But</c> take the kind of the step before them.</summary>
public enum StepKind { Given, When, Then }

/// <summary>Base of the hook attributes. Tags (with or without '@') restrict a scenario/feature hook to scenarios carrying any of them.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public abstract class HookAttribute(params string[] tags) : Attribute
{
    public IReadOnlyList<string> Tags { get; } = tags;
    /// <summary>Lower runs first for "before" hooks and last for "after" hooks.</summary>
    public int Order { get; set; } = 10000;
}

public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(tags);
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(tags);
/// <summary>Runs once before the first scenario of a run. Must be static.</summary>
public sealed class BeforeTestRunAttribute() : HookAttribute();
/// <summary>Runs once after the last scenario of a run. Must be static.</summary>
public sealed class AfterTestRunAttribute() : HookAttribute();
