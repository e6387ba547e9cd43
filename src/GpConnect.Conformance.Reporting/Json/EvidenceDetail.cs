namespace GpConnect.Conformance.Reporting.Json;

/// <summary>How much evidence results.json carries. The HTML report always carries all of it.</summary>
public enum EvidenceDetail
{
    /// <summary>No evidence entries at all.</summary>
    None,
    /// <summary>HTTP exchanges as method, URL, status, timing and transport error, with bodies and text cut to <see cref="ResultsJsonOptions.ExcerptLength"/> characters; no headers.</summary>
    Excerpt,
    /// <summary>Everything, including headers and whole bodies.</summary>
    Full,
}

/// <summary>Options for <see cref="ResultsJson"/>.</summary>
public sealed record ResultsJsonOptions
{
    /// <summary>How much evidence to write. Default <see cref="EvidenceDetail.Excerpt"/>.</summary>
    public EvidenceDetail Evidence { get; init; } = EvidenceDetail.Excerpt;
    /// <summary>Longest body or text kept in <see cref="EvidenceDetail.Excerpt"/> mode. Default 1000.</summary>
    public int ExcerptLength { get; init; } = 1000;
    /// <summary>Indent the JSON (default true; results files are read by people too).</summary>
    public bool Indented { get; init; } = true;
}
