namespace GpConnect.Conformance.Runner.Results;

/// <summary>Something a scenario kept to show what happened. Reports render each kind in its own way.</summary>
public abstract record Evidence(string Title);

/// <summary>Free text (a note, a decoded value, a diagnostic).</summary>
public sealed record TextEvidence(string Title, string Text) : Evidence(Title);

/// <summary>One HTTP request and its response, exactly as sent and received.</summary>
public sealed record HttpExchangeEvidence(
    string Title,
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    int? StatusCode,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? ResponseBody,
    TimeSpan Duration,
    DateTimeOffset Started,
    /// <summary>Set when no response came back (connection refused, TLS failure, timeout).</summary>
    string? TransportError = null) : Evidence(Title);
