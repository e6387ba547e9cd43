using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Validation.Rules;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace GpConnect.Conformance.Fhir.Validation.Invariants;

/// <summary>
/// Collects, while a resource is walked, each node with the invariants of its definition and type, then evaluates the
/// error-severity ones: through the FHIRPath engine, or natively for <c>ele-1</c>. The resource tree is converted to the
/// engine's model at most once per evaluation (only when some invariant needs the engine), and each evaluated node is
/// then found in that one converted tree. A failed invariant is an error finding whose rule is the invariant's key.
/// </summary>
internal sealed class InvariantChecker
{
    /// <summary>Findings of the validator's own rules that already report what an invariant says (key → rules).</summary>
    private static readonly Dictionary<string, string[]> CoveredBy = new(StringComparer.Ordinal)
    {
        ["ref-1"] = new[] { "reference.contained", "reference.syntax" },
    };

    private readonly Dictionary<ElementNode, string> _types = new(ElementNode.Identity);
    private readonly List<Target> _targets = new();
    private readonly Dictionary<ElementNode, PocoNode> _engineNodes = new(ElementNode.Identity);
    private readonly List<(ElementNode Resource, EvaluationContext Context)> _contexts = new(1);
    private readonly Dictionary<ElementNode, PocoNode> _subtrees = new(ElementNode.Identity);
    private PocoNode? _engineRoot;
    private Exception? _conversionError;
    private ElementNode? _root;

    private readonly Action<InvariantCrossCheck>? _crossCheck;

    public InvariantChecker(Action<InvariantCrossCheck>? crossCheck = null) => _crossCheck = crossCheck;

    /// <summary>One invariant to evaluate on one node.</summary>
    private readonly record struct Target(ElementNode Node, ConstraintInfo Constraint, CompiledInvariant Invariant);

    /// <summary>The FHIR type of each node the walk matched to a definition.</summary>
    public IReadOnlyDictionary<ElementNode, string> Types => _types;

    /// <summary>Records the FHIR type the definitions give <paramref name="node"/>.</summary>
    public void SetType(ElementNode node, string? type)
    {
        if (type is not null) _types[node] = type;
    }

    /// <summary>
    /// Records the error-severity invariants that apply to <paramref name="node"/>; a key already recorded for the node is
    /// dropped. The walk records each node's invariants in one go, so its earlier ones are the last entries.
    /// </summary>
    public void Add(ElementNode node, IReadOnlyList<ConstraintInfo> constraints)
    {
        for (var i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            if (c.Severity != "error" || Recorded(node, c.Key)) continue;
            _targets.Add(new Target(node, c, InvariantEngine.Get(c)));
        }
    }

    private bool Recorded(ElementNode node, string key)
    {
        for (var j = _targets.Count - 1; j >= 0 && ReferenceEquals(_targets[j].Node, node); j--)
            if (_targets[j].Constraint.Key == key) return true;
        return false;
    }

    /// <summary>Evaluates what was collected for the resource tree rooted at <paramref name="root"/>.</summary>
    public void Evaluate(ElementNode root, FindingSink sink)
    {
        _root = root;
        foreach (var (node, c, inv) in _targets)
        {
            if (c.Key == "ele-1")
            {
                var passed = CheckEle1(node, c, sink);
                if (_crossCheck is not null && !node.IsResource && !node.HasParseProblem) CrossCheck(node, InvariantEngine.Ele1Engine, passed);
                continue;
            }
            if (inv.Compiled is null) continue;
            if (CoveredBy.TryGetValue(c.Key, out var rules) && AlreadyReported(sink, rules, node.Path)) continue;
            bool ok;
            if (inv.Guard is not null && !HasAny(node, inv.Guard))
            {
                ok = inv.ResultWhenAbsent;
                if (_crossCheck is not null) CrossCheck(node, inv, ok);
            }
            else
            {
                try
                {
                    ok = Run(inv, node);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or NotSupportedException)
                {
                    sink.Add(FindingSeverity.Information, node, node.Path, "invariant.not-evaluated", c.Key, null,
                        $"{node.Path}: invariant {c.Key} could not be evaluated ({ex.Message}).");
                    continue;
                }
            }
            if (!ok)
                sink.Add(FindingSeverity.Error, node, node.Path, c.Key, inv.Expression, null,
                    $"{node.Path}: invariant {c.Key} fails: {c.Human.TrimEnd('.')} ({inv.Expression}).");
        }
    }

    /// <summary>Evaluates <paramref name="inv"/> with the engine as well and reports both results (tests only).</summary>
    private void CrossCheck(ElementNode node, CompiledInvariant inv, bool shortcut)
    {
        bool? engine = null;
        string? error = null;
        try
        {
            engine = Run(inv, node);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or NotSupportedException)
        {
            error = ex.Message;
        }
        _crossCheck!(new InvariantCrossCheck(inv.Constraint.Key, inv.Expression, node.Path, shortcut, engine, error));
    }

