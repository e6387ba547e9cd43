using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Validation.Rules;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace GpConnect.Conformance.Fhir.Validation.Invariants;

/// <summary>
/// Collects, while a resource is walked, each node with the invariants of its definition and type, then evaluates the
/// error-severity ones: through the FHIRPath engine (the resource tree is converted once, only when some invariant needs
/// it), or natively for <c>ele-1</c>. A failed invariant is an error finding whose rule is the invariant's key.
/// </summary>
internal sealed class InvariantChecker
{
    /// <summary>Findings of the validator's own rules that already report what an invariant says (key → rules).</summary>
    private static readonly Dictionary<string, string[]> CoveredBy = new(StringComparer.Ordinal)
    {
        ["ref-1"] = new[] { "reference.contained", "reference.syntax" },
    };

    private readonly Dictionary<ElementNode, string> _types = new();
    private readonly List<(ElementNode Node, List<ConstraintInfo> Constraints)> _targets = new();
    private readonly Dictionary<ElementNode, PocoNode> _engineNodes = new();
    private readonly Dictionary<ElementNode, EvaluationContext> _contexts = new();
    private readonly Dictionary<ElementNode, PocoNode> _subtrees = new();
    private EvaluationContext? _plainContext;
    private PocoNode? _engineRoot;
    private ElementNode? _root;

    /// <summary>The FHIR type of each node the walk matched to a definition.</summary>
    public IReadOnlyDictionary<ElementNode, string> Types => _types;

    /// <summary>Records the FHIR type the definitions give <paramref name="node"/>.</summary>
    public void SetType(ElementNode node, string? type)
    {
        if (type is not null) _types[node] = type;
    }

    /// <summary>Records the invariants that apply to <paramref name="node"/> (duplicates by key are dropped).</summary>
    public void Add(ElementNode node, IEnumerable<ConstraintInfo> constraints)
    {
        List<ConstraintInfo>? list = null;
        foreach (var c in constraints)
        {
            if (c.Severity != "error") continue;
            list ??= _targets.FindLast(t => ReferenceEquals(t.Node, node)).Constraints;
            if (list is null) { list = new List<ConstraintInfo>(); _targets.Add((node, list)); }
            if (!list.Exists(x => x.Key == c.Key)) list.Add(c);
        }
    }

    /// <summary>Evaluates what was collected for the resource tree rooted at <paramref name="root"/>.</summary>
    public void Evaluate(ElementNode root, FindingSink sink)
    {
        _root = root;
        foreach (var (node, constraints) in _targets)
        {
            foreach (var c in constraints)
            {
                if (c.Key == "ele-1")
                {
                    CheckEle1(node, c, sink);
                    continue;
                }
                var inv = InvariantEngine.Get(c);
                if (inv.Compiled is null) continue;
                if (CoveredBy.TryGetValue(c.Key, out var rules) && sink.Findings.Any(f => rules.Contains(f.Rule) && f.Path.StartsWith(node.Path, StringComparison.Ordinal))) continue;
                bool ok;
                if (inv.Guard is not null && !HasAny(node, inv.Guard)) ok = inv.ResultWhenAbsent;
                else
                {
                    try
                    {
                        if (inv.UsesResource)
                        {
                            var resource = ContextResource(node);
                            if (!_contexts.TryGetValue(resource, out var ctx))
                                _contexts[resource] = ctx = InvariantEngine.Context(EngineNode(resource), EngineNode(root));
                            ok = inv.Compiled.Predicate(EngineNode(node), ctx);
                        }
                        else
                        {
                            // The expression sees only the node's subtree: convert that alone (unless the whole tree already is).
                            var at = _engineRoot is not null ? EngineNode(node) : Subtree(node);
                            ok = inv.Compiled.Predicate(at, _plainContext ??= InvariantEngine.Context(at, at));
                        }
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
    }

    /// <summary>ele-1 (corrected): an element has a value, or children other than <c>id</c>.</summary>
    private static void CheckEle1(ElementNode node, ConstraintInfo c, FindingSink sink)
    {
        if (node.IsResource || node.HasParseProblem || node.Value is not null) return;
        foreach (var child in node.Children())
            if (child.Name != "id") return;
        sink.Add(FindingSeverity.Error, node, node.Path, "ele-1", "a value or child elements", "empty",
            $"{node.Path}: invariant ele-1 fails: {c.Human.TrimEnd('.')} (the element is empty{(node.Children().Count > 0 ? " but for its id" : "")}).");
    }

    private static bool HasAny(ElementNode node, IReadOnlyList<string> names)
    {
        foreach (var c in node.Children())
            if (names.Contains(c.ChoiceBase ?? c.Name)) return true;
        return false;
    }

    /// <summary>%resource: the resource holding the node; for a contained resource, the resource that contains it.</summary>
    private static ElementNode ContextResource(ElementNode node)
    {
        var r = node.EnclosingResource() ?? node;
        while (r.Name == "contained" && r.Parent?.EnclosingResource() is { } container) r = container;
        return r;
    }

    private PocoNode Subtree(ElementNode node)
    {
        if (!_subtrees.TryGetValue(node, out var p)) _subtrees[node] = p = InvariantEngine.ToEngine(node, _types);
        return p;
    }

    private PocoNode EngineNode(ElementNode node)
    {
        if (_engineNodes.TryGetValue(node, out var found)) return found;
        PocoNode result;
        if (node.Parent is null || ReferenceEquals(node, _root))
        {
            _engineRoot ??= InvariantEngine.ToEngine(_root!, _types);
            result = _engineRoot;
        }
        else
        {
            var parent = EngineNode(node.Parent);
            var name = node.ChoiceBase ?? node.Name;
            var index = 0;
            foreach (var sibling in node.Parent.Children())
            {
                if (ReferenceEquals(sibling, node)) break;
                if ((sibling.ChoiceBase ?? sibling.Name) == name) index++;
            }
            result = (PocoNode)((ITypedElement)parent).Children(name).ElementAt(index);
        }
        _engineNodes[node] = result;
        return result;
    }
}
