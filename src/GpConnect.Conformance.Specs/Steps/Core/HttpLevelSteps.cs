using Reqnroll;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Checks.Foundations;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>
/// Steps on what every interaction shares at the HTTP level: what the capability statement declares, the JWT lifetime,
/// and refusals of URLs and methods no interaction uses.
/// </summary>
[Binding]
public sealed class HttpLevelSteps(ConsumerSession session, ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    [When(@"^the consumer sends an? ""([^""]+)"" request to the path ""([^""]+)""$")]
    public Task SendToPath(string useCase, string relativePath) =>
        session.SendAsync(UrlProbes.At(useCase, relativePath, settings, clock), scenario.CancellationToken);

    [Then(@"^the provider should refuse the method with 400 BAD_REQUEST, or 405 Method Not Allowed$")]
    public void MethodRefused() => UrlProbes.MethodRefused(session.LastResponse).ThrowIfFailed();

    [Then(@"^the provider should not serve OPTIONS as the interaction: 400 BAD_REQUEST, 405, or a CORS preflight answer without a body$")]
    public void OptionsNotServed() => UrlProbes.OptionsNotServed(session.LastResponse).ThrowIfFailed();

    [Given(@"^the JWT's lifetime is (\d+) seconds$")]
    public void Lifetime(int seconds) =>
        session.ChangeNextRequest($"JWT exp = iat + {seconds} s", r => r.AlterToken(d => d.SetIssuedAtRelativeToNow(TimeSpan.Zero, seconds)));

    [Given(@"^the JWT's requested_scope is ""([^""]+)""$")]
    public void Scope(string scope) =>
        session.ChangeNextRequest($"JWT requested_scope {scope}", r => r.AlterToken(d => d.SetClaim("requested_scope", scope)));

    [Given(@"^the JWT expires (\d+) seconds before it was issued$")]
    public void ExpiresBeforeIssued(int seconds) =>
        session.ChangeNextRequest($"JWT exp = iat − {seconds} s", r => r.AlterToken(d => d.SetIssuedAtRelativeToNow(TimeSpan.Zero, -seconds)));

    [Then(@"^the capability statement should declare these Appointment Management interactions:$")]
    public void AppointmentInteractions(Table table)
    {
        var check = new Check();
        foreach (var row in table.Rows)
        {
            var interactions = row["interactions"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            check.Add(FoundationsCapabilityChecks.DeclaresInteractions(session.LastResponse, row["resource"], interactions).Failures);
        }
        check.ThrowIfFailed();
    }

    [Then(@"^the capability statement's (\w+) should declare these searchInclude values: (.+)$")]
    public void SearchIncludes(string resourceType, string includes) =>
        CapabilityDeclarationChecks.DeclaresSearchIncludes(session.LastResponse, resourceType,
            includes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ThrowIfFailed();

    [Then(@"^the capability statement should name the software and its version$")]
    public void Software() => CapabilityDeclarationChecks.NamesSoftware(session.LastResponse).ThrowIfFailed();

    [Then(@"^the provider should refuse XML as an unsupported media type, or serve it and declare application/fhir\+xml$")]
    public void XmlDeclared() => CapabilityDeclarationChecks.XmlServedIsDeclared(session.LastResponse).ThrowIfFailed();
}
