using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Faults;

/// <summary>The faults switched on for one provider instance, applied at the rule points that ask for them.</summary>
internal sealed class ActiveFaults
{
    private readonly IReadOnlyList<FaultDefinition> _active;

    private ActiveFaults(IReadOnlyList<FaultDefinition> active) => _active = active;

    /// <summary>No faults: the provider follows the specification.</summary>
    public static ActiveFaults None { get; } = new([]);

    /// <summary>Resolves fault names; an unknown name throws <see cref="ArgumentException"/> listing the valid ones.</summary>
    public static ActiveFaults Resolve(IEnumerable<string> names)
    {
        var chosen = new List<FaultDefinition>();
        foreach (var name in names)
        {
            var definition = FaultCatalogue.Definitions.FirstOrDefault(d => string.Equals(d.Fault.Name, name, StringComparison.Ordinal))
                ?? throw new ArgumentException(
                    $"Unknown reference-provider fault '{name}'. Valid faults: {string.Join(", ", FaultCatalogue.Definitions.Select(d => d.Fault.Name))}.");
            if (!chosen.Contains(definition)) chosen.Add(definition);
        }
        return new ActiveFaults(chosen);
    }

    /// <summary>Names of the active faults.</summary>
    public IReadOnlyList<string> Names => _active.Select(d => d.Fault.Name).ToArray();

    /// <summary>True when an active fault waives <paramref name="rule"/>.</summary>
    public bool Waives(ProviderRule rule) => _active.OfType<RuleWaiverFault>().Any(f => f.Rule == rule);

    /// <summary>How long an active fault holds back the answer to the named interaction (zero when none does).</summary>
    public TimeSpan DelayFor(string interactionName) =>
        _active.OfType<SlowResponseFault>().Where(f => f.InteractionName == interactionName).Aggregate(TimeSpan.Zero, (total, f) => total + f.Delay);

    /// <summary>Applies every active decoration for the resource's type and returns the same object.</summary>
    public JsonObject Decorate(JsonObject resource)
    {
        var type = resource["resourceType"]?.GetValue<string>();
        foreach (var fault in _active.OfType<ResourceDecorationFault>())
        {
            if (fault.ResourceType == type) fault.Decorate(resource);
        }
        return resource;
    }
}
