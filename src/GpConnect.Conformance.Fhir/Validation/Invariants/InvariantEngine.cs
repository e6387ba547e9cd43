using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GpConnect.Conformance.Fhir.Definitions;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace GpConnect.Conformance.Fhir.Validation.Invariants;

/// <summary>How the validator evaluates one published constraint.</summary>
internal sealed class CompiledInvariant
{
    public required ConstraintInfo Constraint { get; init; }

    /// <summary>The expression evaluated (the published one, or its correction when <see cref="Correction"/> is set).</summary>
    public required string Expression { get; init; }

    /// <summary>Why the published expression is not evaluated as written, or null.</summary>
    public string? Correction { get; init; }

    /// <summary>The compiled expression, or null when it is not evaluated by the engine (<see cref="NotEvaluated"/>).</summary>
    public CompiledExpression? Compiled { get; init; }

    /// <summary>Why the constraint is not evaluated by the FHIRPath engine (checked natively or not at all), or null.</summary>
    public string? NotEvaluated { get; init; }

    /// <summary>
    /// Child names the expression starts every navigation from; when the context node has none of them the result is
    /// <see cref="ResultWhenAbsent"/> without evaluation. Null when the expression also looks at the node itself or at
    /// variables, so it must always be evaluated.
    /// </summary>
    public IReadOnlyList<string>? Guard { get; init; }

    public bool ResultWhenAbsent { get; init; }

    /// <summary>True when the expression reads <c>%resource</c>, <c>%rootResource</c> or <c>%context</c>; else it sees only the node's own subtree.</summary>
    public bool UsesResource { get; init; }
}

/// <summary>
/// Compiles the profiles' invariants with the FHIR SDK's FHIRPath engine (once per distinct expression, cached) and
/// knows the published STU3 expressions that cannot be evaluated as written (<see cref="KnownDefects"/>).
/// </summary>
internal static class InvariantEngine
{
    /// <summary>The UCUM system, bound to <c>%ucum</c>.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>
    /// Published STU3 expressions with known defects, and what the validator does instead (key | published | evaluated).
    /// ele-1 uses the union operator '|' where 'or' is meant (so an empty element would pass); age-1, cnt-3, dis-1 and
    /// mny-1 use the string <c>code</c> as a boolean. Listed in the Fhir project's README as well.
    /// </summary>
    public static readonly IReadOnlyList<(string Key, string Published, string Corrected, string Why)> KnownDefects = new[]
    {
        ("ele-1", "hasValue() | (children().count() > id.count())", "hasValue() or (children().count() > id.count())",
            "the published expression uses the union '|' where 'or' is meant"),
        ("age-1", "(code or value.empty()) and (system.empty() or system = %ucum) and (value.empty() or value > 0)",
            "(code.exists() or value.empty()) and (system.empty() or system = %ucum) and (value.empty() or value > 0)", "uses the string 'code' as a boolean"),
        ("cnt-3", "(code or value.empty()) and (system.empty() or system = %ucum) and (code.empty() or code = '1') and (value.empty() or value.toString().contains('.').not())",
            "(code.exists() or value.empty()) and (system.empty() or system = %ucum) and (code.empty() or code = '1') and (value.empty() or value.toString().contains('.').not())", "uses the string 'code' as a boolean"),
        ("dis-1", "(code or value.empty()) and (system.empty() or system = %ucum)", "(code.exists() or value.empty()) and (system.empty() or system = %ucum)",
            "uses the string 'code' as a boolean"),
        ("mny-1", "(code or value.empty()) and (system.empty() or system = 'urn:iso:std:iso:4217')",
            "(code.exists() or value.empty()) and (system.empty() or system = 'urn:iso:std:iso:4217')", "uses the string 'code' as a boolean"),
    };

