using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>Steps of the TLS mutual-authentication feature (core.md §1.3); scenarios tagged @tls.</summary>
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

    [Then(@"^the provider should refuse the connection (.+)$")]
    public void Refused(string why) => TransportChecks.Refused(tls.LastResponse, why).ThrowIfFailed();

    [Then(@"^the provider should serve the request over TLS with Strict-Transport-Security$")]
    public void Served()
    {
        var check = ResponseChecks.Status(tls.LastResponse, 200);
        if (check.Passed) check.Add(HeaderChecks.Present(tls.LastResponse, "Strict-Transport-Security", "header.strict-transport-security").Failures);
        check.ThrowIfFailed();
    }
}
