using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.Checks.Foundations;

/// <summary>
/// Checks shared by the Foundations resources (the Foundations pages): the returned resource itself,
/// meta.profile and versionId, the business identifier searched for, elements that must not be populated, the ETag
/// of a read and references to the practice's organisation.
/// </summary>
public static class FoundationsChecks
{
    /// <summary>GP Connect profile URL of each Foundations resource type.</summary>
    public static string ProfileOf(string resourceType) => "https://fhir.nhs.uk/STU3/StructureDefinition/" + resourceType switch
    {
        "Patient" => "CareConnect-GPC-Patient-1",
        "Practitioner" => "CareConnect-GPC-Practitioner-1",
        "Organization" => "CareConnect-GPC-Organization-1",
        "Location" => "CareConnect-GPC-Location-1",
        _ => throw new ArgumentException($"No Foundations profile for {resourceType}."),
    };

    /// <summary>The response returns exactly one resource of the type (a Read body, or a Bundle with one such entry).</summary>
    public static Check Returned(ProviderResponse response, string resourceType, out ElementNode? resource)
    {
        var check = new Check();
        resource = ReturnedResource.Of(response, resourceType);
        if (resource is null)
        {
            var found = response.Resource is null ? "no resource" : response.Resource.ResourceType == "Bundle"
                ? $"a Bundle with {response.BundleEntries(resourceType).Count} {resourceType} entries"
                : $"a {response.Resource.ResourceType}";
            check.Fail("resource.returned", resourceType, $"one {resourceType}", found, $"Expected one {resourceType} in the response but found {found} ({response.Describe()}).");
        }
        return check;
    }

