namespace GpConnect.Conformance.Reporting.Json;

/// <summary>A results.json that cannot be read: missing, not JSON, or an unknown schema version.</summary>
public sealed class ResultsFormatException(string message, Exception? inner = null) : Exception(message, inner);
