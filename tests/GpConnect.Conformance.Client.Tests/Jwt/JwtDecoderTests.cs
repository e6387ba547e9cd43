using GpConnect.Conformance.Client.Jwt;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Jwt;

public sealed class JwtDecoderTests
{
    private static readonly string Header = Base64UrlText.Encode("""{"alg":"none","typ":"JWT"}""");
    private static readonly string Payload = Base64UrlText.Encode("""{"iss":"https://c.example/","exp":2}""");

    [Fact]
    public void Decodes_a_bearer_header_value_and_pretty_prints()
    {
        var decoded = JwtDecoder.Decode($"Bearer {Header}.{Payload}.");

        decoded.Token.ShouldBe($"{Header}.{Payload}.");
        decoded.IsWellFormed.ShouldBeTrue();
        decoded.HeaderJson!.ShouldContain("\"alg\": \"none\"");
        decoded.PayloadJson!.ShouldContain(Environment.NewLine);
        decoded.Payload!["iss"]!.GetValue<string>().ShouldBe("https://c.example/");
    }

    [Theory]
    [InlineData("")]
    [InlineData("onlyone")]
    [InlineData("a.b.c.d")]
    public void Wrong_segment_counts_are_problems_not_exceptions(string token)
    {
        var decoded = JwtDecoder.Decode(token);
        decoded.IsWellFormed.ShouldBeFalse();
        decoded.Problems.ShouldContain(p => p.Contains("segment"));
    }

    [Fact]
    public void Padding_is_not_base64url()
    {
        Base64UrlText.TryDecode("YQ==", out _).ShouldBeFalse();
        Base64UrlText.TryDecode("YQ", out var text).ShouldBeTrue();
        text.ShouldBe("a");
        Base64UrlText.TryDecode("a+b/", out _).ShouldBeFalse();
    }

    [Fact]
    public void Shows_non_json_payload_text_for_reports()
    {
        var decoded = JwtDecoder.Decode($"{Header}.{Base64UrlText.Encode("not json")}.");
        decoded.PayloadJson.ShouldBe("not json");
        decoded.IsWellFormed.ShouldBeFalse();
    }
}
