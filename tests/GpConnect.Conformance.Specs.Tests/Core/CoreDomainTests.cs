using System.Text;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain.Core;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class CoreDomainTests
{
    [Theory]
    [InlineData(TimingClaim.ExpiredAgo, 180, 120, true, false)]
    [InlineData(TimingClaim.ExpiredAgo, 60, 120, true, true)]
    [InlineData(TimingClaim.IssuedAhead, 60, 120, true, true)]
    [InlineData(TimingClaim.IssuedAhead, 180, 120, true, false)]
    [InlineData(TimingClaim.ExpiredAgo, 180, 0, false, false)]
    [InlineData(TimingClaim.ExpiredAgo, 60, 0, false, false)]
    [InlineData(TimingClaim.IssuedAhead, 60, 0, false, true)]
    [InlineData(TimingClaim.IssuedAhead, 180, 0, false, true)]
    public void Clock_skew_points_follow_the_seed_rule_by_default_and_flip_under_the_released_text(TimingClaim claim, int seconds, int leeway, bool validateIat, bool accept)
    {
        new ClockSkewPoint(claim, seconds).MustAccept(leeway, validateIat).ShouldBe(accept);
    }

    [Fact]
    public void A_point_within_60_seconds_of_the_configured_boundary_has_no_expectation()
    {
        var error = Should.Throw<InvalidOperationException>(() => new ClockSkewPoint(TimingClaim.ExpiredAgo, 60).MustAccept(90, true));

        error.Message.ShouldContain("30 s from the configured 90 s leeway");
    }

    [Fact]
    public void The_basis_names_the_config_switches_and_the_profile()
    {
        new ClockSkewPoint(TimingClaim.ExpiredAgo, 60).Basis(120, true).ShouldContain("jwt:clockSkewLeewaySeconds=120");
        new ClockSkewPoint(TimingClaim.ExpiredAgo, 60).Basis(0, false).ShouldContain("released 1.2.3 text");
    }

    [Fact]
    public void Representative_requests_are_valid_baselines_and_an_unknown_name_lists_the_known_ones()
    {
        var settings = SuiteUnderTest.Settings();
        var clock = TimeProvider.System;

        RepresentativeRequests.For("Get the FHIR capability statement", settings, clock).Interaction.ShouldBe(Interactions.GetCapabilityStatement);
        RepresentativeRequests.For("search for free slots", settings, clock).Query.ShouldContain(q => q.Name == "status" && q.Value == "free");
        var book = RepresentativeRequests.For("Book an appointment", settings, clock);
        book.Method.ShouldBe("POST");
        JsonNode.Parse(book.Body!)!["resourceType"]!.GetValue<string>().ShouldBe("Appointment");
        RepresentativeRequests.For("Read an organisation", settings, clock, "1").RelativePath.ShouldBe("/Organization/1");

        Should.Throw<ArgumentException>(() => RepresentativeRequests.For("Delete a patient", settings, clock)).Message.ShouldContain("\"Search for free slots\"");
        Should.Throw<ArgumentNullException>(() => RepresentativeRequests.For("Read an organisation", settings, clock));
    }

    [Theory]
    [InlineData(FhirWireFormat.Json)]
    [InlineData(FhirWireFormat.Xml)]
    public void Sample_bodies_parse_as_fhir_in_their_format(FhirWireFormat format)
    {
        foreach (var body in new[] { SampleBodies.Appointment(format, TimeProvider.System), SampleBodies.RegisterPatientParameters(format) })
        {
            var parsed = GpConnect.Conformance.Fhir.FhirParser.Parse(body);
            parsed.Root.ShouldNotBeNull(body);
            (format == FhirWireFormat.Xml ? body.StartsWith('<') : body.StartsWith('{')).ShouldBeTrue();
        }
        SampleBodies.ContentType(format).ShouldEndWith(";charset=utf-8");
    }

    [Fact]
    public void Each_jwt_defect_changes_the_authorization_the_client_sends()
    {
        using var client = new GpConnectClient(SuiteUnderTest.Settings(), new Uri("http://127.0.0.1/A20047/STU3/1/gpconnect"));
        var baseline = Authorization(client, new GpConnectRequest(Interactions.GetCapabilityStatement));
        var seen = new HashSet<string?>();

        foreach (var defect in JwtDefects.All)
        {
            var request = new GpConnectRequest(Interactions.GetCapabilityStatement);
            defect.Apply(request, client);
            var sent = Authorization(client, request);
            Normalise(sent).ShouldNotBe(Normalise(baseline), defect.Name);
            seen.Add(Normalise(sent)).ShouldBeTrue($"{defect.Name} sends the same authorization as another defect");
        }
    }

    [Fact]
    public void Token_defects_change_exactly_what_they_name()
    {
        using var client = new GpConnectClient(SuiteUnderTest.Settings(), new Uri("http://127.0.0.1/A20047/STU3/1/gpconnect"));

        Token(client, "no trailing dot").Split('.').Length.ShouldBe(2);
        Payload(client, "exp sent as a string")["exp"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.String);
        Payload(client, "a Patient as requesting_device")["requesting_device"]!["resourceType"]!.GetValue<string>().ShouldBe("Patient");
        Payload(client, "only the SDS user id identifier on requesting_practitioner")["requesting_practitioner"]!["identifier"]!.AsArray().Count.ShouldBe(1);
        Authorization(client, Apply(client, "a bare token without the Bearer scheme"))!.ShouldNotStartWith("Bearer");
        Authorization(client, Apply(client, "no Authorization header")).ShouldBeNull();
        Should.Throw<ArgumentException>(() => JwtDefects.Named("a token made of cheese")).Message.ShouldContain("no trailing dot");
    }

    private static GpConnectRequest Apply(GpConnectClient client, string defect)
    {
        var request = new GpConnectRequest(Interactions.GetCapabilityStatement);
        JwtDefects.Named(defect).Apply(request, client);
        return request;
    }

    private static string Token(GpConnectClient client, string defect) => Authorization(client, Apply(client, defect))!["Bearer ".Length..];

    private static JsonObject Payload(GpConnectClient client, string defect)
    {
        var segment = Token(client, defect).Split('.')[1].Replace('-', '+').Replace('_', '/');
        segment += new string('=', (4 - segment.Length % 4) % 4);
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(segment)))!.AsObject();
    }

    private static string? Authorization(GpConnectClient client, GpConnectRequest request) =>
        client.BuildHeaders(request).FirstOrDefault(h => h.Name == "Authorization")?.Value;

    // iat/exp change from second to second; compare tokens with integer timing claims blanked.
    private static string? Normalise(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return authorization;
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length < 2) return authorization;
        try
        {
            var segment = parts[1].Replace('-', '+').Replace('_', '/');
            segment += new string('=', (4 - segment.Length % 4) % 4);
            var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(segment)))!.AsObject();
            foreach (var claim in new[] { "iat", "exp" })
                if (payload[claim] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number && !value.ToJsonString().Contains('.')) payload[claim] = 0;
            return $"{parts[0]}.{payload.ToJsonString()}" + string.Concat(parts.Skip(2).Select(p => "." + p));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return authorization;
        }
    }
}
