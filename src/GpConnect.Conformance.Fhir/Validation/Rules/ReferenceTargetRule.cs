using System.Text.RegularExpressions;
using GpConnect.Conformance.Fhir.Definitions;

namespace GpConnect.Conformance.Fhir.Validation.Rules;

/// <summary>
/// Literal reference syntax (rule <c>reference.syntax</c>): a relative <c>Type/id</c> (optionally <c>/_history/vid</c>),
/// an absolute URL, or <c>#id</c> for a contained resource; nothing else (no spaces, no empty id, no search query).
/// Reference targets: a relative (<c>Type/id</c>, optionally with <c>_history</c>) or absolute RESTful reference must
/// name an allowed resource type; a <c>#id</c> reference must resolve to a contained resource of an allowed type.
/// </summary>
internal sealed partial class ReferenceTargetRule : IElementRule
{
    [GeneratedRegex(@"(?:^|/)(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RestfulRx();

    [GeneratedRegex(@"^(?:[A-Z][A-Za-z]+/[A-Za-z0-9\-\.]{1,64}(?:/_history/[A-Za-z0-9\-\.]{1,64})?|#[A-Za-z0-9\-\.]{1,64}|[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralRx();

    public void Check(in ElementVisit v, FindingSink sink)
    {
        if (v.Type != "Reference") return;
        var reference = v.Node.Child("reference");
        var value = reference?.Value;
        if (value is null) return;
        if (!LiteralRx().IsMatch(value))
        {
            sink.Error(reference!, "reference.syntax", "Type/id, an absolute URL or #id", value,
                $"{reference!.Path}: '{value}' is not a literal reference: write a relative Type/id (e.g. Schedule/14), an absolute URL, or #id for a contained resource.");
            return;
        }
        var allowed = new List<string>();
        foreach (var t in v.Definition.Types)
        {
            if (t.Code != "Reference") continue;
            foreach (var p in t.TargetProfiles)
                if (v.Definitions.TypeOfProfile(p) is { } type) allowed.Add(type);
        }
        if (allowed.Count == 0 || allowed.Contains("Resource")) return;

        string? actualType;
        if (value.StartsWith('#'))
        {
            var container = OutermostResource(v.Node);
            var target = container?.Children("contained").FirstOrDefault(c => c.SelectValue("id") == value[1..]);
            if (target is null)
            {
                sink.Error(reference!, "reference.contained", value, null, $"{reference!.Path}: '{value}' does not match the id of any contained resource.");
                return;
            }
            actualType = target.ResourceType;
        }
        else
        {
            var q = value.IndexOfAny(new[] { '?', '#' });
            var m = RestfulRx().Match(q < 0 ? value : value[..q]);
            if (!m.Success) return; // urn:uuid / logical references cannot be typed here
            actualType = m.Groups["type"].Value;
        }
        if (actualType is not null && !allowed.Contains(actualType))
            sink.Error(reference!, "reference.target", string.Join(" | ", allowed.Distinct()), actualType,
                $"{reference!.Path}: reference '{value}' points to a {actualType}; profile {v.ProfileName} allows {string.Join(", ", allowed.Distinct())}.");
    }

    private static ElementNode? OutermostResource(ElementNode node)
    {
        var r = node.EnclosingResource();
        while (r is not null && r.Name == "contained" && r.Parent is not null) r = r.Parent.EnclosingResource();
        return r;
    }
}
