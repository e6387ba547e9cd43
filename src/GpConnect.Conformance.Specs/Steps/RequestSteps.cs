using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Given steps that change the next request from its valid baseline, one thing at a time.</summary>
[Binding]
public sealed class RequestSteps(ConsumerSession session)
{
    [Given(@"^the request omits the ""([^""]+)"" header$")]
    public void OmitHeader(string header) =>
        session.ChangeNextRequest($"without {header}", r => r.RemoveHeader(header));

    [Given(@"^the request header ""([^""]+)"" is ""([^""]*)""$")]
    public void SetHeader(string header, string value) =>
        session.ChangeNextRequest($"{header}: \"{value}\"", r => r.SetHeader(header, value));
}
