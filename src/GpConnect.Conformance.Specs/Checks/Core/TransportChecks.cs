using GpConnect.Conformance.Client;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Core;

/// <summary>Checks on what happened below HTTP: the TLS mutual-authentication refusals the spec requires (FHIR API guidance: TLS mutual authentication).</summary>
public static class TransportChecks
{
    /// <summary>
    /// The provider refused the connection: no HTTP response came back, and the failure was the TLS handshake or the
    /// connection being closed (never a refused connection or a timeout, which say nothing about certificates).
    /// </summary>
    public static Check Refused(ProviderResponse response, string why)
    {
        var check = new Check();
        var exchange = response.Exchange;
        if (exchange.HasResponse)
            return check.Fail("tls.refused", null, "no HTTP response (TLS refused)", $"HTTP {exchange.StatusCode}",
                $"The provider answered HTTP {exchange.StatusCode} to a client {why}; it must refuse the TLS connection instead (spec: FHIR API guidance: TLS mutual authentication).");
        if (exchange.TransportErrorKind is not (TransportErrorKind.Tls or TransportErrorKind.Other))
            check.Fail("tls.refused", null, "TLS handshake failure or connection closed", exchange.TransportErrorKind?.ToString() ?? "unknown",
                $"No response came, but not because of TLS: {exchange.TransportError}. The provider may be unreachable, so the refusal cannot be judged.");
        return check;
    }
}
