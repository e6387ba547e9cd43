using System.Text;
using System.Text.Json;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Fhir.Parsing;

/// <summary>Reads FHIR JSON into an <see cref="ElementNode"/> tree, reporting malformed input as findings.</summary>
internal static class JsonTreeReader
{
    private enum Kind { Object, Array, String, Number, True, False, Null }

    private sealed class Item
    {
        public Kind Kind;
        public string? Text;
        public int Line, Column;
        public List<(string Name, Item Value)>? Props;
        public List<Item>? Items;
    }

    public static ElementNode? Read(string text, List<ValidationFinding> findings)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var span = bytes.AsSpan();
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) span = span[3..];
        var lines = new LineIndex(span);
        Item root;
        var duplicates = new List<ValidationFinding>();
        try
        {
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = FhirParseLimits.MaxDepth });
            if (!reader.Read())
            {
                findings.Add(Error("(body)", "parse.json", "The body is empty; expected a JSON object with a resourceType.", null));
                return null;
            }
            root = ReadItem(ref reader, lines, duplicates, "");
            if (reader.Read())
            {
                var (l, c) = lines.At(reader.TokenStartIndex);
                findings.Add(Error("(body)", "parse.json", "Unexpected content after the end of the JSON resource.", (l, c)));
            }
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is long ln ? (int)ln + 1 : (int?)null;
            var col = ex.BytePositionInLine is long bp ? (int)bp + 1 : (int?)null;
            findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.json", "well-formed JSON", null,
                $"The body is not well-formed JSON: {FirstSentence(ex.Message)}") { Line = line, Column = col });
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // e.g. a string escape that is not valid Unicode ("\ud800" with no low surrogate): well-formed JSON, unreadable text.
            findings.Add(new ValidationFinding(FindingSeverity.Error, "(body)", "parse.json", "valid Unicode strings", null,
                $"The body holds a JSON string that is not valid Unicode: {ex.Message}"));
            return null;
        }

        if (root.Kind != Kind.Object)
        {
            findings.Add(Error("(body)", "parse.root",
                $"The body is a JSON {Describe(root.Kind)} where a resource object belongs.", (root.Line, root.Column), "object", Describe(root.Kind)));
            return null;
        }
        var rt = ResourceTypeOf(root);
        foreach (var d in duplicates) findings.Add(d with { Path = (rt ?? "(root)") + d.Path });
        if (rt is null)
        {
            findings.Add(Error("(body)", "parse.root", "The JSON object has no string 'resourceType', so it is not a FHIR resource.",
                (root.Line, root.Column), "resourceType", null));
            return null;
        }
        var node = new ElementNode(rt, null, root.Line, root.Column) { ResourceType = rt, FromJson = true };
        Fill(node, root, findings, rt);
        return node;
    }

    private static Item ReadItem(ref Utf8JsonReader reader, LineIndex lines, List<ValidationFinding> findings, string where)
    {
        var (line, col) = lines.At(reader.TokenStartIndex);
        var item = new Item { Line = line, Column = col };
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                item.Kind = Kind.Object;
                item.Props = new List<(string, Item)>();
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var (pl, pc) = lines.At(reader.TokenStartIndex);
                    reader.Read();
                    var value = ReadItem(ref reader, lines, findings, where + "." + name);
                    seen ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!seen.Add(name))
                    {
                        findings.Add(new ValidationFinding(FindingSeverity.Error, where + "." + name, "parse.duplicate-key", "unique property names", name,
                            $"Property '{name}' appears more than once in the same JSON object; the later one is ignored.") { Line = pl, Column = pc });
                        continue;
                    }
                    item.Props.Add((name, value));
                }
                break;
            case JsonTokenType.StartArray:
                item.Kind = Kind.Array;
                item.Items = new List<Item>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    item.Items.Add(ReadItem(ref reader, lines, findings, $"{where}[{item.Items.Count}]"));
                break;
            case JsonTokenType.String:
                item.Kind = Kind.String;
                item.Text = reader.GetString();
                break;
            case JsonTokenType.Number:
                item.Kind = Kind.Number;
                item.Text = reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan);
                break;
            case JsonTokenType.True: item.Kind = Kind.True; item.Text = "true"; break;
            case JsonTokenType.False: item.Kind = Kind.False; item.Text = "false"; break;
            default: item.Kind = Kind.Null; break;
        }
        return item;
    }

    private static string? ResourceTypeOf(Item obj)
    {
        foreach (var (name, value) in obj.Props!)
            if (name == "resourceType" && value.Kind == Kind.String) return value.Text;
        return null;
    }

    private static void Fill(ElementNode node, Item obj, List<ValidationFinding> findings, string path)
    {
        CheckUnderscoreShape(obj, findings, path);
        foreach (var (name, value) in obj.Props!)
        {
            if (name == "resourceType" || name == "fhir_comments" || name.StartsWith('_')) continue;
            var childPath = path + "." + name;
            if (value.Kind == Kind.Array)
            {
                if (value.Items!.Count == 0)
                    findings.Add(Error(childPath, "parse.json-empty-array", $"'{name}' is an empty array; FHIR JSON omits empty elements.", (value.Line, value.Column)));
                var shadow = Shadow(obj, name);
                for (var i = 0; i < value.Items.Count; i++)
                {
                    var it = value.Items[i];
                    var extra = shadow?.Kind == Kind.Array && i < shadow.Items!.Count ? shadow.Items[i] : null;
                    if (it.Kind == Kind.Array)
                    {
                        findings.Add(Error($"{childPath}[{i}]", "parse.json-nested-array", $"'{name}[{i}]' is an array inside an array; FHIR JSON never nests arrays.", (it.Line, it.Column)));
                        continue;
                    }
                    if (it.Kind == Kind.Null && (extra is null || extra.Kind == Kind.Null))
                    {
                        findings.Add(Error($"{childPath}[{i}]", "parse.json-null", $"'{name}[{i}]' is null with no matching '_{name}' entry.", (it.Line, it.Column)));
                        continue;
                    }
                    var child = Build(name, node, it, extra, findings, $"{childPath}[{i}]");
                    child.InJsonArray = true;
                    node.Add(child);
                }
            }
            else if (value.Kind == Kind.Null)
            {
                findings.Add(Error(childPath, "parse.json-null", $"'{name}' is null; FHIR JSON omits empty elements.", (value.Line, value.Column)));
            }
            else
            {
                var shadow = Shadow(obj, name);
                node.Add(Build(name, node, value, shadow?.Kind == Kind.Object ? shadow : null, findings, childPath));
            }
        }

        // '_name' without a 'name': a primitive carrying only id/extension.
        foreach (var (name, value) in obj.Props)
        {
            if (!name.StartsWith('_') || name.Length < 2) continue;
            var baseName = name[1..];
            if (obj.Props.Any(p => p.Name == baseName)) continue;
            if (value.Kind == Kind.Object) node.Add(Build(baseName, node, new Item { Kind = Kind.Null, Line = value.Line, Column = value.Column }, value, findings, path + "." + baseName));
            else if (value.Kind == Kind.Array)
                foreach (var it in value.Items!)
                    if (it.Kind == Kind.Object)
                    {
                        var c = Build(baseName, node, new Item { Kind = Kind.Null, Line = it.Line, Column = it.Column }, it, findings, path + "." + baseName);
                        c.InJsonArray = true;
                        node.Add(c);
                    }
        }
    }

    private static Item? Shadow(Item obj, string name)
    {
        var key = "_" + name;
        foreach (var (n, v) in obj.Props!) if (n == key) return v;
        return null;
    }

    private static ElementNode Build(string name, ElementNode parent, Item value, Item? primitiveExtras, List<ValidationFinding> findings, string path)
    {
        var node = new ElementNode(name, parent, value.Line, value.Column) { FromJson = true };
        switch (value.Kind)
        {
            case Kind.Object:
                if (IsEmpty(value) && primitiveExtras is null) EmptyObject(node, name, value, findings, path);
                var rt = ResourceTypeOf(value);
                if (rt is not null) node.ResourceType = rt;
                Fill(node, value, findings, path);
                break;
            case Kind.String:
                node.Value = value.Text;
                node.ValueKind = PrimitiveKind.String;
                break;
            case Kind.Number:
                node.Value = value.Text;
                node.ValueKind = PrimitiveKind.Number;
                break;
            case Kind.True:
            case Kind.False:
                node.Value = value.Text;
                node.ValueKind = PrimitiveKind.Boolean;
                break;
        }
        if (primitiveExtras is not null)
        {
            if (primitiveExtras.Kind == Kind.Object)
            {
                if (IsEmpty(primitiveExtras) && value.Kind == Kind.Null) EmptyObject(node, "_" + name, primitiveExtras, findings, path);
                Fill(node, primitiveExtras, findings, path);
            }
            else if (primitiveExtras.Kind != Kind.Null)
                findings.Add(Error(path, "parse.json", $"'_{name}' must be an object holding id/extension.", (primitiveExtras.Line, primitiveExtras.Column)));
        }
        return node;
    }

    private static bool IsEmpty(Item obj) => obj.Props!.All(p => p.Name == "fhir_comments");

    /// <summary>An empty object is an element with neither value nor children (ele-1), as an empty XML element is.</summary>
    private static void EmptyObject(ElementNode node, string name, Item value, List<ValidationFinding> findings, string path)
    {
        node.HasParseProblem = true;
        findings.Add(Error(path, "parse.json-empty-object",
            $"'{name}' is an empty object; FHIR JSON omits empty elements (ele-1: every element has a value or children).", (value.Line, value.Column)));
    }

    /// <summary>'_name' carries the id/extension of the primitive 'name', so it takes its shape: an object, or an array of the same length (items object or null).</summary>
    private static void CheckUnderscoreShape(Item obj, List<ValidationFinding> findings, string path)
    {
        foreach (var (key, shadow) in obj.Props!)
        {
            if (!key.StartsWith('_') || key.Length < 2 || shadow.Kind == Kind.Null) continue;
            var name = key[1..];
            Item? main = null;
            foreach (var (n, v) in obj.Props) if (n == name) { main = v; break; }
            string? problem = null;
            if (main is { Kind: Kind.Object })
                problem = $"'{name}' is an object, not a primitive, so '{key}' has nothing to extend";
            else if (main is { Kind: Kind.Array })
            {
                if (shadow.Kind != Kind.Array) problem = $"'{name}' is an array, so '{key}' must be an array of the same length";
                else if (shadow.Items!.Count != main.Items!.Count) problem = $"'{key}' has {shadow.Items.Count} entries where '{name}' has {main.Items.Count}";
            }
            else if (main is not null && shadow.Kind != Kind.Object)
                problem = $"'{name}' is a single value, so '{key}' must be an object, not {Article(Describe(shadow.Kind))}";
            else if (main is null && shadow.Kind is not (Kind.Object or Kind.Array))
                problem = $"'{key}' must be an object (or an array of objects), not {Article(Describe(shadow.Kind))}";
            if (problem is null && shadow.Kind == Kind.Array && shadow.Items!.FirstOrDefault(i => i.Kind is not (Kind.Object or Kind.Null)) is { } bad)
                problem = $"'{key}' entries must be objects or null, not {Article(Describe(bad.Kind))}";
            if (problem is not null)
                findings.Add(Error(path + "." + key, "parse.json-underscore-shape", problem + ".", (shadow.Line, shadow.Column), "the shape of '" + name + "'", Describe(shadow.Kind)));
        }
    }

    private static string Article(string word) => word[0] is 'a' or 'o' ? "an " + word : "a " + word;

    private static string Describe(Kind k) => k switch
    {
        Kind.Object => "object", Kind.Array => "array", Kind.String => "string", Kind.Number => "number",
        Kind.True or Kind.False => "boolean", _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return i > 0 ? message[..i].Trim() : message;
    }

    private static ValidationFinding Error(string path, string rule, string message, (int Line, int Column)? at, string? expected = null, string? actual = null) =>
        new(FindingSeverity.Error, path, rule, expected, actual, message) { Line = at?.Line, Column = at?.Column };
}
