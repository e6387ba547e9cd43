using System.Reflection;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// The step definitions and hooks found on [Binding] classes. Signature problems (bad regex, parameter count or type,
/// instance test-run hooks, non-public methods) are listed in <see cref="Problems"/>; a step matching a broken
/// binding fails with the problem rather than being silently undefined.
/// </summary>
public sealed class BindingRegistry
{
    private const BindingFlags AllMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly List<StepBinding> _steps = [];
    private readonly List<HookBinding> _hooks = [];
    private readonly List<Type> _types = [];
    private readonly List<string> _problems = [];

    private BindingRegistry() { }

    /// <summary>Every step definition, in discovery order.</summary>
    public IReadOnlyList<StepBinding> Steps => _steps;

    /// <summary>Every hook, in discovery order.</summary>
    public IReadOnlyList<HookBinding> Hooks => _hooks;

    /// <summary>The [Binding] classes found (instantiated per scenario when they have instance members).</summary>
    public IReadOnlyList<Type> BindingTypes => _types;

    /// <summary>Human-readable problems with the bindings; a CLI should refuse to run while there are any.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The bindings of <paramref name="kind"/> whose anchored regex matches <paramref name="text"/>, with the match.</summary>
    public IReadOnlyList<(StepBinding Binding, Match Match)> FindMatches(StepKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = new List<(StepBinding, Match)>();
        foreach (var binding in _steps)
        {
            if (binding.Kind != kind) continue;
            var match = binding.Regex.Match(text);
            if (match.Success) matches.Add((binding, match));
        }
        return matches;
    }

    /// <summary>Discovers every [Binding] class in the given assemblies.</summary>
    public static BindingRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var types = new List<Type>();
        var registry = new BindingRegistry();
        foreach (var assembly in assemblies)
        {
            try
            {
                types.AddRange(assembly.GetTypes());
            }
            catch (ReflectionTypeLoadException e)
            {
                types.AddRange(e.Types.OfType<Type>());
                registry._problems.Add($"Some types of {assembly.GetName().Name} could not be loaded: " +
                                       string.Join("; ", e.LoaderExceptions.OfType<Exception>().Select(x => x.Message).Distinct()));
            }
        }
        registry.AddTypes(types.Where(t => t.IsDefined(typeof(BindingAttribute), inherit: true)));
        return registry;
    }

    /// <summary>Uses exactly these classes as bindings (whether or not they carry [Binding]); handy for focused tests.</summary>
    public static BindingRegistry FromTypes(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var registry = new BindingRegistry();
        registry.AddTypes(types);
        return registry;
    }

    private void AddTypes(IEnumerable<Type> types)
    {
        foreach (var type in types.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsGenericTypeDefinition)
            {
                _problems.Add($"{type.Name}: a binding class cannot be generic.");
                continue;
            }
            var isStaticClass = type.IsAbstract && type.IsSealed;
            if (type.IsAbstract && !isStaticClass) continue; // its concrete subclasses carry the bindings
            _types.Add(type);
            foreach (var method in InstanceAndStaticMethods(type, isStaticClass))
                AddMethod(type, method);
        }
    }

    /// <summary>Own methods plus those inherited from abstract base classes (concrete bases are bindings of their own).</summary>
    private static IEnumerable<MethodInfo> InstanceAndStaticMethods(Type type, bool isStaticClass)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            if (current != type && !current.IsAbstract) yield break;
            foreach (var method in current.GetMethods(AllMethods))
                if (current == type || !method.IsStatic)
                    if (!isStaticClass || method.IsStatic) yield return method;
        }
    }

    private void AddMethod(Type type, MethodInfo method)
    {
        foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>(inherit: true))
            AddStep(type, method, attribute);
        foreach (var attribute in method.GetCustomAttributes<HookAttribute>(inherit: true))
            AddHook(type, method, attribute);
    }

    private void AddStep(Type type, MethodInfo method, StepDefinitionBaseAttribute attribute)
    {
        var name = $"{type.Name}.{method.Name}";
        Regex regex;
        try
        {
            regex = new Regex(Anchor(attribute.Regex), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            _problems.Add($"{name}: the regex \"{attribute.Regex}\" of its [{attribute.Kind}] attribute is invalid: {e.Message}");
            return;
        }

        var problem = SignatureProblem(method, regex.GetGroupNumbers().Length - 1);
        if (problem is not null) _problems.Add($"{name} [{attribute.Kind}(\"{attribute.Regex}\")]: {problem}");
        _steps.Add(new StepBinding(type, attribute.Kind, attribute.Regex, regex, method, problem is null ? null : $"{name}: {problem}"));
    }

    private static string? SignatureProblem(MethodInfo method, int groups)
    {
        if (!method.IsPublic) return "step methods must be public.";
        if (method.IsGenericMethodDefinition) return "step methods cannot be generic.";
        var parameters = method.GetParameters();
        var extra = parameters.Length - groups;
        if (extra is < 0 or > 1)
            return $"the regex captures {groups} group(s) but the method takes {parameters.Length} parameter(s); " +
                   "it should take one parameter per group, plus optionally a Table or string (doc string) last.";
        for (var i = 0; i < groups; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType.IsByRef) return $"parameter '{parameter.Name}' cannot be ref/out.";
            if (!StepArgumentConverter.CanConvert(parameter.ParameterType))
                return $"parameter '{parameter.Name}' has type {parameter.ParameterType.Name}, which captured text cannot be converted to " +
                       "(supported: string, int, long, decimal, double, bool, enums, DateTime, DateTimeOffset, Guid and their nullable forms).";
        }
        if (extra == 1)
        {
            var last = parameters[^1];
            if (last.ParameterType != typeof(Table) && last.ParameterType != typeof(string))
                return $"the last parameter '{last.Name}' is not bound to a capture group, so it must be a Table (data table) or a string (doc string), not {last.ParameterType.Name}.";
        }
        return null;
    }

    private void AddHook(Type type, MethodInfo method, HookAttribute attribute)
    {
        var kind = attribute switch
        {
            BeforeScenarioAttribute => HookKind.BeforeScenario,
            AfterScenarioAttribute => HookKind.AfterScenario,
            BeforeTestRunAttribute => HookKind.BeforeTestRun,
            AfterTestRunAttribute => HookKind.AfterTestRun,
            _ => (HookKind?)null,
        };
        var name = $"{type.Name}.{method.Name}";
        if (kind is null)
        {
            _problems.Add($"{name}: unknown hook attribute {attribute.GetType().Name}.");
            return;
        }
        if (!method.IsPublic)
        {
            _problems.Add($"{name}: hook methods must be public.");
            return;
        }
        if (kind is HookKind.BeforeTestRun or HookKind.AfterTestRun && !method.IsStatic)
        {
            _problems.Add($"{name}: [{kind}] hooks must be static (no scenario exists yet to own an instance).");
            return;
        }
        if (method.IsGenericMethodDefinition || method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            _problems.Add($"{name}: hook methods cannot be generic or take ref/out parameters.");
            return;
        }
        var tags = attribute.Tags.Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim().StartsWith('@') ? t.Trim() : "@" + t.Trim()).ToList();
        _hooks.Add(new HookBinding(type, kind.Value, method, tags, attribute.Order, _hooks.Count));
    }

    /// <summary>Anchors a pattern at both ends without changing its meaning (alternations stay inside the group).</summary>
    internal static string Anchor(string pattern)
    {
        var body = pattern.StartsWith('^') ? pattern[1..] : pattern;
        if (body.EndsWith('$') && !IsEscaped(body, body.Length - 1)) body = body[..^1];
        return "^(?:" + body + ")$";
    }

    private static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }
}
