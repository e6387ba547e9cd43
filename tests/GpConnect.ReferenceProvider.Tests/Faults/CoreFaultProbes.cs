using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// Probes for the Core faults (headers, JWT, formats, errors, conventions, TLS): each true only when its fault's deviation
/// shows. Where two faults touch the same behaviour the probe picks a request only its own fault changes.
/// </summary>
public static class CoreFaultProbes
{
    private const string UnknownInteraction = "urn:nhs:names:services:gpconnect:fhir:rest:read:unknown-1";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["accept-missing-trace-id"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-TraceID", null)),
            ["accept-bad-trace-id"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-TraceID", "not-a-guid")),
            ["accept-missing-ssp-from"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-From", null)),
            ["accept-missing-ssp-to"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-To", null)),
            ["accept-unknown-interaction-id"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-InteractionID", UnknownInteraction)),
            ["interaction-id-case-insensitive"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-InteractionID", InteractionIds.Metadata.ToUpperInvariant())),
            ["accept-mismatched-interaction-id"] = s => Served(s, r => ProviderSession.SetHeader(r, "Ssp-InteractionID", InteractionIds.ReadLocation)),
            ["accept-wrong-method"] = s => Served(s, r => r.Method = HttpMethod.Delete),
            ["accept-missing-bearer-token"] = s => Served(s, r => r.Headers.Remove("Authorization")),
            ["accept-malformed-jwt"] = s => Served(s, r => ProviderSession.SetBearer(r, TestJwt.Encode(TestJwt.Header(), s.Payload()).TrimEnd('.'))),
            ["accept-signed-jwt"] = s => Served(s, r => ProviderSession.SetBearer(r,
                TestJwt.Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }, s.Payload()) + "c2lnbmF0dXJl")),
            ["accept-missing-jwt-claims"] = s => ServedWithPayload(s, p => p.Remove("iss")),
            ["accept-wrong-jwt-claim-types"] = s => ServedWithPayload(s, p => p["exp"] = p["exp"]!.ToJsonString()),
            ["accept-wrong-claim-resource-type"] = s => ServedWithPayload(s, p => p["requesting_device"]!["resourceType"] = "Patient"),
            ["accept-invalid-claim-resource"] = s => ServedWithPayload(s, p => p["requesting_device"]!["model"] = new JsonObject { ["text"] = "x" }),
            ["accept-non-url-iss"] = s => ServedWithPayload(s, p => p["iss"] = "gpcc-consumer"),
            ["accept-wrong-reason-for-request"] = s => ServedWithPayload(s, p => p["reason_for_request"] = "notdirectcare"),
            ["accept-unknown-scope"] = s => ServedWithPayload(s, p => p["requested_scope"] = "encounter/*.read"),
            ["accept-missing-requesting-identifiers"] = s => ServedWithPayload(s, p => p["requesting_organization"]!.AsObject().Remove("identifier")),
            ["accept-wrong-scope-family"] = s => ServedWithPayload(s, p => p["requested_scope"] = "patient/*.read"),
            ["accept-sub-mismatch"] = s => ServedWithPayload(s, p => p["sub"] = "someone-else"),
            ["accept-future-iat"] = s => ServedWithPayload(s, p => { p["iat"] = s.Clock.Now.ToUnixTimeSeconds() + 600; p["exp"] = s.Clock.Now.ToUnixTimeSeconds() + 900; }),
            ["no-clock-skew-leeway"] = async s => !await ServedWithPayload(s, p => { p["exp"] = s.Clock.Now.ToUnixTimeSeconds() - 60; p["iat"] = s.Clock.Now.ToUnixTimeSeconds() - 360; }),
            ["reject-consumer-variance"] = async s => !await ServedWithPayload(s, p =>
            {
                var identifiers = p["requesting_practitioner"]!["identifier"]!.AsArray();
                while (identifiers.Count > 1) identifiers.RemoveAt(identifiers.Count - 1);
            }),
            ["xml-ignored"] = async s => !IsXml(await Metadata(s, r => r.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml"))),
            ["format-precedence-ignored"] = async s => IsXml(await s.SendAsync(WithAccept(s.Request("/metadata?_format=application/fhir%2Bjson", InteractionIds.Metadata), "application/fhir+xml"))),
            ["request-content-type-ignored"] = async s => !IsXml(await Metadata(s, r => r.Content = new StringContent("", null, "application/fhir+xml"))),
            ["content-type-without-charset"] = async s => !((await s.MetadataAsync()).ContentType ?? "").Contains("charset=utf-8"),
            ["error-wrong-coding-system"] = async s => (await UnknownLocation(s)).Json["issue"]![0]!["details"]!["coding"]![0]!["system"]!.GetValue<string>().StartsWith("http://fhir.nhs.net"),
            ["error-severity-warning"] = async s => (await UnknownLocation(s)).Json["issue"]![0]!["severity"]!.GetValue<string>() == "warning",
            ["errors-always-json"] = async s =>
                !IsXml(await s.SendAsync(WithAccept(s.Request("/Location/999", InteractionIds.ReadLocation), "application/fhir+xml")))
                && IsXml(await Metadata(s, r => r.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml"))),
            ["error-status-not-mapped"] = async s => (await UnknownLocation(s)).Status == HttpStatusCode.BadRequest,
            ["wrong-error-code-for-unknown-type"] = async s => (await s.GetAsync("/Encounter/1", InteractionIds.ReadPatient, InteractionIds.PatientRead)).Status == HttpStatusCode.NotFound,
            ["etag-not-weak"] = async s => (await s.GetAsync("/Location/1", InteractionIds.ReadLocation)).Headers.TryGetValue("ETag", out var etag) && !etag.StartsWith("W/", StringComparison.Ordinal),
            ["absolute-references"] = async s => (await s.GetAsync("/Location/1", InteractionIds.ReadLocation)).Json["managingOrganization"]?["reference"]?.GetValue<string>().Contains("://") == true,
            ["organization-without-version-id"] = async s => (await s.GetAsync("/Organization/1", InteractionIds.ReadOrganization)).Json["meta"]?["versionId"] is null,
            ["no-gzip"] = async s => !(await Metadata(s, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip"))).Headers.ContainsKey("Content-Encoding"),
            ["capability-format-without-json"] = async s => !(await s.MetadataAsync()).Json["format"]!.AsArray().Any(f => f!.GetValue<string>() == "application/fhir+json"),
            ["error-without-diagnostics"] = async s => !(await UnknownLocation(s)).Json["issue"]![0]!.AsObject().ContainsKey("diagnostics"),
            ["location-dstu2-identifier-system"] = async s => (await s.GetAsync("/Location/1", InteractionIds.ReadLocation)).Json["identifier"]?[0]?["system"]?.GetValue<string>().StartsWith("http://fhir.nhs.net") == true,
            ["schedule-ids-invalid"] = async s => (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots))
                .Entries().Any(r => r["resourceType"]!.GetValue<string>() == "Schedule" && r["id"]!.GetValue<string>().Contains('_')),
            ["schedule-horizon-utc-times"] = async s => (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots))
                .Entries().Any(r => r["resourceType"]!.GetValue<string>() == "Schedule" && r["planningHorizon"]?["start"]?.GetValue<string>().EndsWith('Z') == true),
            ["capability-without-slot-profile"] = async s => !(await s.MetadataAsync()).Json["profile"]!.AsArray().Any(p => p!["reference"]!.GetValue<string>().EndsWith("/GPConnect-Slot-1")),
            ["no-hsts"] = async s => await OverTls(s, Tls.Value.Client) is { } response && response.StatusCode == HttpStatusCode.OK && !response.Headers.Contains("Strict-Transport-Security"),
            ["tls-client-cert-not-required"] = async s => await OverTls(s, null) is { StatusCode: HttpStatusCode.OK },
            ["accept-untrusted-client-cert"] = async s => await OverTls(s, Tls.Value.Untrusted) is { StatusCode: HttpStatusCode.OK },
            ["accept-expired-client-cert"] = async s => await OverTls(s, Tls.Value.Expired) is { StatusCode: HttpStatusCode.OK },
            // Divergences: the answers NHS assurance expects instead of the spec pages' ones.
            ["nhs-assurance-client-cert-http-errors"] = async s =>
                await OverTls(s, null) is { StatusCode: (HttpStatusCode)496 } && await OverTls(s, Tls.Value.Expired) is { StatusCode: (HttpStatusCode)495 },
            ["nhs-assurance-iat-leeway"] = async s =>
                await ServedWithPayload(s, p => { p["iat"] = s.Clock.Now.ToUnixTimeSeconds() + 180; p["exp"] = s.Clock.Now.ToUnixTimeSeconds() + 480; })
                && !await ServedWithPayload(s, p => { p["iat"] = s.Clock.Now.ToUnixTimeSeconds() + 600; p["exp"] = s.Clock.Now.ToUnixTimeSeconds() + 900; }),
            ["nhs-assurance-claim-resource-type-422"] = async s =>
            {
                var payload = s.Payload();
                payload["requesting_device"]!["resourceType"] = "Patient";
                var request = s.Request("/metadata", InteractionIds.Metadata);
                ProviderSession.SetBearer(request, TestJwt.Encode(TestJwt.Header(), payload));
                return (await s.SendAsync(request)).Status == HttpStatusCode.UnprocessableEntity;
            },
            ["chunked-body-refused"] = async s =>
            {
                var slots = await Appointments.AppointmentApi.FreeSlotsAsync(s);
                var request = s.Request("/Appointment", Appointments.AppointmentApi.Book, Appointments.AppointmentApi.PatientWrite);
                request.Method = HttpMethod.Post;
                request.Content = new StreamContent(new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(Appointments.AppointmentApi.Booking(s, slots[0]).ToJsonString())));
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/fhir+json;charset=utf-8");
                request.Headers.TransferEncodingChunked = true;
                return (await s.SendAsync(request)).Status == HttpStatusCode.BadRequest;
            },
                        // Slow answers: the fastest of two requests is still held back (a one-off pause on a busy machine is not enough).
            ["slow-capability-statement"] = async s => await Fastest(2, () => s.MetadataAsync()) > TimeSpan.FromMilliseconds(450),
            ["slow-booking"] = async s =>
            {
                var slots = await Appointments.AppointmentApi.FreeSlotsAsync(s);
                return await Fastest(2, i => Appointments.AppointmentApi.BookAsync(s, Appointments.AppointmentApi.Booking(s, slots[i]))) > TimeSpan.FromMilliseconds(450);
            },
        };

    private static readonly Lazy<TlsMaterial> Tls = new(() => new TlsMaterial());

    private sealed class TlsMaterial
    {
        public X509Certificate2 Authority { get; } = TestCertificates.CreateAuthority("Core probe CA");
        public X509Certificate2 Server { get; }
        public X509Certificate2 Client { get; }
        public X509Certificate2 Expired { get; }
        public X509Certificate2 Untrusted { get; } = TestCertificates.CreateClient(TestCertificates.CreateAuthority("Untrusted probe CA"));

        public TlsMaterial()
        {
            Server = TestCertificates.CreateServer(Authority);
            Client = TestCertificates.CreateClient(Authority);
            Expired = TestCertificates.CreateClient(Authority, DateTimeOffset.UtcNow.AddDays(-20), DateTimeOffset.UtcNow.AddDays(-2));
        }
    }

    /// <summary>
    /// Starts an HTTPS instance with the session's faults and real time, and gets /metadata presenting <paramref name="certificate"/>.
    /// Returns the response, or null when the TLS connection was refused.
    /// </summary>
    private static async Task<HttpResponseMessage?> OverTls(ProviderSession s, X509Certificate2? certificate)
    {
        var material = Tls.Value;
        await using var https = await ProviderSession.StartAsync(o =>
        {
            o.Faults = s.Provider.ActiveFaults.ToArray();
            o.ServerCertificate = material.Server;
            o.ClientCertificateAuthority = material.Authority;
        }, now: DateTimeOffset.UtcNow);
        return await TlsMetadata.GetAsync(https, certificate, server => server is not null && server.Issuer == material.Authority.Subject);
    }

    /// <summary>A body stream whose length is unknown, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static Task<TimeSpan> Fastest(int times, Func<Task> request) => Fastest(times, _ => request());

    private static async Task<TimeSpan> Fastest(int times, Func<int, Task> request)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < times; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await request(i);
            if (clock.Elapsed < fastest) fastest = clock.Elapsed;
        }
        return fastest;
    }

    private static Task<FhirResponse> UnknownLocation(ProviderSession s) => s.GetAsync("/Location/999", InteractionIds.ReadLocation);

    private static bool IsXml(FhirResponse response) => (response.ContentType ?? "").StartsWith("application/fhir+xml", StringComparison.Ordinal);

    private static HttpRequestMessage WithAccept(HttpRequestMessage request, string accept)
    {
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static Task<FhirResponse> Metadata(ProviderSession s, Action<HttpRequestMessage> change)
    {
        var request = s.Request("/metadata", InteractionIds.Metadata);
        change(request);
        return s.SendAsync(request);
    }

    private static async Task<bool> Served(ProviderSession s, Action<HttpRequestMessage> spoil)
    {
        var request = s.Request("/metadata", InteractionIds.Metadata);
        spoil(request);
        return (await s.SendAsync(request)).Status == HttpStatusCode.OK;
    }

    private static Task<bool> ServedWithPayload(ProviderSession s, Action<JsonObject> spoil)
    {
        var payload = s.Payload();
        spoil(payload);
        return Served(s, r => ProviderSession.SetBearer(r, TestJwt.Encode(TestJwt.Header(), payload)));
    }
}
