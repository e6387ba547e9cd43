using System.Text.RegularExpressions;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner;

/// <summary>How one step binds: a binding with converted arguments, or why it cannot run.</summary>
internal sealed record StepResolution(
    StepBinding? Binding,
    object?[] Arguments,
    StepStatus? FailureStatus = null,
    string? Message = null,
    string? Snippet = null)
{
    public bool IsBound => FailureStatus is null;
}

/// <summary>Finds the one binding for a step and converts its arguments, without running anything.</summary>
internal static class StepBinder
{
    public static StepResolution Resolve(BindingRegistry registry, ScenarioStep step)
    {
        var matches = registry.FindMatches(step.Kind, step.Text);
        if (matches.Count == 0) return Undefined(registry, step);
        if (matches.Count > 1)
        {
            var names = string.Join(Environment.NewLine, matches.Select(m => $"  - {m.Binding.Name} [{m.Binding.Kind}(@\"{m.Binding.Pattern}\")]"));
            return new StepResolution(null, [], StepStatus.Ambiguous,
                $"Ambiguous step '{step}' (line {step.Line}): {matches.Count} bindings match it:{Environment.NewLine}{names}");
        }

        var (binding, match) = matches[0];
        if (binding.Problem is not null)
            return new StepResolution(binding, [], StepStatus.Failed, $"Step '{step}' (line {step.Line}) matches a broken binding: {binding.Problem}");
        return ConvertArguments(binding, match, step);
    }

    private static StepResolution Undefined(BindingRegistry registry, ScenarioStep step)
    {
        var message = $"Undefined step '{step}' (line {step.Line}): no [{step.Kind}] binding matches it.";
        var otherKinds = Enum.GetValues<StepKind>().Where(k => k != step.Kind)
            .SelectMany(k => registry.FindMatches(k, step.Text)).Select(m => $"{m.Binding.Name} [{m.Binding.Kind}]").ToList();
        if (otherKinds.Count > 0)
            message += $" Bindings of another kind match the text ({string.Join(", ", otherKinds)}); " +
                       $"a step binds only to its own kind, and And/But take the kind of the step before them.";
        message += " Add a step definition such as the snippet.";
        return new StepResolution(null, [], StepStatus.Undefined, message, StepSnippet.For(step));
    }

    private static StepResolution ConvertArguments(StepBinding binding, Match match, ScenarioStep step)
    {
        var parameters = binding.Method.GetParameters();
        var groups = binding.GroupCount;
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < groups; i++)
        {
            var group = match.Groups[i + 1];
            var parameter = parameters[i];
            try
            {
                arguments[i] = StepArgumentConverter.Convert(group.Success ? group.Value : null, parameter.ParameterType);
            }
            catch (FormatException e)
            {
                return Failed(binding, step, $"argument {i + 1} ('{parameter.Name}') could not be converted: {e.Message}");
            }
        }

        var takesExtra = parameters.Length == groups + 1;
        var extraType = takesExtra ? parameters[^1].ParameterType : null;
        if (step.Table is not null)
        {
            if (extraType != typeof(Table))
                return Failed(binding, step, $"the step has a data table but {binding.Name} has no last Table parameter to receive it.");
            arguments[^1] = step.Table;
        }
        else if (step.DocString is not null)
        {
            if (extraType != typeof(string))
                return Failed(binding, step, $"the step has a doc string but {binding.Name} has no last string parameter to receive it.");
            arguments[^1] = step.DocString;
        }
        else if (takesExtra)
        {
            var what = extraType == typeof(Table) ? "a data table" : "a doc string";
            return Failed(binding, step, $"{binding.Name} expects {what} as its last parameter but the step has none.");
        }
        return new StepResolution(binding, arguments);
    }

    private static StepResolution Failed(StepBinding binding, ScenarioStep step, string problem) =>
        new(binding, [], StepStatus.Failed, $"Step '{step}' (line {step.Line}) cannot call {binding.Name}: {problem}");
}
