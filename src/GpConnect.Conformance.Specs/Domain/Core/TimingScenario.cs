namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>The JWT timing test point a scenario's Given step chose (one per scenario), for the Then step that judges it.</summary>
public sealed class TimingScenario
{
    private ClockSkewPoint? _point;

    /// <summary>The chosen point; throws when no Given step chose one.</summary>
    public ClockSkewPoint Point
    {
        get => _point ?? throw new InvalidOperationException("No JWT timing was set: use 'Given the JWT expired N seconds ago' or 'Given the JWT was issued N seconds in the future' first.");
        set => _point = value;
    }
}
