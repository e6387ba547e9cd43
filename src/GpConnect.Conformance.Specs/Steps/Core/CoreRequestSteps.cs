using Reqnroll;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Core;

namespace GpConnect.Conformance.Specs.Steps.Core;

/// <summary>
/// Core When steps (send a representative read, search or write, or a request for an unknown or unimplemented
/// resource) and the Given steps that change SSP headers, HTTP method and formats from the valid baseline.
/// </summary>
[Binding]
public sealed class CoreRequestSteps(ConsumerSession session, PracticeOrganisation practice, DeclaredFormats declaredFormats, ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    /// <summary>An ASID that is not the provider's: the spec's example consumer ASID, or the next number if that happens to be the provider's.</summary>
    private string OtherAsid => settings.Provider.Asid == "200000000115" ? "200000000116" : "200000000115";

    [When(@"^the consumer sends an? ""([^""]+)"" request$")]
    public async Task Send(string useCase)
    {
        var organisationId = string.Equals(useCase, Interactions.ReadOrganisation.UseCase, StringComparison.OrdinalIgnoreCase)
            ? await practice.IdAsync(scenario.CancellationToken)
            : null;
        await session.SendAsync(RepresentativeRequests.For(useCase, settings, clock, organisationId), scenario.CancellationToken);
    }

    [When(@"^the consumer asks for the capability statement in each format it declares$")]
    public Task EachDeclaredFormat() => declaredFormats.RequestEachAsync();

    [When(@"^the consumer reads an? ""(\w+)"" with an id that does not exist$")]
    public Task ReadUnknown(string resourceType) =>
        session.SendAsync(GpConnectRequest.For(ReadInteraction(resourceType), RepresentativeRequests.UnknownId), scenario.CancellationToken);

    [When(@"^the consumer reads an? ""(\w+)"" with the malformed id ""([^""]+)""$")]
    public Task ReadMalformed(string resourceType, string id) =>
        session.SendAsync(new GpConnectRequest(ReadInteraction(resourceType)) { RelativePath = $"/{resourceType}/{id}" }, scenario.CancellationToken);

    [When(@"^the consumer reads an? ""(\w+)"", a resource type GP Connect does not implement$")]
    public Task ReadUnimplemented(string resourceType) =>
        session.SendAsync(new GpConnectRequest(Interactions.ReadPatient) { RelativePath = $"/{resourceType}/{RepresentativeRequests.UnknownId}" }, scenario.CancellationToken);

    [Given(@"^the request's Ssp-To is an ASID other than the provider's$")]
    public void OtherSspTo() =>
        session.ChangeNextRequest($"Ssp-To: another ASID ({OtherAsid})", r => r.SetHeader(SspHeaders.To, OtherAsid));

    [Given(@"^the request's Ssp-InteractionID names the ""([^""]+)"" interaction$")]
    public void NamesOtherInteraction(string useCase)
    {
        var other = Interactions.All.FirstOrDefault(i => string.Equals(i.UseCase, useCase, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"\"{useCase}\" is not a GP Connect use case. Known: {string.Join(", ", Interactions.All.Select(i => i.UseCase))}.");
        session.ChangeNextRequest($"Ssp-InteractionID of {other.UseCase}", r => r.SetHeader(SspHeaders.InteractionId, other.InteractionId));
    }

    [Given(@"^the request's Ssp-InteractionID is the right one in upper case$")]
    public void InteractionIdUpperCase() =>
        session.ChangeNextRequest("Ssp-InteractionID in upper case", r => r.SetHeader(SspHeaders.InteractionId, r.Interaction.InteractionId.ToUpperInvariant()));

    [Given(@"^the request uses the HTTP method ""(\w+)""$")]
    public void Method(string method) =>
        session.ChangeNextRequest($"HTTP method {method}", r => r.Method = method.ToUpperInvariant());

    [Given(@"^the request accepts ""([^""]+)""$")]
    public void Accept(string mediaType) =>
        session.ChangeNextRequest($"Accept: {mediaType}", r => r.Accept = mediaType);

    [Given(@"^the request sends no Accept header$")]
    public void NoAccept() => session.ChangeNextRequest("no Accept", r => r.Accept = null);

    [Given(@"^the request asks for _format ""([^""]+)""$")]
    public void Format(string mediaType) =>
        session.ChangeNextRequest($"_format={mediaType}", r => r.WithFormat(mediaType));

    [Given(@"^the request body is sent in (JSON|XML)$")]
    public void BodyFormat(string format)
    {
        var wire = Enum.Parse<FhirWireFormat>(format, ignoreCase: true);
        session.ChangeNextRequest($"body in {format}", r =>
        {
            var body = r.Interaction.Name switch
            {
                nameof(Interactions.RegisterPatient) => SampleBodies.RegisterPatientParameters(wire),
                nameof(Interactions.BookAppointment) => SampleBodies.Appointment(wire, clock),
                _ => throw new InvalidOperationException($"{r.Interaction.UseCase} has no request body; use a write interaction."),
            };
            r.WithBody(body, SampleBodies.ContentType(wire));
        });
    }

    [Given(@"^the request accepts gzip encoding$")]
    public void AcceptGzip() => session.ChangeNextRequest("Accept-Encoding: gzip", r => r.SetHeader("Accept-Encoding", "gzip"));

    [Given(@"^the request body is cut off half way$")]
    public void TruncatedBody() =>
        session.ChangeNextRequest("truncated JSON body", r => r.WithBody(r.Body is { Length: > 1 } body ? body[..(body.Length / 2)] : "{", r.ContentType ?? SampleBodies.ContentType(FhirWireFormat.Json)));

    [Given(@"^the request body's resource has no ""(\w+)"" element$")]
    public void WithoutElement(string element) =>
        session.ChangeNextRequest($"body without {element}", r =>
        {
            var resource = System.Text.Json.Nodes.JsonNode.Parse(r.Body ?? throw new InvalidOperationException($"{r.Interaction.UseCase} has no request body."))!.AsObject();
            if (!resource.Remove(element)) throw new InvalidOperationException($"The {r.Interaction.UseCase} body has no \"{element}\" to remove.");
            r.WithBody(resource.ToJsonString(), r.ContentType);
        });

    [When(@"^the consumer amends an appointment that does not exist$")]
    public Task AmendUnknown()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(SampleBodies.Appointment(FhirWireFormat.Json, clock))!.AsObject();
        body["id"] = RepresentativeRequests.UnknownId;
        var request = GpConnectRequest.For(Interactions.AmendAppointment, RepresentativeRequests.UnknownId).WithBody(body.ToJsonString());
        request.IfMatch = "W/\"1\"";
        return session.SendAsync(request, scenario.CancellationToken);
    }

    [When(@"^the consumer finds an organisation by the malformed ODS code ""([^""]+)""$")]
    public Task FindMalformedOds(string odsCode) =>
        session.SendAsync(RepresentativeRequests.FindOrganisation(odsCode), scenario.CancellationToken);

    [Given(@"^the request body is sent as ""([^""]+)""$")]
    public void BodyContentType(string contentType) =>
        session.ChangeNextRequest($"Content-Type: {contentType}", r => r.ContentType = contentType);

    private static Interaction ReadInteraction(string resourceType) => resourceType switch
    {
        "Organization" => Interactions.ReadOrganisation,
        "Practitioner" => Interactions.ReadPractitioner,
        "Location" => Interactions.ReadLocation,
        "Patient" => Interactions.ReadPatient,
        "Appointment" => Interactions.ReadAppointment,
        _ => throw new ArgumentException($"\"{resourceType}\" has no read interaction; use Organization, Practitioner, Location, Patient or Appointment."),
    };
}
