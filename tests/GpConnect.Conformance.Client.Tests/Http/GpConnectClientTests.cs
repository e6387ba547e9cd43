using System.Net;
using System.Net.Sockets;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Jwt;
using GpConnect.Conformance.Client.Tests.Support;
using GpConnect.Conformance.Client.Tls;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Http;

public sealed class GpConnectClientTests : IAsyncLifetime
{
    private EchoServer _server = null!;
    private GpConnectClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await EchoServer.StartAsync();
        _client = new GpConnectClient(TestSettings.Default(), _server.ServiceRoot);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private Task<HttpExchange> Send(GpConnectRequest request) => _client.SendAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Sends_the_ssp_headers_and_a_valid_bearer_token()
    {
        var exchange = await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement));
        var echo = Echo.From(exchange);

        echo.Method.ShouldBe("GET");
        echo.Path.ShouldBe(EchoServer.ServiceRootPath + "/metadata");
        Guid.TryParse(echo.Header("Ssp-TraceID").Single(), out _).ShouldBeTrue();
        echo.Header("Ssp-From").ShouldBe(["200000000359"]);
        echo.Header("Ssp-To").ShouldBe(["918999198993"]);
        echo.Header("Ssp-InteractionID").ShouldBe(["urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1"]);
        echo.Header("Accept").ShouldBe(["application/fhir+json"]);

        var authorization = echo.Header("Authorization").Single();
        authorization.ShouldStartWith("Bearer ");
        var token = JwtDecoder.Decode(authorization);
        token.IsWellFormed.ShouldBeTrue(string.Join("; ", token.Problems));
        token.Payload!["aud"]!.GetValue<string>().ShouldBe(_server.ServiceRoot.ToString());
        token.Payload["requested_scope"]!.GetValue<string>().ShouldBe(JwtScopes.OrganizationRead);
    }

    [Fact]
    public async Task The_exchange_records_what_was_sent_and_received()
    {
        var exchange = await Send(GpConnectRequest.For(Catalogue.ReadPatient, "42"));
        var echo = Echo.From(exchange);

        exchange.Interaction.ShouldBe(Catalogue.ReadPatient);
        exchange.Method.ShouldBe("GET");
        exchange.Url.ShouldBe(_server.ServiceRoot + "/Patient/42");
        exchange.StatusCode.ShouldBe(200);
        exchange.HasResponse.ShouldBeTrue();
        exchange.TraceId.ShouldBe(echo.Header("Ssp-TraceID").Single());
        exchange.BearerToken.ShouldBe(echo.Header("Authorization").Single()["Bearer ".Length..]);
        foreach (var name in SspHeaders.All) exchange.RequestHeader(name).ShouldBe(echo.Header(name).Single());
        exchange.RequestHeader("Host").ShouldBe(echo.Header("Host").Single());
        exchange.ResponseHeader("Content-Type").ShouldBe("application/json;charset=utf-8");
        exchange.ResponseHeader("cache-control").ShouldBe("no-store");
        exchange.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        exchange.StartedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        exchange.ToString().ShouldContain("→ 200");
    }

    [Fact]
    public async Task Provider_clock_offset_comes_from_the_date_header()
    {
        var exchange = await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement));

        exchange.ResponseHeader("Date").ShouldNotBeNull();
        // Same machine, same clock: only the Date header's whole-second truncation separates them.
        exchange.ProviderClockOffset!.Value.Duration().ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (exchange with { ResponseHeaders = [] }).ProviderClockOffset.ShouldBeNull();
        var shifted = exchange with { StartedAt = exchange.StartedAt.AddMinutes(-10) };
        shifted.ProviderClockOffset!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(9));
    }

    [Fact]
    public async Task Trace_id_and_token_are_new_for_every_request()
    {
        var request = new GpConnectRequest(Catalogue.GetCapabilityStatement);
        var first = await Send(request);
        await Task.Delay(1100, TestContext.Current.CancellationToken); // let iat move on by a second
        var second = await Send(request);

        first.TraceId.ShouldNotBe(second.TraceId);
        first.BearerToken.ShouldNotBe(second.BearerToken);
    }

    [Fact]
    public async Task Each_interaction_sends_its_own_id_method_and_scope()
    {
        foreach (var interaction in Catalogue.All)
        {
            var request = interaction.PathParameters.Count == 1 ? GpConnectRequest.For(interaction, "1") : new GpConnectRequest(interaction);
            if (interaction.IsWrite) request.WithBody("{}");
            var echo = Echo.From(await Send(request));

            echo.Method.ShouldBe(interaction.Method.Method, interaction.Name);
            echo.Header("Ssp-InteractionID").ShouldBe([interaction.InteractionId], interaction.Name);
            JwtDecoder.Decode(echo.Header("Authorization").Single()).Payload!["requested_scope"]!.GetValue<string>().ShouldBe(interaction.Scope, interaction.Name);
        }
    }

    [Fact]
    public async Task Headers_can_be_overridden_emptied_removed_and_added()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement)
            .SetHeader("Ssp-From", "999")
            .SetHeader("Ssp-To", "")
            .RemoveHeader("Ssp-TraceID")
            .SetHeader("ssp-interactionid", "urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1")
            .AddHeader("X-Extra", "one")
            .AddHeader("X-Extra", "two")));

        echo.Header("Ssp-From").ShouldBe(["999"]);
        echo.Header("Ssp-To").ShouldBe([""]);
        echo.Header("Ssp-TraceID").ShouldBeEmpty();
        echo.Header("Ssp-InteractionID").ShouldBe(["urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1"]);
        // HttpClient folds repeated values into one comma-separated line, which HTTP treats as equivalent.
        string.Join(",", echo.Header("X-Extra")).Split(',', StringSplitOptions.TrimEntries).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task Authorization_can_be_replaced_or_removed()
    {
        Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement).WithAuthorization("Basic dXNlcjpwdw==")))
            .Header("Authorization").ShouldBe(["Basic dXNlcjpwdw=="]);
        Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement).WithoutAuthorization()))
            .Header("Authorization").ShouldBeEmpty();
    }

    [Fact]
    public async Task Token_alterations_reach_the_wire()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.FindPatient)
            .AlterToken(d => d.RemoveClaim(JwtClaimNames.Audience))
            .AlterToken(d => d.SetClaim(JwtClaimNames.ReasonForRequest, "notdirectcare").WithoutTrailingDot())));

        var authorization = echo.Header("Authorization").Single();
        authorization.ShouldNotEndWith(".");
        var decoded = JwtDecoder.Decode(authorization);
        decoded.SegmentCount.ShouldBe(2);
        decoded.Payload!.AsObject().ContainsKey("aud").ShouldBeFalse();
        decoded.Payload["reason_for_request"]!.GetValue<string>().ShouldBe("notdirectcare");
    }

    [Fact]
    public async Task Scope_can_be_overridden()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement) { Scope = JwtScopes.PatientRead }));
        JwtDecoder.Decode(echo.Header("Authorization").Single()).Payload!["requested_scope"]!.GetValue<string>().ShouldBe(JwtScopes.PatientRead);
    }

    [Fact]
    public async Task Accept_can_be_left_out()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement) { Accept = null }));
        echo.Header("Accept").ShouldBeEmpty();
    }

    [Fact]
    public async Task Method_and_path_can_be_overridden()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.ReadAppointment) { Method = "DELETE", RelativePath = "/Appointment/7" }));
        echo.Method.ShouldBe("DELETE");
        echo.Path.ShouldBe(EchoServer.ServiceRootPath + "/Appointment/7");
        echo.Header("Ssp-InteractionID").ShouldBe([Catalogue.ReadAppointment.InteractionId]);
    }

    [Fact]
    public async Task Query_parameters_are_encoded_unless_raw_and_may_repeat()
    {
        var request = new GpConnectRequest(Catalogue.RetrievePatientAppointments) { RelativePath = "/Patient/1/Appointment" }
            .AddQuery("identifier", "https://fhir.nhs.uk/Id/nhs-number|9000000009")
            .AddQuery("start", "ge2026-03-01")
            .AddQuery("start", "le2026-03-14")
            .AddRawQuery("raw", "a|b")
            .WithFormat("application/fhir+json");

        var echo = Echo.From(await Send(request));

        echo.Target.ShouldBe(EchoServer.ServiceRootPath +
            "/Patient/1/Appointment?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9000000009&start=ge2026-03-01&start=le2026-03-14&raw=a|b&_format=application/fhir%2Bjson");
        echo.Query.ShouldContain(("identifier", "https://fhir.nhs.uk/Id/nhs-number|9000000009"));
        echo.Query.ShouldContain(("start", "ge2026-03-01,le2026-03-14"));
        echo.Query.ShouldContain(("_format", "application/fhir+json"));
    }

    [Fact]
    public async Task Body_content_type_if_match_and_prefer_are_sent()
    {
        var request = GpConnectRequest.For(Catalogue.AmendAppointment, "5").WithBody("""{"resourceType":"Appointment"}""");
        request.IfMatch = "W/\"3\"";
        request.Prefer = "return=minimal";

        var exchange = await Send(request);
        var echo = Echo.From(exchange);

        echo.Method.ShouldBe("PUT");
        echo.Body.ShouldBe("""{"resourceType":"Appointment"}""");
        echo.Header("Content-Type").ShouldBe(["application/fhir+json;charset=utf-8"]);
        echo.Header("If-Match").ShouldBe(["W/\"3\""]);
        echo.Header("Prefer").ShouldBe(["return=minimal"]);
        exchange.RequestBody.ShouldBe("""{"resourceType":"Appointment"}""");
        exchange.RequestHeader("Content-Type").ShouldBe("application/fhir+json;charset=utf-8");
        exchange.RequestHeader("Content-Length").ShouldBe(echo.Header("Content-Length").Single());
    }

    [Fact]
    public async Task A_body_can_be_sent_chunked_without_content_length()
    {
        var request = new GpConnectRequest(Catalogue.BookAppointment).WithBody("""{"resourceType":"Appointment"}""");
        request.SendChunked = true;

        var exchange = await Send(request);
        var echo = Echo.From(exchange);

        echo.Body.ShouldBe("""{"resourceType":"Appointment"}""");
        echo.Header("Transfer-Encoding").ShouldBe(["chunked"]);
        echo.Header("Content-Length").ShouldBeEmpty();
        exchange.RequestHeader("Transfer-Encoding").ShouldBe("chunked");
    }

    [Fact]
    public async Task Body_can_be_sent_without_content_type()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.BookAppointment).WithBody("{}", contentType: null)));
        echo.Body.ShouldBe("{}");
        echo.Header("Content-Type").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Error_statuses_are_returned_not_thrown(int status)
    {
        var exchange = await Send(new GpConnectRequest(Catalogue.ReadPatient) { RelativePath = $"/status/{status}" });

        exchange.StatusCode.ShouldBe(status);
        exchange.TransportError.ShouldBeNull();
        exchange.ResponseBody.ShouldBe("""{"resourceType":"OperationOutcome"}""");
        exchange.ResponseHeader("Content-Type").ShouldBe("application/fhir+json;charset=utf-8");
    }

    [Fact]
    public async Task Gzip_responses_are_decompressed_and_the_encoding_is_kept()
    {
        var exchange = await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement) { RelativePath = "/gzip" }.SetHeader("Accept-Encoding", "gzip"));

        exchange.ResponseHeader("Content-Encoding").ShouldBe("gzip");
        exchange.ResponseBodyProblem.ShouldBeNull();
        var echo = Echo.From(exchange);
        echo.Header("Accept-Encoding").ShouldBe(["gzip"]);
        exchange.ResponseBodyWireLength.ShouldBeLessThan(exchange.ResponseBody.Length);
    }

    [Fact]
    public async Task Accept_encoding_is_only_sent_when_asked_for()
    {
        var echo = Echo.From(await Send(new GpConnectRequest(Catalogue.GetCapabilityStatement)));
        echo.Header("Accept-Encoding").ShouldBeEmpty();
    }

    [Fact(Timeout = 60_000)] // a hang guard only: the assertion is on the outcome, not on speed
    public async Task A_provider_that_never_answers_is_a_timeout_transport_error()
    {
        using var client = new GpConnectClient(TestSettings.Default(("http:timeoutSeconds", "0.5")), _server.ServiceRoot);

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement) { RelativePath = "/slow" },
            TestContext.Current.CancellationToken);

        exchange.HasResponse.ShouldBeFalse();
        exchange.StatusCode.ShouldBeNull();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.Timeout);
        exchange.TransportError.ShouldBe("timed out: no complete response within 0.5 s");
        exchange.ToString().ShouldContain("no response (timed out");
    }

    [Fact(Timeout = 60_000)] // a hang guard only
    public async Task After_the_threshold_of_timeouts_in_a_row_nothing_more_is_sent_and_the_timeouts_are_the_evidence()
    {
        using var client = new GpConnectClient(TestSettings.Default(("http:timeoutSeconds", "0.3")), _server.ServiceRoot)
        {
            Responsiveness = new ProviderResponsiveness(2),
        };
        var slow = new GpConnectRequest(Catalogue.GetCapabilityStatement) { RelativePath = "/slow" };
        var ct = TestContext.Current.CancellationToken;

        (await client.SendAsync(slow, ct)).TransportErrorKind.ShouldBe(TransportErrorKind.Timeout);
        // A complete answer in between starts the count again.
        (await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), ct)).HasResponse.ShouldBeTrue();
        (await client.SendAsync(slow, ct)).TransportErrorKind.ShouldBe(TransportErrorKind.Timeout);
        client.Responsiveness.Unresponsive.ShouldBeFalse("one timeout since the last answer is not two in a row");
        (await client.SendAsync(slow, ct)).TransportErrorKind.ShouldBe(TransportErrorKind.Timeout);
        client.Responsiveness.Unresponsive.ShouldBeTrue();
        client.Responsiveness.Evidence.Count.ShouldBe(2);
        client.Responsiveness.DescribeEvidence().ShouldAllBe(line => line.Contains("/slow") && line.Contains("timed out"));

        var notSent = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), ct);
        notSent.HasResponse.ShouldBeFalse("nothing is sent to a provider that stopped answering");
        notSent.Duration.ShouldBe(TimeSpan.Zero);
        notSent.TransportError.ShouldBe("not sent: the provider stopped answering: 2 requests in a row timed out (run:unresponsiveAfterTimeouts = 2)");
    }

    [Fact]
    public void A_threshold_of_zero_never_gives_up()
    {
        var watch = new ProviderResponsiveness(0);
        var timeout = new HttpExchange
        {
            Interaction = Catalogue.GetCapabilityStatement, Method = "GET", Url = "http://x/metadata", RequestHeaders = [],
            StartedAt = DateTimeOffset.UnixEpoch, Duration = TimeSpan.FromSeconds(1), TransportErrorKind = TransportErrorKind.Timeout, TransportError = "timed out",
        };
        for (var i = 0; i < 50; i++) watch.Record(timeout);
        watch.Unresponsive.ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => new ProviderResponsiveness(-1));
    }

    [Fact(Timeout = 60_000)] // a hang guard only
    public async Task A_closed_port_is_a_connection_refused_transport_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new GpConnectClient(TestSettings.Default(), new Uri($"http://127.0.0.1:{port}/A1/STU3/1/gpconnect"));

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.ConnectionRefused);
        exchange.TransportError!.ShouldStartWith("connection refused: ");
        exchange.RequestHeader("Ssp-InteractionID").ShouldBe(Catalogue.GetCapabilityStatement.InteractionId);
    }

    [Fact]
    public async Task Concurrent_requests_do_not_interfere()
    {
        var exchanges = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Send(GpConnectRequest.For(Catalogue.ReadPatient, i.ToString()))));

        exchanges.ShouldAllBe(e => e.StatusCode == 200);
        exchanges.Select(e => e.TraceId).ShouldBeUnique();
        for (var i = 0; i < exchanges.Length; i++)
        {
            var echo = Echo.From(exchanges[i]);
            echo.Path.ShouldEndWith($"/Patient/{i}");
            echo.Header("Ssp-TraceID").Single().ShouldBe(exchanges[i].TraceId);
        }
    }

    [Fact]
    public async Task Caller_cancellation_is_an_exception_not_a_transport_error()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            _client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), cancelled.Token));
    }

    [Fact]
    public void Service_root_trailing_slash_is_ignored_and_is_the_audience()
    {
        using var client = new GpConnectClient(TestSettings.Default(), new Uri("http://127.0.0.1:1/A1/STU3/1/gpconnect/"), null, new ClientTlsOptions());
        client.ServiceRoot.ShouldBe("http://127.0.0.1:1/A1/STU3/1/gpconnect");
        client.UrlFor(GpConnectRequest.For(Catalogue.ReadLocation, "9")).ShouldBe("http://127.0.0.1:1/A1/STU3/1/gpconnect/Location/9");
        JwtDecoder.Decode(client.BuildToken(new GpConnectRequest(Catalogue.ReadLocation))).Payload!["aud"]!.GetValue<string>()
            .ShouldBe("http://127.0.0.1:1/A1/STU3/1/gpconnect");
    }
}
