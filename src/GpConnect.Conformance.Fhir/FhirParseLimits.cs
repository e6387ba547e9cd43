namespace GpConnect.Conformance.Fhir;

/// <summary>
/// Bounds on what <see cref="FhirParser"/> accepts, so a hostile body is a finding rather than a stack overflow.
/// Process-wide; the run command sets <see cref="MaxDepth"/> from the configuration key <c>limits:maxNestingDepth</c>.
/// </summary>
public static class FhirParseLimits
{
    /// <summary>The default nesting depth limit: far deeper than any GP Connect resource (a Bundle entry is about 15 levels).</summary>
    public const int DefaultMaxDepth = 256;

    /// <summary>Lowest and highest depth limits accepted (the parsers and validator recurse once per level).</summary>
    public const int MinimumMaxDepth = 16, MaximumMaxDepth = 1000;

    private static int _maxDepth = DefaultMaxDepth;

    /// <summary>
    /// Most levels of nested JSON objects/arrays or XML elements a body may have; a deeper body is the finding
    /// <c>parse.json</c>/<c>parse.xml-depth</c> and is not parsed further.
    /// </summary>
    public static int MaxDepth
    {
        get => Volatile.Read(ref _maxDepth);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinimumMaxDepth);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaximumMaxDepth);
            Volatile.Write(ref _maxDepth, value);
        }
    }
}
