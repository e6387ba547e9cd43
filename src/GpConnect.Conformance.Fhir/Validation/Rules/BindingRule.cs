using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Validation.Rules;

/// <summary>
/// Terminology bindings on code, Coding and CodeableConcept: a required binding is an error when no code is in the
/// value set (or the system is wrong); extensible and preferred bindings give warnings. Example bindings are ignored,
/// as are value sets the definitions do not hold.
/// </summary>
internal sealed class BindingRule : IElementRule
{
    public void Check(in ElementVisit v, FindingSink sink)
    {
        var binding = v.Definition.Binding;
        if (binding is null || binding.Strength == "example" || v.Type is null) return;
        var vs = v.Definitions.FindValueSet(binding.ValueSet);
        if (vs is null) return;
        var node = v.Node;
        switch (v.Type)
        {
            case "code":
                if (node.Value is null || vs.HasCode(node.Value) || vs.OpenSystems.Count > 0) return;
                Report(v, sink, node, vs, binding, node.Value, $"code '{node.Value}'");
                break;
            case "Coding":
                CheckCodings(v, sink, node, new[] { node }, vs, binding);
                break;
            case "CodeableConcept":
                CheckCodings(v, sink, node, node.Children("coding").ToList(), vs, binding);
                break;
        }
    }

    private static void CheckCodings(in ElementVisit v, FindingSink sink, ElementNode node, IReadOnlyList<ElementNode> codings, ValueSetInfo vs, BindingInfo binding)
    {
        if (codings.Count == 0)
        {
            if (binding.Strength == "required")
                Report(v, sink, node, vs, binding, null, "no coding");
            return;
        }
        foreach (var c in codings)
        {
            var system = c.SelectValue("system");
            var code = c.SelectValue("code");
            if (code is null) continue;
            if (vs.IsOpen(system)) return;
            var hit = vs.Find(system, code);
            if (hit is null) continue;
            var display = c.SelectValue("display");
            if (v.Options.CheckDisplays && display is not null && hit.Display is not null && display != hit.Display)
                sink.Warning(c.Child("display") ?? c, "binding.display", hit.Display, display,
                    $"{c.Path}: display '{display}' differs from '{hit.Display}' for code {code} in {vs.Name}.");
            return;
        }
        var first = codings[0];
        var firstSystem = first.SelectValue("system");
        var firstCode = first.SelectValue("code");
        var systemNote = firstCode is not null && vs.HasCode(firstCode) && !vs.Systems.Contains(firstSystem)
            ? $" (code is in the value set, but system '{firstSystem ?? "(none)"}' is not {string.Join(" or ", vs.Systems)})"
            : "";
        Report(v, sink, node, vs, binding, $"{firstSystem}|{firstCode}", $"{firstSystem ?? "(no system)"}|{firstCode ?? "(no code)"}{systemNote}");
    }

    private static void Report(in ElementVisit v, FindingSink sink, ElementNode node, ValueSetInfo vs, BindingInfo binding, string? actual, string what)
    {
        var severity = binding.Strength == "required" ? FindingSeverity.Error : FindingSeverity.Warning;
        sink.Add(severity, node, node.Path, "binding." + binding.Strength, vs.Url, actual,
            $"{node.Path}: {what} is not in value set {vs.Name} ({binding.Strength} binding in {v.ProfileName}).");
    }
}
