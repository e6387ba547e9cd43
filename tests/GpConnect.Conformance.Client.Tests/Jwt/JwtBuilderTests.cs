using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Jwt;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Jwt;

public sealed class JwtBuilderTests
{
    private const string Audience = "https://provider.example/A20047/STU3/1/gpconnect";
    private readonly FixedClock _clock = new();
    private readonly JwtBuilder _builder;

    public JwtBuilderTests() => _builder = new JwtBuilder(TestSettings.Default().Consumer, _clock);

    private JsonObject Payload(string token) => JwtDecoder.Decode(token).Payload!.AsObject();

    [Fact]
    public void Valid_token_is_three_base64url_segments_with_an_empty_signature()
    {
        var token = _builder.Build(Audience, JwtScopes.PatientRead);

        token.ShouldEndWith(".");
        token.Count(c => c == '.').ShouldBe(2);
        token.ShouldNotContain("=");
        var decoded = JwtDecoder.Decode(token);
        decoded.IsWellFormed.ShouldBeTrue(string.Join("; ", decoded.Problems));
        decoded.Signature.ShouldBeEmpty();
        decoded.Header!.ToJsonString().ShouldBe("""{"alg":"none","typ":"JWT"}""");
    }

    [Theory]
    [InlineData(JwtScopes.PatientRead, Audience)]
    [InlineData(JwtScopes.OrganizationRead, "https://provider.example/ünïcode/<&>\"quoted\"")]
    public void The_fast_token_is_exactly_the_draft_token(string scope, string audience)
    {
        // Build writes UTF-8 directly; CreateDraft(...).Encode() goes through a JSON tree: same clock, same text.
        var consumer = TestSettings.Default().Consumer;
        var builder = new JwtBuilder(consumer, _clock);
        builder.Build(audience, scope).ShouldBe(builder.CreateDraft(audience, scope).Encode());
        builder.Build(audience, scope).ShouldBe(builder.CreateDraft(audience, scope).Encode(), "and again, from the cached fixed parts");
    }

    [Fact]
    public void Valid_token_has_exactly_the_ten_claims_with_their_rules()
    {
        var payload = Payload(_builder.Build(Audience, JwtScopes.OrganizationRead));
        var iat = _clock.Now.ToUnixTimeSeconds();

        payload.Select(p => p.Key).ShouldBe(JwtClaimNames.All);
        payload["iss"]!.GetValue<string>().ShouldBe("https://gpconnect-conformance.example/");
        payload["sub"]!.GetValue<string>().ShouldBe("gpcc-user-1");
        payload["aud"]!.GetValue<string>().ShouldBe(Audience);
        payload["iat"]!.GetValueKind().ShouldBe(System.Text.Json.JsonValueKind.Number);
        payload["iat"]!.GetValue<long>().ShouldBe(iat);
        payload["exp"]!.GetValue<long>().ShouldBe(iat + 300);
        payload["reason_for_request"]!.GetValue<string>().ShouldBe("directcare");
        payload["requested_scope"]!.GetValue<string>().ShouldBe("organization/*.read");
        payload["sub"]!.GetValue<string>().ShouldBe(payload["requesting_practitioner"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Claim_resources_are_minimal_device_organization_and_practitioner()
    {
        var payload = Payload(_builder.Build(Audience, JwtScopes.PatientRead));

        var device = payload["requesting_device"]!;
        device["resourceType"]!.GetValue<string>().ShouldBe("Device");
        device["identifier"]![0]!["system"]!.GetValue<string>().ShouldBe("https://gpconnect-conformance.example/Id/device-identifier");
        device["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("GPCC-HARNESS-1");
        device["model"]!.GetValue<string>().ShouldBe("GP Connect Conformance");
        device["version"]!.GetValue<string>().ShouldBe("1.0.0");

        var organization = payload["requesting_organization"]!;
        organization["resourceType"]!.GetValue<string>().ShouldBe("Organization");
        organization["name"]!.GetValue<string>().ShouldBe("GP Connect Conformance Consumer");
        organization["identifier"]![0]!["system"]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/Id/ods-organization-code");
        organization["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("GPCC001");

        var practitioner = payload["requesting_practitioner"]!;
        practitioner["resourceType"]!.GetValue<string>().ShouldBe("Practitioner");
        practitioner["identifier"]!.AsArray().Select(i => i!["system"]!.GetValue<string>()).ShouldBe(
            ["https://fhir.nhs.uk/Id/sds-user-id", "https://fhir.nhs.uk/Id/sds-role-profile-id", "https://gpconnect-conformance.example/Id/user-guid"]);
        practitioner["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("G22345655");
        practitioner["name"]![0]!["family"]!.GetValue<string>().ShouldBe("Assurance");
        practitioner["name"]![0]!["given"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["Tess"]);
        practitioner["name"]![0]!["prefix"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["Dr"]);
    }

    [Fact]
    public void Optional_practitioner_identifiers_are_left_out_when_not_configured()
    {
        var consumer = TestSettings.Default(("consumer:practitioner:sdsRoleProfileId", ""), ("consumer:practitioner:localIdentifier", "")).Consumer;
        var payload = Payload(new JwtBuilder(consumer, _clock).Build(Audience, JwtScopes.PatientRead));

        payload["requesting_practitioner"]!["identifier"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void Within_one_second_the_same_audience_and_scope_give_the_same_token_and_anything_else_a_new_one()
    {
        var clock = new SettableClock(FixedClock.DefaultNow);
        var builder = new JwtBuilder(TestSettings.Default().Consumer, clock);
        var other = new JwtBuilder(TestSettings.Default().Consumer, clock);

        var first = builder.Build(Audience, JwtScopes.PatientRead);
        builder.Build(Audience, JwtScopes.PatientRead).ShouldBe(first);
        var otherScope = builder.Build(Audience, JwtScopes.OrganizationRead);
        otherScope.ShouldBe(other.CreateDraft(Audience, JwtScopes.OrganizationRead).Encode());
        var otherAudience = builder.Build(Audience + "/x", JwtScopes.PatientRead);
        otherAudience.ShouldBe(other.CreateDraft(Audience + "/x", JwtScopes.PatientRead).Encode());
        builder.Build(Audience, JwtScopes.PatientRead).ShouldBe(first, "the same inputs in the same second are the same text");

        clock.Now = FixedClock.DefaultNow.AddMilliseconds(999); // still the same second: same iat
        builder.Build(Audience, JwtScopes.PatientRead).ShouldBe(first);
        clock.Now = FixedClock.DefaultNow.AddSeconds(1);
        var next = builder.Build(Audience, JwtScopes.PatientRead);
        next.ShouldNotBe(first);
        next.ShouldBe(other.CreateDraft(Audience, JwtScopes.PatientRead).Encode());
        Payload(next)["iat"]!.GetValue<long>().ShouldBe(FixedClock.DefaultNow.AddSeconds(1).ToUnixTimeSeconds());
    }

    [Fact]
    public void Every_call_reads_the_clock_afresh()
    {
        var clock = new SteppingClock(FixedClock.DefaultNow, TimeSpan.FromSeconds(7));
        var builder = new JwtBuilder(TestSettings.Default().Consumer, clock);

        var first = Payload(builder.Build(Audience, JwtScopes.PatientRead))["iat"]!.GetValue<long>();
        var second = Payload(builder.Build(Audience, JwtScopes.PatientRead))["iat"]!.GetValue<long>();

        (second - first).ShouldBe(7);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _next = start;
        public override DateTimeOffset GetUtcNow()
        {
            var now = _next;
            _next += step;
            return now;
        }
    }
}
