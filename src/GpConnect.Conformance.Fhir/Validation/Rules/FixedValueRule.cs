namespace GpConnect.Conformance.Fhir.Validation.Rules;

/// <summary>Fixed values must match exactly; pattern values must be present (in any repeat).</summary>
internal sealed class FixedValueRule : IElementRule
{
    public void Check(in ElementVisit v, FindingSink sink)
    {
        var node = v.Node;
        foreach (var (rel, expected) in v.Definition.Fixed)
        {
            var actual = rel.Length == 0 ? node.Value : node.SelectValue(rel);
            if (actual == expected) continue;
            var where = rel.Length == 0 ? node.Path : node.Path + "." + rel;
            sink.Add(FindingSeverity.Error, node, where, "fixed-value", expected, actual,
                $"{where}: profile {v.ProfileName} fixes the value '{expected}', found {(actual is null ? "nothing" : $"'{actual}'")}.");
        }
        foreach (var (rel, expected) in v.Definition.Pattern)
        {
            var values = rel.Length == 0 ? new[] { node.Value } : node.Select(rel).Select(n => n.Value);
            if (values.Contains(expected)) continue;
            var where = rel.Length == 0 ? node.Path : node.Path + "." + rel;
            sink.Add(FindingSeverity.Error, node, where, "pattern-value", expected, values.FirstOrDefault(x => x is not null),
                $"{where}: profile {v.ProfileName} requires the value '{expected}' (pattern), not found.");
        }
    }
}
