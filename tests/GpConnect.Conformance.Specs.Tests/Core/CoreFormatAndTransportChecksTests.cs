using GpConnect.Conformance.Client;
using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain.Core;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class CoreFormatAndTransportChecksTests
{
    private const string XmlOrganization = """<Organization xmlns="http://hl7.org/fhir"><id value="1"/></Organization>""";

    [Fact]
    public void The_body_must_be_in_the_format_the_content_type_names()
    {
        FormatChecks.Body(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", CoreResponses.Json)), FhirWireFormat.Json).Passed.ShouldBeTrue();
        FormatChecks.Body(CoreResponses.With(200, XmlOrganization, ("Content-Type", "application/fhir+xml;charset=utf-8")), FhirWireFormat.Xml).Passed.ShouldBeTrue();

        var jsonLabelledXml = FormatChecks.Body(CoreResponses.With(200, XmlOrganization, ("Content-Type", CoreResponses.Json)), FhirWireFormat.Json);
        jsonLabelledXml.Failures.ShouldHaveSingleItem().Rule.ShouldBe("body.format");

        var jsonWhenXmlWanted = FormatChecks.Body(CoreResponses.With(200, CoreResponses.Organization, ("Content-Type", CoreResponses.Json)), FhirWireFormat.Xml);
        jsonWhenXmlWanted.Failures.Select(f => f.Rule).ShouldBe(["content-type.media-type", "body.format"]);
    }

    [Fact]
    public void A_legacy_mime_type_request_may_be_refused_or_served_as_stu3_json_but_never_echoed()
    {
        FormatChecks.LegacyTypeNotEchoed(CoreResponses.With(415, ""), FhirWireFormat.Json).Passed.ShouldBeTrue();
        FormatChecks.LegacyTypeNotEchoed(CoreResponses.With(200, "{}", ("Content-Type", CoreResponses.Json)), FhirWireFormat.Json).Passed.ShouldBeTrue();
        FormatChecks.LegacyTypeNotEchoed(CoreResponses.With(200, "{}", ("Content-Type", "application/json+fhir;charset=utf-8")), FhirWireFormat.Json)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("content-type.media-type");
    }

    [Fact]
    public void Unsupported_formats_must_be_refused_with_415()
    {
        FormatChecks.UnsupportedMediaType(CoreResponses.With(415, "")).Passed.ShouldBeTrue();
        FormatChecks.UnsupportedMediaType(CoreResponses.With(200, "{}")).Passed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(TransportErrorKind.Tls, true)]
    [InlineData(TransportErrorKind.Other, true)]
    [InlineData(TransportErrorKind.ConnectionRefused, false)]
    [InlineData(TransportErrorKind.Timeout, false)]
    public void A_refused_tls_connection_is_a_handshake_failure_or_a_closed_connection(TransportErrorKind kind, bool passes)
    {
        TransportChecks.Refused(CoreResponses.Refused(kind, "handshake failed"), "without a certificate").Passed.ShouldBe(passes);
    }

    [Fact]
    public void An_http_answer_is_never_a_refused_connection()
    {
        var check = TransportChecks.Refused(CoreResponses.With(200, "{}"), "without a client certificate");

        check.Failures.ShouldHaveSingleItem().Message.ShouldContain("answered HTTP 200 to a client without a client certificate");
    }
}
