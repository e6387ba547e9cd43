using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Foundations;

/// <summary>What the CapabilityStatement must declare for Foundations (spec: Foundations overview, FND-028/FND-029).</summary>
public static class FoundationsCapabilityChecks
{
    /// <summary>rest.resource of the type declares each interaction code.</summary>
    public static Check DeclaresInteractions(ProviderResponse response, string resourceType, IReadOnlyList<string> interactions)
    {
        var check = ResponseChecks.ResourceType(response, "CapabilityStatement");
        if (!check.Passed) return check;
        var resource = response.Resource!.Select("rest.resource").FirstOrDefault(r => r.SelectValue("type") == resourceType);
        if (resource is null)
            return check.Fail("FND-028 resource", "CapabilityStatement.rest.resource", resourceType, "absent", $"The capability statement does not declare the {resourceType} resource.");
        var declared = resource.Select("interaction.code").Select(c => c.Value).ToList();
        foreach (var interaction in interactions.Where(i => !declared.Contains(i)))
            check.Fail("FND-028 interaction", $"{resource.Path}.interaction", interaction, string.Join(", ", declared),
                $"The capability statement's {resourceType} does not declare the {interaction} interaction.");
        return check;
    }

    /// <summary>rest.operation declares the operation by name with its OperationDefinition.</summary>
    public static Check DeclaresOperation(ProviderResponse response, string name, string definition)
    {
        var check = ResponseChecks.ResourceType(response, "CapabilityStatement");
        if (!check.Passed) return check;
        var operation = response.Resource!.Select("rest.operation").FirstOrDefault(o => o.SelectValue("name") == name);
        if (operation is null)
            return check.Fail("FND-029 operation", "CapabilityStatement.rest.operation", name, "absent", $"The capability statement does not declare the {name} operation.");
        var reference = operation.SelectValue("definition.reference");
        if (reference != definition)
            check.Fail("FND-029 operation definition", $"{operation.Path}.definition.reference", definition, reference ?? "absent",
                $"The {name} operation must be defined by {definition}.");
        return check;
    }
}
