namespace GpConnect.ReferenceProvider;

/// <summary>A named, deliberate deviation from the specification that the provider can be started with.</summary>
/// <param name="Name">The switch name, e.g. <c>slot-two-service-types</c>.</param>
/// <param name="Description">One line saying which rule the fault breaks.</param>
public sealed record ProviderFault(string Name, string Description);
