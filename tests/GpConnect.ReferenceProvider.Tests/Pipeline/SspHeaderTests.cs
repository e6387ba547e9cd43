using System.Net;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Pipeline;

public sealed class SspHeaderTests : IAsyncLifetime
{
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task A_fully_valid_request_is_served()
    {
        (await _session.MetadataAsync()).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Ssp-TraceID")]
    [InlineData("Ssp-From")]
    [InlineData("Ssp-To")]
    [InlineData("Ssp-InteractionID")]
    public async Task A_missing_ssp_header_is_a_bad_request(string header)
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetHeader(request, header, null);

        var issue = (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
        issue["code"]!.GetValue<string>().ShouldBe("invalid");
        issue["diagnostics"]!.GetValue<string>().ShouldContain(header);
    }

    [Theory]
    [InlineData("Ssp-TraceID", "not-a-guid")]
    [InlineData("Ssp-To", "200000000115")]
    [InlineData("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:read:nothing-1")]
    [InlineData("Ssp-InteractionID", "URN:NHS:NAMES:SERVICES:GPCONNECT:FHIR:REST:READ:METADATA-1")]
    [InlineData("Ssp-InteractionID", InteractionIds.ReadPatient)]
    [InlineData("Ssp-InteractionID", InteractionIds.SearchSlots)]
    public async Task An_invalid_ssp_header_is_a_bad_request(string header, string value)
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetHeader(request, header, value);

        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task The_wrong_verb_for_an_interaction_is_a_bad_request()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata, method: HttpMethod.Post);
        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Delete_of_an_appointment_is_a_bad_request()
    {
        var request = _session.Request("/Appointment/1", InteractionIds.ReadAppointment, InteractionIds.PatientRead, HttpMethod.Delete);
        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task An_unknown_resource_type_is_not_implemented()
    {
        (await _session.GetAsync("/Encounter/1", InteractionIds.Metadata)).ShouldBeError(HttpStatusCode.NotImplemented, "NOT_IMPLEMENTED")
            ["code"]!.GetValue<string>().ShouldBe("not-supported");
    }

    [Fact]
    public async Task A_path_outside_the_service_root_is_not_found()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.RequestUri = new Uri(_session.Root.Replace("/A20047/", "/B99999/") + "/metadata");
        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.NotFound, "NO_RECORD_FOUND");
    }

    [Fact]
    public async Task Errors_also_carry_cache_control_no_store()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetHeader(request, "Ssp-From", null);
        var response = await _session.SendAsync(request);
        response.Headers["Cache-Control"].ShouldBe("no-store");
    }
}
