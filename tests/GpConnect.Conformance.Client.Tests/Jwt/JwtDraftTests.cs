using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Jwt;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Jwt;

/// <summary>Every kind of invalid token the Core features need (core.md §4.7, CORE-040…066).</summary>
public sealed class JwtDraftTests
{
    private readonly FixedClock _clock = new();
    private readonly JwtBuilder _builder;

    public JwtDraftTests() => _builder = new JwtBuilder(TestSettings.Default().Consumer, _clock);

    private JwtDraft Draft() => _builder.CreateDraft("https://provider.example/A1/STU3/1/gpconnect", JwtScopes.PatientRead);

    private static JsonObject Payload(JwtDraft draft) => JwtDecoder.Decode(draft.Encode()).Payload!.AsObject();

    public static TheoryData<string> Claims() => new(JwtClaimNames.All);

    [Theory]
    [MemberData(nameof(Claims))]
    public void Each_claim_can_be_removed(string claim)
    {
        var payload = Payload(Draft().RemoveClaim(claim));
        payload.ContainsKey(claim).ShouldBeFalse();
        payload.Count.ShouldBe(9);
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void Each_claim_can_be_set_to_null(string claim)
    {
        var payload = Payload(Draft().SetClaim(claim, null));
        payload.ContainsKey(claim).ShouldBeTrue();
        payload[claim].ShouldBeNull();
        JwtDecoder.Decode(Draft().SetClaim(claim, null).Encode()).PayloadText!.ShouldContain($"\"{claim}\":null");
    }

    [Fact]
    public void Claims_can_take_any_json_value()
    {
        Payload(Draft().SetClaim("reason_for_request", "notdirectcare"))["reason_for_request"]!.GetValue<string>().ShouldBe("notdirectcare");
        Payload(Draft().SetClaim("sub", "someone-else"))["sub"]!.GetValue<string>().ShouldBe("someone-else");
        Payload(Draft().SetClaimJson("requested_record", "{\"resourceType\":\"Patient\"}"))["requested_record"]!["resourceType"]!.GetValue<string>().ShouldBe("Patient");
    }

    [Theory]
    [InlineData("exp", "\"1469436987\"", JsonValueKind.String)]
    [InlineData("iat", "1469436687.5", JsonValueKind.Number)]
    public void Exp_and_iat_can_have_the_wrong_type(string claim, string json, JsonValueKind kind)
    {
        var text = JwtDecoder.Decode(Draft().SetClaimJson(claim, json).Encode()).PayloadText!;
        text.ShouldContain($"\"{claim}\":{json}");
        JsonNode.Parse(text)![claim]!.GetValueKind().ShouldBe(kind);
    }

    [Fact]
    public void Times_can_be_set_relative_to_now()
    {
        var now = _clock.Now.ToUnixTimeSeconds();

        var expired = Payload(Draft().SetExpiryRelativeToNow(TimeSpan.FromSeconds(-180)));
        expired["exp"]!.GetValue<long>().ShouldBe(now - 180);
        expired["iat"]!.GetValue<long>().ShouldBe(now - 480);

        var future = Payload(Draft().SetIssuedAtRelativeToNow(TimeSpan.FromSeconds(60)));
        future["iat"]!.GetValue<long>().ShouldBe(now + 60);
        future["exp"]!.GetValue<long>().ShouldBe(now + 360);

        var longLived = Payload(Draft().SetLifetime(301));
        (longLived["exp"]!.GetValue<long>() - longLived["iat"]!.GetValue<long>()).ShouldBe(301);
    }

    [Theory]
    [InlineData("requesting_device", "Patient")]
    [InlineData("requesting_organization", "Practitioner")]
    [InlineData("requesting_practitioner", "Organization")]
    public void Claim_resources_can_have_the_wrong_type(string claim, string type) =>
        Payload(Draft().SetResourceType(claim, type))[claim]!["resourceType"]!.GetValue<string>().ShouldBe(type);

    [Fact]
    public void Identifiers_can_be_removed_by_system_or_all_together()
    {
        var noOds = Payload(Draft().RemoveResourceIdentifier("requesting_organization", JwtIdentifierSystems.OdsOrganisationCode));
        noOds["requesting_organization"]!["identifier"]!.AsArray().ShouldBeEmpty();

        var noSds = Payload(Draft().RemoveResourceIdentifier("requesting_practitioner", JwtIdentifierSystems.SdsUserId));
        noSds["requesting_practitioner"]!["identifier"]!.AsArray().Select(i => i!["system"]!.GetValue<string>())
            .ShouldNotContain(JwtIdentifierSystems.SdsUserId);
        noSds["requesting_practitioner"]!["identifier"]!.AsArray().Count.ShouldBe(2);

        Payload(Draft().RemoveResourceIdentifier("requesting_device"))["requesting_device"]!.AsObject().ContainsKey("identifier").ShouldBeFalse();
    }

    [Fact]
    public void Identifier_values_can_be_set_to_unk()
    {
        var payload = Payload(Draft()
            .SetResourceIdentifierValue("requesting_practitioner", JwtIdentifierSystems.SdsUserId, "UNK")
            .SetResourceIdentifierValue("requesting_practitioner", JwtIdentifierSystems.SdsRoleProfileId, "UNK"));
        payload["requesting_practitioner"]!["identifier"]!.AsArray().Take(2).Select(i => i!["value"]!.GetValue<string>()).ShouldBe(["UNK", "UNK"]);
    }

    [Fact]
    public void Resource_elements_can_be_made_invalid()
    {
        var payload = Payload(Draft()
            .SetResourceElement("requesting_device", "model", new JsonObject { ["text"] = "x" })
            .SetResourceElement("requesting_device", "notAnElement", true)
            .RemoveResourceElement("requesting_organization", "name"));
        payload["requesting_device"]!["model"]!.GetValueKind().ShouldBe(JsonValueKind.Object);
        payload["requesting_device"]!["notAnElement"]!.GetValue<bool>().ShouldBeTrue();
        payload["requesting_organization"]!.AsObject().ContainsKey("name").ShouldBeFalse();
    }

    [Fact]
    public void Editing_a_claim_that_holds_no_resource_says_so() =>
        Should.Throw<InvalidOperationException>(() => Draft().RemoveClaim("requesting_device").SetResourceType("requesting_device", "Patient"))
            .Message.ShouldContain("requesting_device");

    [Fact]
    public void Signature_algorithm_and_trailing_dot_can_be_changed()
    {
        var signed = JwtDecoder.Decode(Draft().SetAlgorithm("HS256").WithSignature().Encode());
        signed.Header!["alg"]!.GetValue<string>().ShouldBe("HS256");
        signed.Signature.ShouldNotBeEmpty();
        signed.Problems.ShouldContain("the signature segment is not empty");

        var twoSegments = Draft().WithoutTrailingDot().Encode();
        twoSegments.ShouldNotEndWith(".");
        twoSegments.Count(c => c == '.').ShouldBe(1);
        JwtDecoder.Decode(twoSegments).SegmentCount.ShouldBe(2);
    }

    [Fact]
    public void Segments_can_be_made_undecodable_or_not_json()
    {
        var notBase64 = JwtDecoder.Decode(Draft().ReplaceSegment(JwtSegment.Payload, "!!not*base64url!!").Encode());
        notBase64.Problems.ShouldContain("the payload segment is not base64url-encoded UTF-8");
        notBase64.Payload.ShouldBeNull();

        var notJson = JwtDecoder.Decode(Draft().SetSegmentText(JwtSegment.Payload, "{\"iss\": \"truncated").Encode());
        notJson.PayloadText.ShouldBe("{\"iss\": \"truncated");
        notJson.Payload.ShouldBeNull();
        notJson.Problems.ShouldContain(p => p.StartsWith("the payload is not JSON", StringComparison.Ordinal));

        var badHeader = JwtDecoder.Decode(Draft().SetSegmentText(JwtSegment.Header, "alg=none").Encode());
        badHeader.Problems.ShouldContain(p => p.StartsWith("the header is not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_and_payload_can_be_edited_directly()
    {
        var draft = Draft();
        draft.Header["typ"] = "JWS";
        draft.Payload.Remove("iss");
        var decoded = JwtDecoder.Decode(draft.Encode());
        decoded.Header!["typ"]!.GetValue<string>().ShouldBe("JWS");
        decoded.Payload!.AsObject().ContainsKey("iss").ShouldBeFalse();
    }
}
