using System.Globalization;
using System.Text;

namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>
/// The toolkit's own compact, line-based definition format (<c>.fdef</c>). Tab-separated; one structure or value set
/// header line followed by indented element or code lines:
/// <code>
/// structure  NAME  URL  TYPE  KIND  BASE
/// invariant  KEY  SEVERITY  EXPRESSION  HUMAN
/// &gt;  PATH  MIN..MAX  [base=MAX] [type=CODE{profile,...}(target,...)|...] [fixed.REL=VALUE] [pattern.REL=VALUE]
///            [bind=STRENGTH VALUESET] [ref=PATH] [disc=PATH,...] [closed=true] [inv=KEY,...]
/// valueset   NAME  URL
/// &gt;  SYSTEM  CODE  DISPLAY
/// open  SYSTEM
/// </code>
/// <c>invariant</c> lines follow their structure's header and state each constraint (FHIRPath expression as
/// published) once; element lines name the invariants that apply to them with <c>inv=</c>.
/// Lines starting with '#' are comments. Values are escaped with \t, \n and \\.
/// </summary>
public static class DefinitionTextFormat
{
    /// <summary>Reads definitions from <paramref name="reader"/>; <paramref name="source"/> names the input in error messages.</summary>
    /// <exception cref="FormatException">A line cannot be read; the message names the source and line.</exception>
    public static DefinitionSet Read(TextReader reader, string source)
    {
        var set = new DefinitionSet();
        StructureInfo? structure = null;
        ValueSetInfo? valueSet = null;
        var invariants = new Dictionary<string, ConstraintInfo>(StringComparer.Ordinal);
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "structure":
                        structure = new StructureInfo(f[1], f[2], f[3], Enum.Parse<StructureKind>(f[4]), f.Length > 5 && f[5].Length > 0 ? f[5] : null);
                        valueSet = null;
                        invariants.Clear();
                        set.Add(structure);
                        break;
                    case "valueset":
                        valueSet = new ValueSetInfo(f[1], f[2]);
                        structure = null;
                        set.Add(valueSet);
                        break;
                    case "invariant":
                        if (structure is null) throw new FormatException("'invariant' outside a structure");
                        invariants[f[1]] = new ConstraintInfo(f[1], f[2], Unescape(f[4]), Unescape(f[3]));
                        break;
                    case "open":
                        (valueSet ?? throw new FormatException("'open' outside a valueset")).OpenSystems.Add(f[1]);
                        break;
                    case ">" when structure is not null:
                        structure.Add(ReadElement(f, invariants));
                        break;
                    case ">" when valueSet is not null:
                        valueSet.Add(new CodeInfo(f[1], Unescape(f[2]), f.Length > 3 && f[3].Length > 0 ? Unescape(f[3]) : null));
                        break;
                    default:
                        throw new FormatException($"unexpected line start '{f[0]}'");
                }
            }
            catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or ArgumentException)
            {
                throw new FormatException($"{source}:{lineNo}: cannot read definition line: {ex.Message}", ex);
            }
        }
        return set;
    }

    private static ElementDefinitionInfo ReadElement(string[] f, Dictionary<string, ConstraintInfo> invariants)
    {
        var card = f[2].Split("..");
        var e = new ElementDefinitionInfo(f[1], int.Parse(card[0], CultureInfo.InvariantCulture), ParseMax(card[1]));
        var types = new List<TypeRef>();
        var fixedValues = new List<KeyValuePair<string, string>>();
        var patterns = new List<KeyValuePair<string, string>>();
        e.BaseMax = e.Max;
        for (var i = 3; i < f.Length; i++)
        {
            var field = f[i];
            var eq = field.IndexOf('=');
            var key = field[..eq];
            var value = field[(eq + 1)..];
            if (key == "base") e.BaseMax = ParseMax(value);
            else if (key == "type") types.Add(ParseType(value));
            else if (key.StartsWith("fixed", StringComparison.Ordinal)) fixedValues.Add(new(key.Length > 5 ? key[6..] : "", Unescape(value)));
            else if (key.StartsWith("pattern", StringComparison.Ordinal)) patterns.Add(new(key.Length > 7 ? key[8..] : "", Unescape(value)));
            else if (key == "bind") { var sp = value.IndexOf(' '); e.Binding = new BindingInfo(value[..sp], value[(sp + 1)..]); }
            else if (key == "ref") e.ContentReference = value;
            else if (key == "disc") e.Discriminators = value.Split(',');
            else if (key == "closed") e.SlicingClosed = value == "true";
            else if (key == "inv")
                e.Constraints = value.Split(',').Select(k => invariants.TryGetValue(k, out var c) ? c : throw new FormatException($"invariant '{k}' is not declared for this structure")).ToList();
            else throw new FormatException($"unknown field '{key}'");
        }
        e.Types = types;
        e.Fixed = fixedValues;
        e.Pattern = patterns;
        return e;
    }

    private static TypeRef ParseType(string s)
    {
        // CODE{p1,p2}(t1,t2)
        var code = s;
        var profiles = Array.Empty<string>();
        var targets = Array.Empty<string>();
        var brace = s.IndexOf('{');
        var paren = s.IndexOf('(');
        var codeEnd = new[] { brace, paren, s.Length }.Where(i => i >= 0).Min();
        code = s[..codeEnd];
        if (brace >= 0) profiles = s[(brace + 1)..s.IndexOf('}', brace)].Split(',');
        if (paren >= 0) targets = s[(paren + 1)..s.IndexOf(')', paren)].Split(',');
        return new TypeRef(code, profiles, targets);
    }

    private static int? ParseMax(string s) => s == "*" ? null : int.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="set"/> in the text format (structures sorted by name, then value sets).</summary>
    public static void Write(DefinitionSet set, TextWriter w)
    {
        foreach (var s in set.Structures.OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            w.Write($"structure\t{s.Name}\t{s.Url}\t{s.Type}\t{s.Kind}\t{s.BaseDefinition}\n");
            foreach (var c in s.Elements.SelectMany(e => e.Constraints).DistinctBy(c => c.Key).OrderBy(c => c.Key, StringComparer.Ordinal))
                w.Write($"invariant\t{c.Key}\t{c.Severity}\t{Escape(c.Expression)}\t{Escape(c.Human)}\n");
            foreach (var e in s.Elements) w.Write(FormatElement(e) + "\n");
        }
        foreach (var v in set.ValueSets.OrderBy(v => v.Url, StringComparer.Ordinal))
        {
            w.Write($"valueset\t{v.Name}\t{v.Url}\n");
            foreach (var o in v.OpenSystems) w.Write($"open\t{o}\n");
            foreach (var c in v.Codes) w.Write($">\t{c.System}\t{Escape(c.Code)}\t{Escape(c.Display ?? "")}\n");
        }
    }

    /// <summary>One element as a text-format line.</summary>
    public static string FormatElement(ElementDefinitionInfo e)
    {
        var sb = new StringBuilder();
        sb.Append(">\t").Append(e.Path).Append('\t').Append(e.Min).Append("..").Append(e.MaxText);
        if (e.BaseMax != e.Max) sb.Append("\tbase=").Append(e.BaseMax?.ToString(CultureInfo.InvariantCulture) ?? "*");
        foreach (var t in e.Types)
        {
            sb.Append("\ttype=").Append(t.Code);
            if (t.Profiles.Count > 0) sb.Append('{').Append(string.Join(',', t.Profiles)).Append('}');
            if (t.TargetProfiles.Count > 0) sb.Append('(').Append(string.Join(',', t.TargetProfiles)).Append(')');
        }
        foreach (var kv in e.Fixed) sb.Append("\tfixed").Append(kv.Key.Length > 0 ? "." + kv.Key : "").Append('=').Append(Escape(kv.Value));
        foreach (var kv in e.Pattern) sb.Append("\tpattern").Append(kv.Key.Length > 0 ? "." + kv.Key : "").Append('=').Append(Escape(kv.Value));
        if (e.Binding is not null) sb.Append("\tbind=").Append(e.Binding.Strength).Append(' ').Append(e.Binding.ValueSet);
        if (e.ContentReference is not null) sb.Append("\tref=").Append(e.ContentReference);
        if (e.Discriminators.Count > 0) sb.Append("\tdisc=").Append(string.Join(',', e.Discriminators));
        if (e.SlicingClosed) sb.Append("\tclosed=true");
        if (e.Constraints.Count > 0) sb.Append("\tinv=").Append(string.Join(',', e.Constraints.Select(c => c.Key)));
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "");

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                sb.Append(s[i] switch { 't' => '\t', 'n' => '\n', _ => s[i] });
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
