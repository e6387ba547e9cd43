namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>Settings of a <see cref="ProfileValidator"/>.</summary>
public sealed class ValidatorOptions
{
    /// <summary>
    /// Maximum of <c>Slot.serviceType</c> and <c>Appointment.serviceType</c> (config <c>Expectations:ServiceTypeMax</c>).
    /// Default 1 as release 1.2.7 (#912) sets; null means unbounded.
    /// </summary>
    public int? ServiceTypeMax { get; init; } = 1;

    /// <summary>Apply the 1.2.7 release-note changes on top of definitions loaded from a directory (default true).</summary>
    public bool ApplyReleaseNoteOverrides { get; init; } = true;

    /// <summary>Validate contained resources and Bundle entry resources found inside a resource (default true).</summary>
    public bool ValidateNestedResources { get; init; } = true;

    /// <summary>Check that <c>meta.profile</c> names the profile validated against (default true).</summary>
    public bool CheckMetaProfile { get; init; } = true;

    /// <summary>
    /// Evaluate the error-severity invariants (FHIRPath constraints such as dom-3, ext-1, ref-1, per-1) of each element's
    /// definition and type (default true).
    /// </summary>
    public bool EvaluateInvariants { get; init; } = true;

    /// <summary>Report a display that differs from the value set's display as a warning (default true).</summary>
    public bool CheckDisplays { get; init; } = true;

    /// <summary>
    /// For tests: when set, every invariant decided without the FHIRPath engine (an expression skipped because the node
    /// has none of the children it navigates, or ele-1 checked natively) is also evaluated by the engine, and both
    /// results are reported here, so tests can prove the shortcuts agree with the engine.
    /// </summary>
    internal Action<Invariants.InvariantCrossCheck>? InvariantCrossCheck { get; init; }
}
