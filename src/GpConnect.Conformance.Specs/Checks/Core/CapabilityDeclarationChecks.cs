using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>
/// What the capability statement must declare beyond the Foundations interactions (spec: Get the FHIR capability statement): the slot search's
/// includes, the software that answers, and the formats the provider actually serves.
/// </summary>
public static class CapabilityDeclarationChecks
{
    /// <summary>The rest.resource of <paramref name="resourceType"/> lists every value in its searchInclude.</summary>
    public static Check DeclaresSearchIncludes(ProviderResponse response, string resourceType, IReadOnlyList<string> includes)
    {
        var check = ResponseChecks.ResourceType(response, "CapabilityStatement");
        if (!check.Passed) return check;
        var resource = response.Resource!.Select("rest.resource").FirstOrDefault(r => r.SelectValue("type") == resourceType);
        if (resource is null)
            return check.Fail("CORE-115 resource", "CapabilityStatement.rest.resource", resourceType, "absent", $"The capability statement does not declare the {resourceType} resource.");
        var declared = resource.Select("searchInclude").Select(i => i.Value).OfType<string>().ToList();
        foreach (var include in includes.Where(i => !declared.Contains(i, StringComparer.Ordinal)))
            check.Fail("CORE-115 searchInclude", $"{resource.Path}.searchInclude", include, declared.Count == 0 ? "none" : string.Join(", ", declared),
                $"The capability statement's {resourceType} does not declare the searchInclude {include}, which the search accepts.");
        return check;
    }

    /// <summary>CapabilityStatement.software carries a non-empty name and version (the template's software element).</summary>
    public static Check NamesSoftware(ProviderResponse response)
    {
        var check = ResponseChecks.ResourceType(response, "CapabilityStatement");
        if (!check.Passed) return check;
        foreach (var element in new[] { "name", "version" })
        {
            var value = response.Resource!.SelectValue($"software.{element}");
            if (string.IsNullOrWhiteSpace(value))
                check.Fail("CORE-113 software", $"CapabilityStatement.software.{element}", "a non-empty value", value ?? "absent",
                    $"CapabilityStatement.software.{element} must name the provider's software {(element == "name" ? "product" : "release")}; it is {(value is null ? "absent" : "empty")}.");
        }
        return check;
    }

    /// <summary>
    /// A capability statement asked for in XML: either refused with 415 (the provider serves JSON only, which is allowed),
    /// or served as FHIR XML whose <c>format</c> list names application/fhir+xml (spec: FHIR API guidance: content types: the formats supported are declared).
    /// </summary>
    public static Check XmlServedIsDeclared(ProviderResponse response)
    {
        if (response.StatusCode == 415) return new Check();
        var check = FormatChecks.Body(response, FhirWireFormat.Xml);
        if (!check.Passed) return check;
        check.Add(ResponseChecks.ResourceType(response, "CapabilityStatement").Failures);
        if (!check.Passed) return check;
        var formats = response.Resource!.Select("format").Select(f => f.Value).OfType<string>().ToList();
        if (!formats.Any(f => FormatChecks.Declared(f) == FhirWireFormat.Xml))
            check.Fail("CORE-023 format", "CapabilityStatement.format", "application/fhir+xml", formats.Count == 0 ? "none" : string.Join(", ", formats),
                $"The provider serves FHIR XML but CapabilityStatement.format does not declare it; it lists {(formats.Count == 0 ? "nothing" : string.Join(", ", formats))}.");
        return check;
    }
}
