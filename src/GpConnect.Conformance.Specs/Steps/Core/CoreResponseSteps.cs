using Reqnroll;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>Core Then steps: formats, response headers, resource conventions and errors with alternatives.</summary>
[Binding]
public sealed class CoreResponseSteps(ConsumerSession session, PracticeOrganisation practice, DeclaredFormats declaredFormats, ProfileValidator validator, ConformanceScenario scenario)
{
    [Then(@"^the response should be FHIR (JSON|XML)$")]
    public void Format(string format) =>
        FormatChecks.Body(session.LastResponse, Enum.Parse<FhirWireFormat>(format, ignoreCase: true)).ThrowIfFailed();

    [Then(@"^the response should be FHIR (JSON|XML), or the request refused as an unsupported media type$")]
    public void FormatOrUnsupported(string format) =>
        FormatChecks.BodyOrUnsupported(session.LastResponse, Enum.Parse<FhirWireFormat>(format, ignoreCase: true)).ThrowIfFailed();

    [Then(@"^the request should be refused as an unsupported media type$")]
    public void Unsupported() => FormatChecks.UnsupportedMediaType(session.LastResponse).ThrowIfFailed();

    [Then(@"^the response should be refused or served as FHIR JSON, never with the legacy mime type$")]
    public void LegacyNotEchoed() => FormatChecks.LegacyTypeNotEchoed(session.LastResponse, FhirWireFormat.Json).ThrowIfFailed();

    [Then(@"^the response should be an OperationOutcome in (JSON|XML) with Spine error code ""(\w+)""$")]
    public void OperationOutcomeIn(string format, string code)
    {
        var check = FormatChecks.Body(session.LastResponse, Enum.Parse<FhirWireFormat>(format, ignoreCase: true));
        check.Add(ResponseChecks.OperationOutcome(session.LastResponse, code, validator).Failures);
        check.ThrowIfFailed();
    }

    [Then(@"^the response should be an OperationOutcome with Spine error code ""(\w+)"", tolerating ""(\w+)""$")]
    public void OperationOutcomeEither(string preferred, string tolerated) =>
        ErrorChecks.OperationOutcomeWithOneOf(session.LastResponse, [preferred, tolerated], validator).ThrowIfFailed();

    [Then(@"^the response should carry the header ""([^""]+)"" with ""([^""]+)""$")]
    public void HeaderDirective(string header, string directive) =>
        HeaderChecks.HasDirective(session.LastResponse, header, directive, $"header.{header.ToLowerInvariant()}").ThrowIfFailed();

    [Then(@"^the response Content-Type should state the FHIR (JSON|XML) media type with charset utf-8$")]
    public void ContentType(string format) =>
        HeaderChecks.ContentType(session.LastResponse, Enum.Parse<FhirWireFormat>(format, ignoreCase: true)).ThrowIfFailed();

    [Then(@"^the response ETag should be the weak tag of the resource's version$")]
    public void WeakETag() => HeaderChecks.WeakETagOfVersion(session.LastResponse).ThrowIfFailed();

    [Then(@"^the response should be the practice organisation with its GP Connect profile and a version id$")]
    public async Task PracticeOrganisationIdentity() =>
        ConventionChecks.RootIdentity(session.LastResponse, await practice.IdAsync(scenario.CancellationToken)).ThrowIfFailed();

    [Then(@"^every resource in the bundle should carry its GP Connect profile, a version id and an id$")]
    public void EveryEntryIdentity() => ConventionChecks.EveryEntryIdentity(session.LastResponse).ThrowIfFailed();

    [Then(@"^every reference in the response should be a local relative reference$")]
    public void RelativeReferences() => ConventionChecks.RelativeReferences(session.LastResponse, out _).ThrowIfFailed();

    [Then(@"^the capability statement should declare the FHIR JSON format$")]
    public void DeclaresJson() => FormatChecks.DeclaresJson(session.LastResponse).ThrowIfFailed();

    [Then(@"^the capability statement should declare every Foundations and Appointment Management profile$")]
    public void DeclaresEveryProfile() => ConventionChecks.DeclaresEveryProfile(session.LastResponse).ThrowIfFailed();

    [Then(@"^each declared format should be served in that format$")]
    public void DeclaredFormatsServed() => declaredFormats.Check().ThrowIfFailed();

    [Then(@"^the response should be gzip-compressed$")]
    public void Gzip() => HeaderChecks.Gzip(session.LastResponse).ThrowIfFailed();

    [Then(@"^every identifier in the response should use an https://fhir.nhs.uk/Id/ system rather than a DSTU2 one$")]
    public void IdentifierSystems() => ConventionChecks.NhsIdentifierSystems(session.LastResponse).ThrowIfFailed();

    [Then(@"^every resource id in the response should be a valid FHIR logical id$")]
    public void LogicalIds() => ConventionChecks.LogicalIdSyntax(session.LastResponse).ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should give its ""([\w.]+)"" and ""([\w.]+)"" in UK time with an explicit offset$")]
    public void UkOffsets(string resourceType, string first, string second) =>
        ConventionChecks.UkOffsetDateTimes(session.LastResponse, resourceType, first, second).ThrowIfFailed();

    [Then(@"^no bundle entry should have a fullUrl$")]
    public void NoFullUrl() => ConventionChecks.NoFullUrl(session.LastResponse).ThrowIfFailed();
}
