using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Pipeline;

public sealed class JwtTests : IAsyncLifetime
{
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    private long Now => _session.Clock.Now.ToUnixTimeSeconds();

    private Task<FhirResponse> SendWithToken(string token)
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetBearer(request, token);
        return _session.SendAsync(request);
    }

    private Task<FhirResponse> SendWithPayload(Action<JsonObject> change)
    {
        var payload = _session.Payload();
        change(payload);
        return SendWithToken(TestJwt.Encode(TestJwt.Header(), payload));
    }

    private async Task ShouldBeRejected(Action<JsonObject> change) =>
        (await SendWithPayload(change)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");

    private async Task ShouldBeAccepted(Action<JsonObject> change)
    {
        var response = await SendWithPayload(change);
        response.Status.ShouldBe(HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task A_missing_authorization_header_is_a_bad_request()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.Headers.Remove("Authorization");
        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_non_bearer_scheme_is_a_bad_request()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        ProviderSession.SetHeader(request, "Authorization", "Basic dXNlcjpwYXNz");
        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_token_without_the_trailing_dot_is_a_bad_request()
    {
        var token = TestJwt.Encode(TestJwt.Header(), _session.Payload()).TrimEnd('.');
        (await SendWithToken(token)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_signed_token_is_a_bad_request()
    {
        var token = TestJwt.Encode(TestJwt.Header(), _session.Payload()) + "c2lnbmF0dXJl";
        (await SendWithToken(token)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_header_with_another_algorithm_is_a_bad_request()
    {
        var token = TestJwt.Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }, _session.Payload());
        (await SendWithToken(token)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Segments_that_are_not_base64url_are_a_bad_request()
    {
        (await SendWithToken("not*base64.also%not.")).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_a_bad_request()
    {
        var token = $"{TestJwt.Segment(TestJwt.Header().ToJsonString())}.{TestJwt.Segment("{\"iss\": oops")}.";
        (await SendWithToken(token)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST")
            ["diagnostics"]!.GetValue<string>().ShouldContain("JSON");
    }

    public static TheoryData<string> Claims => new(
        "iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
        "requesting_device", "requesting_organization", "requesting_practitioner");

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task Each_missing_claim_is_a_bad_request(string claim)
    {
        var issue = (await SendWithPayload(p => p.Remove(claim))).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
        issue["diagnostics"]!.GetValue<string>().ShouldContain(claim);
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task Each_null_claim_is_a_bad_request(string claim)
    {
        var issue = (await SendWithPayload(p => p[claim] = null)).ShouldBeError(HttpStatusCode.BadRequest, "BAD_REQUEST");
        issue["diagnostics"]!.GetValue<string>().ShouldContain(claim);
    }

    [Fact]
    public Task A_reason_other_than_directcare_is_rejected() => ShouldBeRejected(p => p["reason_for_request"] = "notdirectcare");

    [Fact]
    public Task A_scope_outside_the_four_values_is_rejected() => ShouldBeRejected(p => p["requested_scope"] = "encounter/*.read");

    [Fact]
    public Task A_patient_scope_on_an_organisation_interaction_is_rejected() => ShouldBeRejected(p => p["requested_scope"] = "patient/*.read");

    [Fact]
    public Task Organisation_write_scope_is_in_the_organisation_family() => ShouldBeAccepted(p => p["requested_scope"] = "organization/*.write");

    [Fact]
    public Task Exp_as_a_string_is_rejected() => ShouldBeRejected(p => p["exp"] = (Now + 300).ToString());

    [Fact]
    public Task Iat_as_a_decimal_is_rejected() => ShouldBeRejected(p => p["iat"] = Now + 0.5);

    [Fact]
    public Task Sub_different_from_the_practitioner_id_is_rejected() => ShouldBeRejected(p => p["sub"] = "someone-else");

    [Fact]
    public Task An_audience_other_than_the_service_root_is_rejected() => ShouldBeRejected(p => p["aud"] = "https://elsewhere.example/A20047/STU3/1/gpconnect");

    [Fact]
    public Task An_issuer_that_is_not_a_url_is_rejected() => ShouldBeRejected(p => p["iss"] = "not a url");

    [Fact]
    public Task A_patient_in_requesting_device_is_rejected() =>
        ShouldBeRejected(p => p["requesting_device"] = new JsonObject { ["resourceType"] = "Patient" });

    [Fact]
    public Task A_non_organization_in_requesting_organization_is_rejected() =>
        ShouldBeRejected(p => p["requesting_organization"] = new JsonObject { ["resourceType"] = "Device", ["model"] = "x" });

    [Fact]
    public Task A_non_practitioner_in_requesting_practitioner_is_rejected() =>
        ShouldBeRejected(p => p["requesting_practitioner"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = "10019" });

    [Fact]
    public async Task A_device_that_is_not_valid_stu3_is_an_invalid_resource()
    {
        var issue = (await SendWithPayload(p => p["requesting_device"]!["model"] = new JsonObject { ["name"] = "x" }))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        issue["diagnostics"]!.GetValue<string>().ShouldContain("model");
    }

    [Fact]
    public async Task A_practitioner_with_an_unknown_element_is_an_invalid_resource()
    {
        (await SendWithPayload(p => p["requesting_practitioner"]!["favouriteColour"] = "blue"))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
    }

    [Fact]
    public Task An_organisation_without_an_ods_identifier_is_rejected() =>
        ShouldBeRejected(p => p["requesting_organization"]!["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://other.example/id", ["value"] = "X" }));

    [Fact]
    public Task A_practitioner_without_an_sds_user_id_is_rejected() =>
        ShouldBeRejected(p => p["requesting_practitioner"]!["identifier"]!.AsArray().RemoveAt(0));

    [Fact]
    public Task Unk_sds_values_are_accepted() => ShouldBeAccepted(p =>
    {
        var identifiers = p["requesting_practitioner"]!["identifier"]!.AsArray();
        identifiers[0]!["value"] = "UNK";
        identifiers[1]!["value"] = "UNK";
    });

    [Fact]
    public Task A_practitioner_without_role_profile_and_local_identifiers_is_accepted() => ShouldBeAccepted(p =>
    {
        var identifiers = p["requesting_practitioner"]!["identifier"]!.AsArray();
        identifiers.RemoveAt(2);
        identifiers.RemoveAt(1);
    });

    [Fact]
    public Task Expired_beyond_the_leeway_is_rejected() => ShouldBeRejected(p => { p["exp"] = Now - 180; p["iat"] = Now - 480; });

    [Fact]
    public Task Expired_inside_the_leeway_is_accepted() => ShouldBeAccepted(p => { p["exp"] = Now - 60; p["iat"] = Now - 360; });

    [Fact]
    public Task Issued_slightly_in_the_future_is_accepted() => ShouldBeAccepted(p => { p["iat"] = Now + 60; p["exp"] = Now + 360; });

    [Fact]
    public Task Issued_beyond_the_leeway_in_the_future_is_rejected() => ShouldBeRejected(p => { p["iat"] = Now + 180; p["exp"] = Now + 480; });

    [Fact]
    public async Task The_released_text_profile_rejects_any_expiry_and_ignores_iat()
    {
        await using var strict = await ProviderSession.StartAsync(o => { o.JwtClockSkewLeewaySeconds = 0; o.ValidateIat = false; });
        var now = strict.Clock.Now.ToUnixTimeSeconds();

        async Task<HttpStatusCode> Send(long iat, long exp)
        {
            var payload = strict.Payload();
            payload["iat"] = iat;
            payload["exp"] = exp;
            var request = strict.Request("/metadata", InteractionIds.Metadata);
            ProviderSession.SetBearer(request, TestJwt.Encode(TestJwt.Header(), payload));
            return (await strict.SendAsync(request)).Status;
        }

        (await Send(now - 360, now - 60)).ShouldBe(HttpStatusCode.BadRequest);
        (await Send(now + 180, now + 480)).ShouldBe(HttpStatusCode.OK);
    }
}
