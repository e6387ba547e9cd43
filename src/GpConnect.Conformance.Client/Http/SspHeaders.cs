namespace GpConnect.Conformance.Client;

/// <summary>Spine Secure Proxy header names.</summary>
public static class SspHeaders
{
    /// <summary>A new GUID per request.</summary>
    public const string TraceId = "Ssp-TraceID";
    /// <summary>The consumer ASID.</summary>
    public const string From = "Ssp-From";
    /// <summary>The provider ASID.</summary>
    public const string To = "Ssp-To";
    /// <summary>The interaction URN.</summary>
    public const string InteractionId = "Ssp-InteractionID";

    /// <summary>All four, in the order the client sends them.</summary>
    public static IReadOnlyList<string> All { get; } = [TraceId, From, To, InteractionId];
}

/// <summary>FHIR media types.</summary>
public static class FhirMediaTypes
{
    /// <summary><c>application/fhir+json</c></summary>
    public const string Json = "application/fhir+json";
    /// <summary><c>application/fhir+xml</c></summary>
    public const string Xml = "application/fhir+xml";
    /// <summary><c>application/fhir+json;charset=utf-8</c>, the Content-Type the client sends with bodies by default.</summary>
    public const string JsonUtf8 = "application/fhir+json;charset=utf-8";
}
