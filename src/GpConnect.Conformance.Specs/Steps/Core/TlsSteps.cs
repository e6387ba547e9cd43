using System.Security.Authentication;
using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>Steps of the TLS mutual-authentication feature (spec: FHIR API guidance: TLS mutual authentication); scenarios tagged @tls.</summary>
[Binding]
public sealed class TlsSteps(TlsScenario tls)
{
    [Given(@"^the provider endpoint requires TLS mutual authentication$")]
    public Task Open() => tls.OpenAsync();

    [When(@"^the consumer connects with its configured client certificate$")]
    public Task Configured() => tls.ConnectAsync(tls.Endpoint.Configured, "with the configured client certificate");

    [When(@"^the consumer connects without a client certificate$")]
    public Task Without() => tls.ConnectAsync(tls.Endpoint.WithoutClientCertificate(), "without a client certificate");

    [When(@"^the consumer connects with a client certificate from an untrusted CA$")]
    public Task Untrusted() => tls.ConnectAsync(tls.Endpoint.WithUntrustedClientCertificate(), "with a certificate from an untrusted CA");

    [When(@"^the consumer connects with an expired client certificate$")]
    public Task Expired() => tls.ConnectAsync(tls.Endpoint.WithExpiredClientCertificate(), "with an expired client certificate");

    [When(@"^the consumer connects with a revoked client certificate$")]
    public Task Revoked() => tls.ConnectAsync(tls.Endpoint.WithRevokedClientCertificate()
        ?? throw new ScenarioNotApplicableException("A revoked client certificate needs a CA the suite controls: against a remote provider the Spine CA would have to revoke one."),
        "with a revoked client certificate");

    [When(@"^the consumer connects with a client certificate that names another system than the consumer$")]
    public Task Misnamed() => tls.ConnectAsync(tls.Endpoint.WithMisnamedClientCertificate()
        ?? throw new ScenarioNotApplicableException("A certificate from the trusted CA with another FQDN needs a CA the suite controls: against a remote provider the Spine CA would have to issue one."),
        "with a client certificate naming another system");

    [When(@"^the consumer attempts a handshake offering only (TLS 1\.0|TLS 1\.1)$")]
    public Task OldProtocol(string version) =>
#pragma warning disable SYSLIB0039 // probing that the provider refuses obsolete protocols
        tls.ProbeAsync(version == "TLS 1.0" ? SslProtocols.Tls : SslProtocols.Tls11, null, $"offering only {version}");
#pragma warning restore SYSLIB0039

    [When(@"^the consumer attempts a TLS 1\.2 handshake offering only the approved cipher suites$")]
    public Task ApprovedSuites() => tls.ProbeAsync(SslProtocols.Tls12, TlsHandshakeChecks.ApprovedSuites, "offering TLS 1.2 with only the approved cipher suites");

    [When(@"^the consumer attempts a TLS 1\.2 handshake offering only cipher suites outside the approved families$")]
    public Task UnapprovedSuites() => tls.ProbeAsync(SslProtocols.Tls12, TlsHandshakeChecks.UnapprovedSuites, "offering TLS 1.2 with only ChaCha20-Poly1305 and AES-128-CBC suites");

    [Then(@"^the provider should refuse that handshake$")]
    public void HandshakeRefused() => TlsHandshakeChecks.Refused(tls.LastHandshake ?? throw new InvalidOperationException("No handshake was probed."), "with only what the scenario offered").ThrowIfFailed();

    [Then(@"^the provider should complete the handshake with an approved cipher suite$")]
    public void HandshakeApproved() => TlsHandshakeChecks.CompletedWithApprovedSuite(tls.LastHandshake ?? throw new InvalidOperationException("No handshake was probed.")).ThrowIfFailed();

    [Then(@"^the provider should serve the request over TLS with Strict-Transport-Security$")]
    public void Served()
    {
        var check = ResponseChecks.Status(tls.LastResponse, 200);
        if (check.Passed) check.Add(HeaderChecks.Present(tls.LastResponse, "Strict-Transport-Security", "header.strict-transport-security").Failures);
        check.ThrowIfFailed();
    }
}