    /// <summary>The searchset Bundle holds exactly <paramref name="count"/> entries of the type (and nothing else).</summary>
    public static Check EntryCount(ProviderResponse response, string resourceType, int count)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var all = response.BundleEntries();
        var typed = all.Count(e => e.ResourceType == resourceType);
        if (typed != count || all.Count != typed)
            check.Fail("bundle.entries", "Bundle.entry", $"{count} {resourceType}", $"{typed} {resourceType} of {all.Count} entries",
                $"The searchset should hold exactly {count} {resourceType} and nothing else, but holds {all.Count} entries ({typed} {resourceType}).");
        return check;
    }

    /// <summary>The response is a searchset Bundle with no entries at all (no match is not an error, spec: Foundations overview).</summary>
    public static Check Empty(ProviderResponse response)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var entries = response.BundleEntries();
        if (entries.Count > 0)
            check.Fail("bundle.empty", "Bundle.entry", "no entries", $"{entries.Count} entries",
                $"The searchset must be empty but holds {string.Join(", ", entries.Select(e => $"{e.ResourceType}/{e.SelectValue("id")}"))}.");
        return check;
    }

    /// <summary>FND-024/FND-033: meta.profile names the GP Connect profile and meta.versionId is present.</summary>
    public static Check ProfileAndVersion(ElementNode resource)
    {
        var check = new Check();
        var type = resource.ResourceType ?? "resource";
        var profile = ProfileOf(type);
        var declared = resource.Select("meta.profile").Select(p => p.Value).ToList();
        if (!declared.Contains(profile))
            check.Fail("FND-024 meta.profile", $"{resource.Path}.meta.profile", profile, declared.Count == 0 ? "absent" : string.Join(", ", declared),
                $"{type}.meta.profile must contain {profile}.");
        if (string.IsNullOrWhiteSpace(resource.SelectValue("meta.versionId")))
            check.Fail("FND-024 meta.versionId", $"{resource.Path}.meta.versionId", "a version id", "absent", $"{type}.meta.versionId must be populated.");
        return check;
    }

    /// <summary>Exactly one identifier with the system, whose value is <paramref name="value"/>.</summary>
    public static Check Identifier(ElementNode resource, string system, string value, string rule)
    {
        var check = new Check();
        var type = resource.ResourceType;
        var matching = resource.Children("identifier").Where(i => i.SelectValue("system") == system).ToList();
        var systems = resource.Select("identifier.system").Select(s => s.Value).ToList();
        if (matching.Count != 1)
            return check.Fail(rule, $"{resource.Path}.identifier", $"one identifier with system {system}",
                systems.Count == 0 ? "no identifier" : $"{matching.Count} (systems: {string.Join(", ", systems)})",
                $"{type} must carry exactly one identifier with system {system}; it has {matching.Count} (identifier systems: {(systems.Count == 0 ? "none" : string.Join(", ", systems))}).");
        if (matching[0].SelectValue("value") != value)
            check.Fail(rule, $"{matching[0].Path}.value", value, matching[0].SelectValue("value") ?? "absent",
                $"{type}'s {system} identifier is \"{matching[0].SelectValue("value")}\", not the \"{value}\" searched for.");
        return check;
    }

    /// <summary>FND-128: the number of identifiers with the system is the number the provider holds.</summary>
    public static Check IdentifierCount(ElementNode resource, string system, int expected, string rule)
    {
        var check = new Check();
        var count = resource.Children("identifier").Count(i => i.SelectValue("system") == system);
        if (count != expected)
            check.Fail(rule, $"{resource.Path}.identifier", $"{expected} with system {system}", count.ToString(),
                $"{resource.ResourceType} carries {count} identifiers with system {system}; the provider holds {expected} (test data).");
        return check;
    }

    /// <summary>FND-043/FND-131: nhsCommunication carries a language coded from CareConnect-HumanLanguage-1.</summary>
    public static Check CodedLanguage(ElementNode resource, string rule)
    {
        var check = new Check();
        var coding = PatientChecks.LanguageCoding(resource);
        if (coding is null)
            return check.Fail(rule, $"{resource.Path}.extension", "nhsCommunication.language", "absent",
                $"The {resource.ResourceType}'s recorded language must be returned in the nhsCommunication extension.");
        if (coding.SelectValue("system") != PatientChecks.HumanLanguageSystem || string.IsNullOrWhiteSpace(coding.SelectValue("code")))
            check.Fail(rule, coding.Path, $"a code from {PatientChecks.HumanLanguageSystem}", $"{coding.SelectValue("system")}|{coding.SelectValue("code")}",
                "nhsCommunication.language must be coded from CareConnect-HumanLanguage-1.");
        return check;
    }

    /// <summary>None of the listed elements (or extension URLs ending with a listed name) is present.</summary>
    public static Check NoneOf(ElementNode resource, IEnumerable<string> elements, string rule)
    {
        var check = new Check();
        var extensionUrls = resource.Select("extension.url").Select(u => u.Value ?? "").ToList();
        foreach (var element in elements)
        {
            if (resource.Children(element).Any())
                check.Fail(rule, $"{resource.Path}.{element}", "absent", "present", $"{resource.ResourceType}.{element} is present but must not be populated.");
            else if (extensionUrls.FirstOrDefault(u => u.EndsWith(element, StringComparison.Ordinal) || u.Contains($"-{element}-", StringComparison.Ordinal)) is { Length: > 0 } url)
                check.Fail(rule, $"{resource.Path}.extension", "absent", url, $"{resource.ResourceType} carries the extension {url}, which must not be returned.");
        }
        return check;
    }

    /// <summary>FND-071 and peers: a Read answers <c>ETag: W/"versionId"</c>.</summary>
    public static Check ETag(ProviderResponse response, ElementNode resource)
    {
        var check = new Check();
        var version = resource.SelectValue("meta.versionId");
        var etag = response.Exchange.ResponseHeader("ETag");
        var expected = $"W/\"{version}\"";
        if (etag != expected)
            check.Fail("FND-071 ETag", "ETag", expected, etag ?? "absent",
                etag is null ? $"A read must answer an ETag header {expected}; there is none." : $"The ETag header is {etag}, not {expected}.");
        return check;
    }

    /// <summary>FND-069: a record that has not changed keeps its id and meta.versionId between two responses.</summary>
    public static Check SameVersion(ElementNode first, ElementNode second)
    {
        var check = new Check();
        var (v1, v2) = (first.SelectValue("meta.versionId"), second.SelectValue("meta.versionId"));
        if (first.SelectValue("id") != second.SelectValue("id"))
            check.Fail("FND-069 id", $"{second.Path}.id", first.SelectValue("id"), second.SelectValue("id"), "The same record came back with a different id.");
        if (v1 is null || v1 != v2)
            check.Fail("FND-069 versionId", $"{second.Path}.meta.versionId", v1 ?? "a version", v2 ?? "absent",
                $"meta.versionId changed from \"{v1}\" to \"{v2}\" although the record did not change; it changes only when the content does.");
        return check;
    }

    /// <summary>The returned resource's id is the one requested.</summary>
    public static Check IdIs(ElementNode resource, string id)
    {
        var check = new Check();
        var actual = resource.SelectValue("id");
        if (actual != id)
            check.Fail("FND-070 id", $"{resource.Path}.id", id, actual ?? "absent", $"{resource.ResourceType}.id is \"{actual}\", not the \"{id}\" requested.");
        return check;
    }

    /// <summary>The element at <paramref name="path"/> is a relative reference <c>Type/id</c>; returns the id.</summary>
    public static Check RelativeReference(ElementNode resource, string path, string targetType, string rule, out string? id)
    {
        var check = new Check();
        id = null;
        var reference = resource.SelectValue(path + ".reference");
        if (reference is null)
            return check.Fail(rule, $"{resource.Path}.{path}", $"{targetType}/[id]", "absent", $"{resource.ResourceType}.{path} must reference a {targetType} ({targetType}/[id]); it is absent.");
        var parts = reference.Split('/');
        if (parts.Length != 2 || parts[0] != targetType || parts[1].Length == 0)
            return check.Fail(rule, $"{resource.Path}.{path}.reference", $"{targetType}/[id]", reference,
                $"{resource.ResourceType}.{path} is \"{reference}\"; it must be a relative reference {targetType}/[id].");
        id = parts[1];
        return check;
    }

    /// <summary>A Location's address is a single object (0..1 in STU3), never a JSON array, and has no state.</summary>
    public static Check SingleAddress(ElementNode location)
    {
        var check = new Check();
        var addresses = location.Children("address").ToList();
        if (addresses.Count > 1 || addresses.Any(a => a.InJsonArray))
            check.Fail("FND-154 address", $"{location.Path}.address", "one Address object", addresses.Count > 1 ? $"{addresses.Count} addresses" : "an array",
                "Location.address is 0..1 in STU3: it must be a single Address object, not an array.");
        if (addresses.Any(a => a.Children("state").Any()))
            check.Fail("FND-154 address.state", $"{location.Path}.address.state", "absent", "present", "Location.address.state must not be populated.");
        return check;
    }
}
