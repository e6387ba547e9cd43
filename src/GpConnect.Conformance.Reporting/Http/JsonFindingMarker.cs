using System.Text.Json;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Http;

/// <summary>One line of a pretty-printed JSON body, with whether a finding points at it and the findings to show below it.</summary>
public sealed record MarkedLine(string Text, bool Hit, IReadOnlyList<string> Notes);

/// <summary>
/// Pretty-prints a JSON body line by line and marks the lines a finding's element path points at, so a reviewer sees the
/// finding beside the part of the body it is about. Paths are FHIRPath-like ("Bundle.entry[0].resource.serviceType",
/// "OperationOutcome.issue.details.coding.code"): a leading resource type is the body's own type, or, in a Bundle, the type
/// of an entry's resource; a step without an index matches every item of an array. When the element itself is absent
/// (e.g. a missing mandatory element) its nearest present parent is marked, naming what is missing.
/// </summary>
public static class JsonFindingMarker
{
    private const int WholeNodeLines = 30;
    private const int MaxMarkedNodes = 50;
    private const int MaxNotedNodes = 3;
    private const int MaxBodyChars = 512 * 1024;

    private sealed record Node(List<object> Path, int Start, int End, string? ResourceType);

    /// <summary>
    /// The body's lines with findings marked; null when the body is not JSON, or no finding's path points into it
    /// (then the plain pretty-printed body is the better view).
    /// </summary>
    public static IReadOnlyList<MarkedLine>? Mark(string? body, IEnumerable<CheckFailure> findings)
    {
        var withPath = findings.Where(f => !string.IsNullOrWhiteSpace(f.Path)).ToList();
        if (withPath.Count == 0 || string.IsNullOrWhiteSpace(body) || body.Length > MaxBodyChars) return null;
        var trimmed = body.TrimStart();
        if (!trimmed.StartsWith('{') && !trimmed.StartsWith('[')) return null;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true }); }
        catch (JsonException) { return null; }
        using (doc)
        {
            var lines = new List<string>();
            var nodes = new List<Node>();
            Write(doc.RootElement, [], 0, "", false, lines, nodes);
            var hit = new bool[lines.Count];
            var notes = new List<string>?[lines.Count];
            var any = false;
            foreach (var f in withPath)
            {
                var (matches, missing) = Resolve(f.Path!, doc.RootElement, nodes);
                if (matches.Count == 0) continue;
                any = true;
                var note = f.Rule + ": " + f.Message + (missing is null ? "" : $" (missing here: {missing})");
                for (int i = 0; i < Math.Min(matches.Count, MaxMarkedNodes); i++)
                {
                    var n = matches[i];
                    var last = missing is null && n.End - n.Start < WholeNodeLines ? n.End : n.Start;
                    for (int l = n.Start; l <= last; l++) hit[l] = true;
                    if (i < MaxNotedNodes) (notes[last] ??= []).Add(i == 0 ? note : "same finding");
                }
                if (matches.Count > MaxNotedNodes) (notes[matches[MaxNotedNodes - 1].Start] ??= []).Add($"… and {matches.Count - MaxNotedNodes} more places");
            }
            if (!any) return null;
            return lines.Select((t, i) => new MarkedLine(t, hit[i], (IReadOnlyList<string>?)notes[i] ?? [])).ToList();
        }
    }

    // Finds the nodes a path names. When none exist, walks up to the nearest present parent (returning the missing step),
    // but never to the root alone unless the path names nothing below the resource type.
    private static (List<Node> Matches, string? Missing) Resolve(string path, JsonElement root, List<Node> nodes)
    {
        var steps = Parse(path);
        var rootType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String
            ? rt.GetString() : null;
        Func<Node, bool> anchor = n => n.Path.Count == 0;
        if (steps.Count > 0 && steps[0] is string first && first.Length > 0 && char.IsUpper(first[0]))
        {
            if (first == rootType) steps.RemoveAt(0);
            else if (rootType == "Bundle")
            {
                steps.RemoveAt(0);
                anchor = n => n.ResourceType == first && n.Path.Count == 3 && n.Path[0] is "entry" && n.Path[1] is int && n.Path[2] is "resource";
            }
            else return ([], null);
        }
        for (int len = steps.Count; len >= 0; len--)
        {
            var want = steps.Take(len).ToList();
            var anchors = nodes.Where(anchor).ToList();
            var matches = nodes.Where(n => anchors.Any(a => Matches(want, n.Path, a.Path.Count) && StartsWith(n.Path, a.Path))).OrderBy(n => n.Start).ToList();
            if (matches.Count == 0) continue;
            if (len == steps.Count) return (matches, null);
            if (len == 0 && steps.Count > 0 && anchors.All(a => a.Path.Count == 0)) return ([], null);
            return (matches, string.Join('.', steps.Skip(len).Select(s => s is int i ? $"[{i}]" : (string)s)).Replace(".[", "["));
        }
        return ([], null);
    }

    private static bool StartsWith(List<object> path, List<object> prefix) =>
        path.Count >= prefix.Count && prefix.Select((p, i) => Equals(p, path[i])).All(x => x);

    // Matches the steps against a node path from position 'from'; a name step may be followed by any index in the node path.
    private static bool Matches(List<object> steps, List<object> path, int from)
    {
        int j = from;
        for (int i = 0; i < steps.Count; i++)
        {
            if (j >= path.Count) return false;
            if (steps[i] is int idx)
            {
                if (path[j] is not int k || k != idx) return false;
                j++;
                continue;
            }
            if (path[j] is not string name || name != (string)steps[i]) return false;
            j++;
            var nextIsIndex = i + 1 < steps.Count && steps[i + 1] is int;
            if (!nextIsIndex && j < path.Count && path[j] is int && i + 1 < steps.Count) j++;
        }
        return j == path.Count;
    }

    private static List<object> Parse(string path)
    {
        var steps = new List<object>();
        foreach (var raw in path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw;
            var b = part.IndexOf('[');
            if (b < 0) { steps.Add(part); continue; }
            if (b > 0) steps.Add(part[..b]);
            foreach (var seg in part[b..].Split('[', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(seg.TrimEnd(']'), out var n)) steps.Add(n);
            }
        }
        return steps;
    }

    private static void Write(JsonElement e, List<object> path, int depth, string prefix, bool comma, List<string> lines, List<Node> nodes)
    {
        var indent = new string(' ', depth * 2);
        var tail = comma ? "," : "";
        var start = lines.Count;
        string? type = null;
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var props = e.EnumerateObject().ToList();
                if (props.Count == 0) { lines.Add(indent + prefix + "{}" + tail); break; }
                if (e.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String) type = t.GetString();
                lines.Add(indent + prefix + "{");
                for (int i = 0; i < props.Count; i++)
                    Write(props[i].Value, [.. path, props[i].Name], depth + 1, Str(props[i].Name) + ": ", i < props.Count - 1, lines, nodes);
                lines.Add(indent + "}" + tail);
                break;
            case JsonValueKind.Array:
                var items = e.EnumerateArray().ToList();
                if (items.Count == 0) { lines.Add(indent + prefix + "[]" + tail); break; }
                lines.Add(indent + prefix + "[");
                for (int i = 0; i < items.Count; i++) Write(items[i], [.. path, i], depth + 1, "", i < items.Count - 1, lines, nodes);
                lines.Add(indent + "]" + tail);
                break;
            case JsonValueKind.String:
                lines.Add(indent + prefix + Str(e.GetString()!) + tail);
                break;
            default:
                lines.Add(indent + prefix + e.GetRawText() + tail);
                break;
        }
        nodes.Add(new Node(path, start, lines.Count - 1, type));
    }

    private static string Str(string s) => JsonSerializer.Serialize(s, BodyFormatter.IndentedJson);
}
