using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks;

/// <summary>Checks on searchset Bundles and the resources in their entries.</summary>
public static class BundleChecks
{
    /// <summary>The body is a Bundle of type searchset (spec: FHIR resource guidance, CORE-103).</summary>
    public static Check Searchset(ProviderResponse response)
    {
        var check = ResponseChecks.ResourceType(response, "Bundle");
        if (!check.Passed) return check;
        var type = response.Resource!.SelectValue("type");
        if (type != "searchset")
            check.Fail("bundle.type", "Bundle.type", "searchset", type ?? "absent", $"A search response must be a searchset Bundle, not \"{type ?? "no type"}\".");
        return check;
    }

    /// <summary>
    /// The searchset holds at least <paramref name="minimum"/> resources of the type. Scenarios that then check "every X"
    /// use this first, so an empty result can never pass them by having nothing to check.
    /// </summary>
    public static Check Contains(ProviderResponse response, string resourceType, int minimum = 1)
    {
        var check = Searchset(response);
        if (!check.Passed) return check;
        var count = response.BundleEntries(resourceType).Count;
        if (count < minimum)
            check.Fail("bundle.entries", "Bundle.entry.resource", $"at least {minimum} {resourceType}", count.ToString(),
                $"Expected at least {minimum} {resourceType} in the Bundle but found {count}. " +
                "Check the provider's test data: the scenario needs such resources to check anything.");
        return check;
    }

    /// <summary>Every entry of the type has at most <paramref name="max"/> repeats of <paramref name="element"/>.</summary>
    public static Check EveryEntryAtMost(ProviderResponse response, string resourceType, string element, int max, string? basis = null)
    {
        var check = new Check();
        foreach (var entry in response.BundleEntries(resourceType))
        {
            var count = entry.Children(element).Count();
            if (count > max)
                check.Fail("cardinality.max", $"{entry.Path}.{element}", $"at most {max}", count.ToString(),
                    $"{entry.Path}.{element} has {count} entries; {resourceType}.{element} allows at most {max}{(basis is null ? "" : $" ({basis})")}.");
        }
        return check;
    }

    /// <summary>Every entry of the type has a non-blank value at <paramref name="path"/>.</summary>
    public static Check EveryEntryHasValue(ProviderResponse response, string resourceType, string path, Func<ElementNode, bool>? onlyWhere = null)
    {
        var check = new Check();
        foreach (var entry in response.BundleEntries(resourceType).Where(e => onlyWhere?.Invoke(e) ?? true))
        {
            var values = entry.Select(path).Select(n => n.Value).ToList();
            if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
                check.Fail("element.required", $"{entry.Path}.{path}", "a non-empty value", values.Count == 0 ? "absent" : "empty",
                    $"{entry.Path}.{path} must be populated (id {entry.SelectValue("id") ?? "unknown"}).");
        }
        return check;
    }

    /// <summary>No entry of the type carries <paramref name="element"/> (prohibited, 0..0).</summary>
    public static Check NoEntryHas(ProviderResponse response, string resourceType, string element)
    {
        var check = new Check();
        foreach (var entry in response.BundleEntries(resourceType))
            if (entry.Children(element).Any())
                check.Fail("element.prohibited", $"{entry.Path}.{element}", "absent", "present",
                    $"{entry.Path}.{element} is present but {resourceType}.{element} is not allowed (0..0).");
        return check;
    }

    /// <summary>Every entry resource validates against its GP Connect profile (by resource type).</summary>
    public static Check EntriesValid(ProviderResponse response, ProfileValidator validator)
    {
        var check = Searchset(response);
        if (!check.Passed) return check;
        return check.Add(ResponseChecks.ValidationFailures(validator.ValidateBundleEntries(response.Resource!), "GP Connect profiles"));
    }
}
