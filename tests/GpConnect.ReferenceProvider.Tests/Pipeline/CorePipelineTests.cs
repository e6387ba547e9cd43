using System.Net;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Pipeline;

/// <summary>Core pipeline rules as the Core features see them: order of checks, empty headers, formats of errors and bodies.</summary>
public sealed class CorePipelineTests : IAsyncLifetime
{
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    [Theory]
    [InlineData("Ssp-TraceID")]
    [InlineData("Ssp-From")]
    [InlineData("Ssp-To")]
    [InlineData("Ssp-InteractionID")]
    public async Task An_empty_ssp_header_is_a_bad_request_naming_it(string header)
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetHeader(request, header, "");

        var issue = (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
        issue["diagnostics"]!.GetValue<string>().ShouldContain(header);
    }

    [Fact]
    public async Task An_unimplemented_resource_type_is_not_implemented_whatever_interaction_id_is_sent()
    {
        var response = await _session.GetAsync("/Encounter/1", InteractionIds.ReadPatient, InteractionIds.PatientRead);

        response.ShouldBeError(HttpStatusCode.NotImplemented, "NOT_IMPLEMENTED");
    }

    [Fact]
    public async Task A_wrong_method_names_the_method_the_interaction_is_made_with()
    {
        var request = _session.Request("/Organization/1", InteractionIds.ReadOrganization, method: HttpMethod.Delete);

        var issue = (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
        issue["diagnostics"]!.GetValue<string>().ShouldContain("is made with GET");
    }

    [Fact]
    public async Task An_error_to_a_request_asking_for_xml_is_an_xml_operation_outcome()
    {
        var request = _session.Request("/Location/999", InteractionIds.ReadLocation);
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");

        var response = await _session.SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.NotFound);
        response.ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
        response.Xml.Root!.Name.LocalName.ShouldBe("OperationOutcome");
    }

    [Fact]
    public async Task Without_accept_or_format_an_xml_request_body_gets_an_xml_answer()
    {
        var request = _session.Request("/Appointment", "urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1", "patient/*.write", HttpMethod.Post);
        request.Content = new StringContent("""<Appointment xmlns="http://hl7.org/fhir"><status value="booked"/></Appointment>""", null, "application/fhir+xml");

        var response = await _session.SendAsync(request);

        response.ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
    }

    [Theory]
    [InlineData("application/fhir+json", "application/fhir+xml", "application/fhir+xml")]
    [InlineData("application/fhir+xml", "application/fhir+json", "application/fhir+json")]
    public async Task Format_wins_over_accept(string accept, string format, string expected)
    {
        var request = _session.Request("/metadata?_format=" + Uri.EscapeDataString(format), InteractionIds.Metadata);
        request.Headers.TryAddWithoutValidation("Accept", accept);

        (await _session.SendAsync(request)).ContentType.ShouldBe(expected + ";charset=utf-8");
    }

    [Fact]
    public async Task A_jwt_claim_resource_that_is_not_valid_stu3_is_invalid_resource_with_diagnostics()
    {
        var payload = _session.Payload();
        payload["requesting_device"]!["model"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "x" };
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetBearer(request, TestJwt.Encode(TestJwt.Header(), payload));

        var issue = (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        issue["diagnostics"]!.GetValue<string>().ShouldContain("requesting_device");
    }
}
