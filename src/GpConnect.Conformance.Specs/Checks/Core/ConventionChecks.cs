using System.Text.RegularExpressions;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Checks of the resource conventions every response follows (spec: FHIR resource guidance): meta, ids, references, Bundles.</summary>
public static partial class ConventionChecks
{
    private const string Base = "https://fhir.nhs.uk/STU3/StructureDefinition/";

    /// <summary>The GP Connect profile each Foundations/Appointment Management resource type carries (spec: FHIR resource guidance).</summary>
    public static IReadOnlyDictionary<string, string> Profiles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Patient"] = Base + "CareConnect-GPC-Patient-1",
        ["Practitioner"] = Base + "CareConnect-GPC-Practitioner-1",
        ["PractitionerRole"] = Base + "CareConnect-GPC-PractitionerRole-1",
        ["Organization"] = Base + "CareConnect-GPC-Organization-1",
        ["Location"] = Base + "CareConnect-GPC-Location-1",
        ["Appointment"] = Base + "GPConnect-Appointment-1",
        ["Schedule"] = Base + "GPConnect-Schedule-1",
        ["Slot"] = Base + "GPConnect-Slot-1",
        ["OperationOutcome"] = Base + "GPConnect-OperationOutcome-1",
    };

    /// <summary>
    /// The resource carries its GP Connect profile in meta.profile and a non-empty meta.versionId, and (when
    /// <paramref name="requestedId"/> is given, for reads) its id equals the id in the URL (spec: FHIR resource guidance, CORE-093–095).
    /// </summary>
    public static Check Identity(ElementNode resource, string? requestedId = null)
    {
        var check = new Check();
        var type = resource.ResourceType ?? "resource";
        var profiles = resource.Select("meta.profile").Select(p => p.Value).ToList();
        if (!Profiles.TryGetValue(type, out var expected))
            check.Fail("meta.profile", $"{resource.Path}.meta.profile", "a GP Connect resource type", type, $"{resource.Path} is a {type}, which no Foundations or Appointment Management response returns.");
        else if (!profiles.Contains(expected))
            check.Fail("meta.profile", $"{resource.Path}.meta.profile", expected, profiles.Count == 0 ? "absent" : string.Join(", ", profiles),
                $"{resource.Path} ({type} {resource.SelectValue("id") ?? "without id"}) must declare {expected} in meta.profile.");
        if (string.IsNullOrWhiteSpace(resource.SelectValue("meta.versionId")))
            check.Fail("meta.versionId", $"{resource.Path}.meta.versionId", "a version id", "absent",
                $"{resource.Path} ({type} {resource.SelectValue("id") ?? "without id"}) must carry meta.versionId.");
        var id = resource.SelectValue("id");
        if (string.IsNullOrWhiteSpace(id))
            check.Fail("id", $"{resource.Path}.id", "a logical id", "absent", $"{resource.Path} ({type}) has no id.");
        else if (requestedId is not null && id != requestedId)
            check.Fail("id.matches-url", $"{resource.Path}.id", requestedId, id, $"A read of {type}/{requestedId} returned {type} id \"{id}\".");
        return check;
    }

    /// <summary>
    /// The capability statement's <c>profile[].reference</c> lists every Foundations and Appointment Management profile
    /// (spec: Get the FHIR capability statement, CORE-117). The Access Record Structured entries of the template are not required.
    /// </summary>
    public static Check DeclaresEveryProfile(ProviderResponse statement)
    {
        var check = ResponseChecks.ResourceType(statement, "CapabilityStatement");
        if (!check.Passed) return check;
        var declared = statement.Resource!.Select("profile.reference").Select(r => r.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var profile in Profiles.Values.Where(p => !declared.Contains(p)))
            check.Fail("capability.profile", "CapabilityStatement.profile", profile, "not declared",
                $"CapabilityStatement.profile does not declare {profile}; every Foundations and Appointment Management profile must be identified.");
        return check;
    }

    /// <summary>The response's root resource passes <see cref="Identity"/>.</summary>
    public static Check RootIdentity(ProviderResponse response, string requestedId)
    {
        var check = ResponseChecks.Status(response, 200);
        if (!check.Passed) return check;
        if (response.Resource is null) return ResponseChecks.ResourceType(response, "resource");
        return Identity(response.Resource, requestedId);
    }

    /// <summary>Every resource in the searchset passes <see cref="Identity"/> (call BundleChecks.Contains first).</summary>
    public static Check EveryEntryIdentity(ProviderResponse response)
    {
        var check = new Check();
        foreach (var entry in response.BundleEntries()) check.Add(Identity(entry).Failures);
        return check;
    }

    /// <summary>
    /// Every <c>reference</c> anywhere in the body is a local relative reference <c>Type/id</c> (or a <c>#contained</c>
    /// one), never an absolute URL (spec: FHIR resource guidance, CORE-101). Returns how many were checked so callers can insist on one.
    /// </summary>
    public static Check RelativeReferences(ProviderResponse response, out int checkedCount)
    {
        var check = new Check();
        checkedCount = 0;
        if (response.Resource is null) return ResponseChecks.ResourceType(response, "resource");
        foreach (var node in Descendants(response.Resource).Where(n => n.Name == "reference" && n.Value is not null))
        {
            checkedCount++;
            if (!RelativeReference().IsMatch(node.Value!) && !node.Value!.StartsWith('#'))
                check.Fail("reference.relative", node.Path, "Type/id", node.Value,
                    $"{node.Path} is \"{node.Value}\"; GP Connect references must be local relative references (Type/id).");
        }
        if (checkedCount == 0)
            check.Fail("reference.present", response.Resource.Path, "at least one reference", "none",
                "The response holds no references, so the relative-reference rule could not be checked; the scenario needs a response with references.");
        return check;
    }

    /// <summary>No searchset entry carries fullUrl (spec: FHIR resource guidance, CORE-102; SHOULD NOT, failed here so that it is visible).</summary>
    public static Check NoFullUrl(ProviderResponse response)
    {
        var check = new Check();
        if (response.Resource is null) return ResponseChecks.ResourceType(response, "Bundle");
        foreach (var entry in response.Resource.Children("entry"))
            if (entry.Child("fullUrl") is { } fullUrl)
                check.Fail("bundle.entry.fullUrl", fullUrl.Path, "absent", fullUrl.Value ?? "present",
                    $"{fullUrl.Path} is populated (\"{fullUrl.Value}\"); since 1.2.3 providers SHOULD NOT populate Bundle.entry.fullUrl.");
        return check;
    }

    /// <summary>
    /// Every identifier system in the body is an https://fhir.nhs.uk/Id/ URL where it names an NHS identifier, never the
    /// DSTU2 http://fhir.nhs.net/Id/ form (spec: FHIR resource guidance, CORE-106); at least one identifier must be present.
    /// </summary>
    public static Check NhsIdentifierSystems(ProviderResponse response)
    {
        var check = new Check();
        if (response.Resource is null) return ResponseChecks.ResourceType(response, "resource");
        var systems = Descendants(response.Resource).Where(n => n.Name == "identifier").Select(i => i.Child("system")).OfType<ElementNode>().ToList();
        if (systems.Count == 0)
            return check.Fail("identifier.present", response.Resource.Path, "at least one identifier", "none",
                "The response holds no identifiers, so their systems could not be checked; the scenario needs a response with identifiers.");
        foreach (var system in systems.Where(s => s.Value?.StartsWith("http://fhir.nhs.net/", StringComparison.OrdinalIgnoreCase) == true))
            check.Fail("identifier.system", system.Path, system.Value!.Replace("http://fhir.nhs.net/", "https://fhir.nhs.uk/"), system.Value,
                $"{system.Path} is the DSTU2 system \"{system.Value}\"; GP Connect 1.x uses the https://fhir.nhs.uk/Id/ URLs.");
        return check;
    }

    /// <summary>Every resource id in the body is 1–64 characters of letters, digits, '-' and '.' (spec: FHIR resource guidance, CORE-109).</summary>
    public static Check LogicalIdSyntax(ProviderResponse response)
    {
        var check = new Check();
        if (response.Resource is null) return ResponseChecks.ResourceType(response, "resource");
        var resources = new[] { response.Resource }.Concat(Descendants(response.Resource).Where(n => n.IsResource));
        foreach (var id in resources.Select(r => r.Child("id")).OfType<ElementNode>())
            if (id.Value is null || !IdSyntax().IsMatch(id.Value))
                check.Fail("id.syntax", id.Path, "1-64 of [A-Za-z0-9-.]", id.Value ?? "(no value)",
                    $"{id.Path} \"{id.Value}\" is not a valid FHIR logical id (letters, digits, '-' and '.', at most 64).");
        return check;
    }

    /// <summary>
    /// Every date-time at <paramref name="paths"/> of every entry of <paramref name="resourceType"/> is UK local time with an
    /// explicit offset: <c>yyyy-mm-ddThh:mm:ss+00:00</c> or <c>+01:00</c> (spec: FHIR resource guidance, CORE-110).
    /// </summary>
    public static Check UkOffsetDateTimes(ProviderResponse response, string resourceType, params string[] paths)
    {
        var check = new Check();
        foreach (var entry in response.BundleEntries(resourceType))
            foreach (var node in paths.SelectMany(entry.Select))
                if (node.Value is null || !UkDateTime().IsMatch(node.Value))
                    check.Fail("datetime.uk-offset", node.Path, "yyyy-mm-ddThh:mm:ss+00:00 or +01:00", node.Value ?? "(no value)",
                        $"{node.Path} is \"{node.Value}\"; appointment, slot and schedule times carry an explicit +00:00 or +01:00 offset.");
        return check;
    }

    private static IEnumerable<ElementNode> Descendants(ElementNode node)
    {
        foreach (var child in node.Children())
        {
            yield return child;
            foreach (var descendant in Descendants(child)) yield return descendant;
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex RelativeReference();

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex IdSyntax();

    [GeneratedRegex("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[01]:00$")]
    private static partial Regex UkDateTime();
}
