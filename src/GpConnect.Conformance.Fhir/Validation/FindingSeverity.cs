namespace GpConnect.Conformance.Fhir.Validation;

/// <summary>How serious a validation finding is.</summary>
public enum FindingSeverity
{
    /// <summary>The resource breaks a rule of the profile or of FHIR.</summary>
    Error,
    /// <summary>Allowed, but worth a look (extensible/preferred bindings, unknown extensions, ...).</summary>
    Warning,
    /// <summary>Informational only.</summary>
    Information,
}