    /// <summary>
    /// Evaluates <paramref name="inv"/> on <paramref name="node"/> in the resource tree converted once. Should the tree not
    /// convert as a whole, an expression that sees only the node's subtree is evaluated on that subtree converted alone.
    /// </summary>
    private bool Run(CompiledInvariant inv, ElementNode node)
    {
        if (_engineRoot is null && _conversionError is null)
        {
            try
            {
                _engineRoot = InvariantEngine.ToEngine(_root!, _types);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidCastException or NotSupportedException)
            {
                _conversionError = ex;
            }
        }
        if (_engineRoot is not null) return inv.Compiled!.Predicate(EngineNode(node), Context(ContextResource(node)));
        if (inv.UsesResource) throw new InvalidOperationException(_conversionError!.Message, _conversionError);
        if (!_subtrees.TryGetValue(node, out var at)) _subtrees[node] = at = InvariantEngine.ToEngine(node, _types);
        return inv.Compiled!.Predicate(at, InvariantEngine.Context(at, at));
    }

    private static bool AlreadyReported(FindingSink sink, string[] rules, string path)
    {
        foreach (var f in sink.Findings)
            if (Array.IndexOf(rules, f.Rule) >= 0 && f.Path.StartsWith(path, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// ele-1 (corrected): an element has a value, or children other than <c>id</c>. Not reported on a resource, nor on an
    /// element whose parse already reported it empty. Returns whether the node passes.
    /// </summary>
    private static bool CheckEle1(ElementNode node, ConstraintInfo c, FindingSink sink)
    {
        if (node.IsResource || node.HasParseProblem || node.Value is not null) return true;
        var children = node.Children();
        for (var i = 0; i < children.Count; i++)
            if (children[i].Name != "id") return true;
        sink.Add(FindingSeverity.Error, node, node.Path, "ele-1", "a value or child elements", "empty",
            $"{node.Path}: invariant ele-1 fails: {c.Human.TrimEnd('.')} (the element is empty{(children.Count > 0 ? " but for its id" : "")}).");
        return false;
    }

    private static bool HasAny(ElementNode node, IReadOnlyList<string> names)
    {
        var children = node.Children();
        for (var i = 0; i < children.Count; i++)
        {
            var name = children[i].ChoiceBase ?? children[i].Name;
            for (var j = 0; j < names.Count; j++)
                if (names[j] == name) return true;
        }
        return false;
    }

    /// <summary>%resource: the resource holding the node; for a contained resource, the resource that contains it (within the tree evaluated).</summary>
    private ElementNode ContextResource(ElementNode node)
    {
        var r = node.EnclosingResource() ?? node;
        while (r.Name == "contained" && !ReferenceEquals(r, _root) && r.Parent?.EnclosingResource() is { } container) r = container;
        return r;
    }

    /// <summary>The evaluation context of the nodes whose <c>%resource</c> is <paramref name="resource"/> (one per resource).</summary>
    private EvaluationContext Context(ElementNode resource)
    {
        foreach (var (r, c) in _contexts)
            if (ReferenceEquals(r, resource)) return c;
        var ctx = InvariantEngine.Context(EngineNode(resource), EngineNode(_root!));
        _contexts.Add((resource, ctx));
        return ctx;
    }

    /// <summary>The engine's node for <paramref name="node"/>: the converted tree's root, or found by name and position under its parent's.</summary>
    private PocoNode EngineNode(ElementNode node)
    {
        if (_engineNodes.TryGetValue(node, out var found)) return found;
        PocoNode result;
        if (node.Parent is null || ReferenceEquals(node, _root))
            result = _engineRoot!;
        else
        {
            var parent = EngineNode(node.Parent);
            var name = node.ChoiceBase ?? node.Name;
            var index = 0;
            var siblings = node.Parent.Children();
            for (var i = 0; i < siblings.Count; i++)
            {
                var sibling = siblings[i];
                if (ReferenceEquals(sibling, node)) break;
                if ((sibling.ChoiceBase ?? sibling.Name) == name) index++;
            }
            result = Nth(parent.Child(name), index)
                ?? throw new InvalidOperationException($"the engine's model has no {name}[{index}] under {node.Parent.Path}");
        }
        _engineNodes[node] = result;
        return result;
    }

    private static PocoNode? Nth(PocoNodeOrList? children, int index)
    {
        if (children is null) return null;
        foreach (var child in children)
            if (index-- == 0) return child;
        return null;
    }
}

/// <summary>An invariant decided without the engine, and what the engine says (null: it could not evaluate it, see <c>EngineError</c>).</summary>
internal readonly record struct InvariantCrossCheck(string Key, string Expression, string Path, bool Shortcut, bool? Engine, string? EngineError);
