using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain.Core;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class CoreHeaderChecksTests
{
    [Theory]
    [InlineData("no-store", true)]
    [InlineData("private, No-Store", true)]
    [InlineData("no-cache", false)]
    public void Cache_control_must_hold_the_no_store_directive(string value, bool passes)
    {
        var response = CoreResponses.With(200, CoreResponses.Organization, ("Cache-Control", value));

        HeaderChecks.HasDirective(response, "Cache-Control", "no-store", "header.cache-control").Passed.ShouldBe(passes);
    }

    [Fact]
    public void A_missing_header_is_named_with_the_status_of_the_response()
    {
        var check = HeaderChecks.HasDirective(CoreResponses.With(404, "{}"), "Cache-Control", "no-store", "header.cache-control");

        check.Failures.ShouldHaveSingleItem().Message.ShouldContain("404 response has no Cache-Control header");
    }

    [Theory]
    [InlineData("application/fhir+json;charset=utf-8", FhirWireFormat.Json, null)]
    [InlineData("application/fhir+json; charset=UTF-8", FhirWireFormat.Json, null)]
    [InlineData("application/fhir+json", FhirWireFormat.Json, "content-type.charset")]
    [InlineData("application/json+fhir;charset=utf-8", FhirWireFormat.Json, "content-type.media-type")]
    [InlineData("application/fhir+xml;charset=utf-8", FhirWireFormat.Json, "content-type.media-type")]
    [InlineData("application/fhir+xml;charset=utf-8", FhirWireFormat.Xml, null)]
    public void Content_type_needs_the_fhir_media_type_and_utf8_charset(string contentType, FhirWireFormat format, string? brokenRule)
    {
        var check = HeaderChecks.ContentType(CoreResponses.With(200, "{}", ("Content-Type", contentType)), format);

        if (brokenRule is null) check.Passed.ShouldBeTrue();
        else check.Failures.ShouldHaveSingleItem().Rule.ShouldBe(brokenRule);
    }

    [Theory]
    [InlineData("W/\"7\"", null)]
    [InlineData("\"7\"", "etag.weak")]
    [InlineData("W/\"6\"", "etag.version")]
    public void The_etag_is_the_weak_tag_of_the_version_returned(string etag, string? brokenRule)
    {
        var check = HeaderChecks.WeakETagOfVersion(CoreResponses.With(200, CoreResponses.Organization, ("ETag", etag)));

        if (brokenRule is null) check.Passed.ShouldBeTrue();
        else check.Failures.ShouldHaveSingleItem().Rule.ShouldBe(brokenRule);
    }

    [Fact]
    public void A_read_without_an_etag_fails()
    {
        HeaderChecks.WeakETagOfVersion(CoreResponses.With(200, CoreResponses.Organization)).Failures.ShouldHaveSingleItem().Rule.ShouldBe("etag");
    }
}