    /// <summary>Constraints checked by the validator's own code rather than the engine (key | where).</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckedNatively = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Every element of every resource carries ele-1; its corrected expression is decided by the tree's shape alone,
        // so the validator checks it directly (the tests prove it agrees with the engine on the corrected expression).
        ["ele-1"] = "checked on every element: a value, or children other than id",
        ["txt-1"] = "the narrative XHTML rules are the format.xhtml rule",
        ["txt-2"] = "the narrative XHTML rules are the format.xhtml rule",
    };

    private static readonly string[] ScopedFunctions = { "where", "select", "all", "exists", "repeat", "aggregate", "sort", "any" };

    private static readonly FhirPathCompiler Compiler = new(new SymbolTable().AddStandardFP().AddFhirExtensions());
    private static readonly ConcurrentDictionary<ConstraintInfo, CompiledInvariant> Cache = new();

    // Each definition object's compiled form, found by reference: cheaper than the value lookup (which hashes the whole
    // expression text), and it lets go of definitions that are no longer used.
    private static readonly ConditionalWeakTable<ConstraintInfo, CompiledInvariant> ByInstance = new();
    private static readonly ModelInspector Inspector = ModelInspector.Base;
    private static readonly PocoNode[] UcumValue = { PocoNode.ForAnyPrimitive(Ucum) };

    /// <summary>The corrected ele-1 compiled for the engine (the validator checks ele-1 natively; tests compare the two).</summary>
    public static CompiledInvariant Ele1Engine => Ele1.Value;

    private static readonly Lazy<CompiledInvariant> Ele1 = new(() =>
    {
        var d = KnownDefects.Single(k => k.Key == "ele-1");
        return Compile(new ConstraintInfo("ele-1 (engine)", "error", "All FHIR elements must have a @value or children", d.Corrected));
    });

    /// <summary>The compiled form of <paramref name="constraint"/> (compiled once per distinct constraint, then cached).</summary>
    public static CompiledInvariant Get(ConstraintInfo constraint) =>
        ByInstance.TryGetValue(constraint, out var found) ? found : ByInstance.GetValue(constraint, static c => Cache.GetOrAdd(c, Compile));

    /// <summary>Converts a resource tree into the engine's node model.</summary>
    public static PocoNode ToEngine(ElementNode resource, IReadOnlyDictionary<ElementNode, string> types) =>
        new TypedNode(resource, types).ToPocoNode(Inspector, null);

    /// <summary>A context binding <c>%resource</c>, <c>%rootResource</c> and <c>%ucum</c>.</summary>
    public static EvaluationContext Context(PocoNode resource, PocoNode root)
    {
        var ctx = new EvaluationContext(resource, root);
        ctx.Environment ??= new Dictionary<string, IEnumerable<PocoNode>>();
        ctx.Environment["ucum"] = UcumValue;
        return ctx;
    }

    private static CompiledInvariant Compile(ConstraintInfo c)
    {
        if (CheckedNatively.TryGetValue(c.Key, out var native))
            return new CompiledInvariant { Constraint = c, Expression = c.Expression, NotEvaluated = native };
        var expression = c.Expression;
        string? correction = null;
        foreach (var d in KnownDefects)
            if (d.Key == c.Key && d.Published == c.Expression) { expression = d.Corrected; correction = d.Why; }
        try
        {
            var parsed = Compiler.Parse(expression);
            var compiled = Compiler.Compile(parsed);
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var usesResource = UsesResource(parsed);
            var guardable = Roots(parsed, scoped: false, names);
            var whenAbsent = false;
            if (guardable && names.Count > 0)
            {
                try
                {
                    var empty = ToEngine(new ElementNode("x", null, null, null), new Dictionary<ElementNode, string>());
                    whenAbsent = compiled.Predicate(empty, Context(empty, empty));
                }
                catch (Exception)
                {
                    guardable = false;
                }
            }
            return new CompiledInvariant
            {
                Constraint = c, Expression = expression, Correction = correction, Compiled = compiled,
                Guard = guardable && names.Count > 0 ? names.ToList() : null, ResultWhenAbsent = whenAbsent, UsesResource = usesResource,
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return new CompiledInvariant { Constraint = c, Expression = expression, Correction = correction, NotEvaluated = "the FHIRPath engine cannot compile it: " + ex.Message };
        }
    }

    private static bool UsesResource(Expression e) => e switch
    {
        AxisExpression => false,
        VariableRefExpression v => v.Name is "resource" or "rootResource" or "context",
        FunctionCallExpression f => (f.Focus is not null && UsesResource(f.Focus)) || f.Arguments.Any(UsesResource),
        BracketExpression b => UsesResource(b.Operand),
        ConstantExpression => false,
        _ => true,
    };

    /// <summary>
    /// Collects the child names navigated from the context node; false when the expression also reads the context node
    /// itself or a variable outside the criteria of a collection function (so the node's absent children do not decide it).
    /// In the engine's parse tree a path's first name navigates from the implicit focus <c>$that</c> (the context node at
    /// the top, the item inside a collection function's criteria); a binary operator's focus is that same placeholder,
    /// its operands are its arguments; other functions' arguments are evaluated from the enclosing <c>$this</c>.
    /// </summary>
    private static bool Roots(Expression e, bool scoped, ISet<string> names)
    {
        switch (e)
        {
            case ChildExpression child:
                if (child.Focus is AxisExpression { AxisName: "that" or "this" })
                {
                    // A type name (Patient.name) selects the context node itself, not a child: element names start lower-case.
                    if (child.ChildName is not { Length: > 0 } name || char.IsUpper(name[0])) return false;
                    if (!scoped) names.Add(name);
                    return true;
                }
                return Roots(child.Focus, scoped, names);
            case BinaryExpression binary:
                foreach (var a in binary.Arguments)
                    if (!Roots(a, scoped, names)) return false;
                return true;
            case FunctionCallExpression f:
                // A function applied to the context node itself (hasValue(), children(), today()...) reads more than its children.
                if (f.Focus is null or AxisExpression) { if (!scoped) return false; }
                else if (!Roots(f.Focus, scoped, names)) return false;
                var argsScoped = scoped || ScopedFunctions.Contains(f.FunctionName);
                foreach (var a in f.Arguments)
                    if (!Roots(a, argsScoped, names)) return false;
                return true;
            case AxisExpression:
                return scoped;
            case VariableRefExpression v:
                return scoped || v.Name == "ucum";
            case BracketExpression b:
                return Roots(b.Operand, scoped, names);
            case ConstantExpression:
                return true;
            default:
                return false;
        }
    }
}
