namespace GpConnect.Conformance.Fhir.Validation.Rules;

/// <summary>Primitive values: present (or carried only by extensions), in the lexical format of their type, with the right JSON token kind.</summary>
internal sealed class PrimitiveFormatRule : IElementRule
{
    public void Check(in ElementVisit v, FindingSink sink)
    {
        var type = v.Type;
        if (type is null || !PrimitiveTypes.IsPrimitive(type)) return;
        var node = v.Node;
        if (node.Value is null)
        {
            if (!node.HasParseProblem && !node.Children("extension").Any())
                sink.Error(node, "value.missing", $"a {type} value", null, $"{node.Path}: no value and no extension.");
            return;
        }
        if (node.FromJson && node.ValueKind != PrimitiveKind.None)
        {
            var wanted = PrimitiveFormats.JsonKindFor(type);
            if (wanted != node.ValueKind && type != "xhtml")
            {
                sink.Error(node, "format." + type, $"JSON {Describe(wanted)}", $"JSON {Describe(node.ValueKind)} {Quote(node)}",
                    $"{node.Path}: a {type} must be a JSON {Describe(wanted)}, found a JSON {Describe(node.ValueKind)} {Quote(node)}.");
                return;
            }
        }
        var expected = PrimitiveFormats.Check(type, node.Value);
        if (expected is not null)
            sink.Error(node, "format." + type, expected, node.Value, $"{node.Path}: '{node.Value}' is not a valid {type} (expected {expected}).");
    }

    private static string Quote(ElementNode n) => n.ValueKind == PrimitiveKind.String ? $"\"{n.Value}\"" : n.Value ?? "";

    private static string Describe(PrimitiveKind k) => k switch
    {
        PrimitiveKind.Boolean => "boolean",
        PrimitiveKind.Number => "number",
        _ => "string",
    };
}
