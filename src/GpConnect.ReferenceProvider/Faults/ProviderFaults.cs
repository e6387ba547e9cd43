using GpConnect.ReferenceProvider.Faults;

namespace GpConnect.ReferenceProvider;

/// <summary>The catalogue of fault switches the reference provider understands.</summary>
public static class ProviderFaults
{
    /// <summary>Every fault, in a stable order.</summary>
    public static IReadOnlyList<ProviderFault> All { get; } = FaultCatalogue.Definitions.Select(d => d.Fault).ToArray();
}
