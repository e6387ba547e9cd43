using System.Net;
using System.Xml.Linq;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Pipeline;

public sealed class FormatNegotiationTests : IAsyncLifetime
{
    private static readonly XNamespace Fhir = "http://hl7.org/fhir";
    private ProviderSession _session = null!;

    public async ValueTask InitializeAsync() => _session = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    private Task<FhirResponse> Metadata(string? accept, string? format = null)
    {
        var request = _session.Request("/metadata" + (format is null ? "" : "?_format=" + Uri.EscapeDataString(format)), InteractionIds.Metadata);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return _session.SendAsync(request);
    }

    [Fact]
    public async Task Without_accept_or_format_the_response_is_json_with_charset_and_no_store()
    {
        var response = await Metadata(null);

        response.ContentType.ShouldBe("application/fhir+json;charset=utf-8");
        response.Headers["Cache-Control"].ShouldBe("no-store");
        response.Json["resourceType"]!.GetValue<string>().ShouldBe("CapabilityStatement");
        response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse("HSTS is only sent over HTTPS");
    }

    [Fact]
    public async Task Accept_xml_gives_fhir_xml()
    {
        var response = await Metadata("application/fhir+xml");

        response.ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
        var root = response.Xml.Root!;
        root.Name.ShouldBe(Fhir + "CapabilityStatement");
        root.Element(Fhir + "version")!.Attribute("value")!.Value.ShouldBe("1.2.7");
        root.Element(Fhir + "rest")!.Element(Fhir + "security")!.Element(Fhir + "cors")!.Attribute("value")!.Value.ShouldBe("true");
    }

    [Fact]
    public async Task Accept_with_charset_is_tolerated()
    {
        (await Metadata("application/fhir+json;charset=utf-8")).ContentType.ShouldBe("application/fhir+json;charset=utf-8");
    }

    [Fact]
    public async Task Format_parameter_beats_accept_for_json()
    {
        (await Metadata("application/fhir+xml", "application/fhir+json")).ContentType.ShouldBe("application/fhir+json;charset=utf-8");
    }

    [Fact]
    public async Task Format_parameter_beats_accept_for_xml()
    {
        var response = await Metadata("application/fhir+json", "application/fhir+xml");
        response.ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
        response.Xml.Root!.Name.ShouldBe(Fhir + "CapabilityStatement");
    }

    [Fact]
    public async Task An_unencoded_plus_in_format_still_means_fhir_xml()
    {
        var request = _session.Request("/metadata?_format=application/fhir+xml", InteractionIds.Metadata);
        (await _session.SendAsync(request)).ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
    }

    [Fact]
    public async Task An_unsupported_accept_is_415()
    {
        var response = await Metadata("text/plain");
        response.ShouldBeError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        response.ContentType.ShouldBe("application/fhir+json;charset=utf-8");
    }

    [Fact]
    public async Task An_unsupported_format_parameter_is_415()
    {
        (await Metadata(null, "application/pdf")).ShouldBeError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Errors_are_written_in_the_requested_xml_format()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");
        ProviderSession.SetHeader(request, "Ssp-TraceID", "nope");

        var response = await _session.SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
        var outcome = response.Xml.Root!;
        outcome.Name.ShouldBe(Fhir + "OperationOutcome");
        outcome.Element(Fhir + "meta")!.Element(Fhir + "profile")!.Attribute("value")!.Value
            .ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        outcome.Descendants(Fhir + "coding").Single().Element(Fhir + "code")!.Attribute("value")!.Value.ShouldBe("BAD_REQUEST");
    }

    [Fact]
    public async Task Gzip_is_used_when_accepted()
    {
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler);
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldContain("gzip");
    }

    [Fact]
    public async Task An_unsupported_request_content_type_is_415_even_with_a_valid_accept()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.Headers.TryAddWithoutValidation("Accept", "application/fhir+json");
        request.Content = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");

        (await _session.SendAsync(request)).ShouldBeError(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task Without_accept_the_request_content_type_decides_the_format()
    {
        var request = _session.Request("/metadata", InteractionIds.Metadata);
        request.Content = new StringContent("<Parameters xmlns=\"http://hl7.org/fhir\"/>", System.Text.Encoding.UTF8);
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/fhir+xml;charset=utf-8");

        (await _session.SendAsync(request)).ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
    }

    [Fact]
    public async Task Accept_quality_values_choose_the_preferred_format()
    {
        (await Metadata("application/fhir+xml;q=0.5, application/fhir+json")).ContentType.ShouldBe("application/fhir+json;charset=utf-8");
        (await Metadata("application/fhir+json;q=0.2, application/fhir+xml;q=0.8")).ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
        (await Metadata("text/html, application/fhir+xml")).ContentType.ShouldBe("application/fhir+xml;charset=utf-8");
    }
}
