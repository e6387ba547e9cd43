using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Numerics;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// One observation per request-validation fault (register body, booking references and refusals, returned appointments,
/// TLS). Where a broader fault would also show the deviation, the probe adds a control the broader fault changes too.
/// </summary>
public static class RequestValidationFaultProbes
{
    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            // Control: active stays refused under this fault, not under register-accepts-invalid-patient.
            ["register-accepts-forbidden-elements"] = async s =>
                !Registered(await s.RegisterAsync(With(FoundationsRequests.Patient("9690000276"), p => p["active"] = true)))
                && Registered(await s.RegisterAsync(With(FoundationsRequests.Patient("9690000276"), p => p["animal"] = new JsonObject { ["species"] = new JsonObject { ["text"] = "Dog" } }))),
            // Control: a missing birth date stays refused under this fault, not under register-accepts-invalid-patient.
            ["register-accepts-identifier-without-system"] = async s =>
                !Registered(await s.RegisterAsync(With(FoundationsRequests.Patient("9690000284"), p => p.Remove("birthDate"))))
                && Registered(await s.RegisterAsync(With(FoundationsRequests.Patient("9690000284"), p => p["identifier"]!.AsArray().Add(new JsonObject { ["value"] = "LOCAL-1" })))),
            ["register-ignores-resource-types"] = async s =>
                Registered(await s.RegisterAsync(With(FoundationsRequests.Patient("9690000292"), p => p["resourceType"] = "Organization"))),
            ["book-accepts-absolute-references"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                var patient = booking["participant"]!.AsArray().Select(p => p!["actor"]!.AsObject()).First(a => a["reference"]!.GetValue<string>().StartsWith("Patient/"));
                patient["reference"] = "https://elsewhere.example/STU3/1/gpconnect/" + patient["reference"]!.GetValue<string>();
                return (await BookAsync(s, booking)).Status == HttpStatusCode.Created;
            },
            ["changes-accept-absolute-references"] = async s =>
                (await EditAsync(s, Amend, ByOtherOrganisation, a =>
                {
                    a["description"] = "Changed by the absolute-reference probe";
                    foreach (var actor in a["participant"]!.AsArray().Select(p => p!["actor"]!.AsObject()))
                        actor["reference"] = "https://elsewhere.example/STU3/1/gpconnect/" + actor["reference"]!.GetValue<string>();
                })).Status == HttpStatusCode.OK,
            ["changes-invalid-as-bad-request"] = async s =>
                await EditAsync(s, Amend, ByOtherOrganisation, a => a["priority"] = 1) is { Status: HttpStatusCode.BadRequest } refused
                && refused.Body.Contains("BAD_REQUEST", StringComparison.Ordinal),
            ["nhs-assurance-unknown-slot-invalid-resource"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/no-such-slot" });
                return await BookAsync(s, booking) is { Status: HttpStatusCode.UnprocessableEntity } refused && refused.Body.Contains("INVALID_RESOURCE", StringComparison.Ordinal);
            },
            ["book-unknown-patient-not-found"] = async s =>
            {
                var booking = Booking(s, (await FreeSlotsAsync(s))[0]);
                booking["participant"]!.AsArray().Select(p => p!["actor"]!.AsObject()).First(a => a["reference"]!.GetValue<string>().StartsWith("Patient/"))["reference"] = "Patient/999";
                return (await BookAsync(s, booking)).Status == HttpStatusCode.NotFound;
            },
            ["slot-search-offers-busy"] = async s =>
                (await s.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots))
                .Entries().Any(r => r["resourceType"]!.GetValue<string>() == "Slot" && r["status"]?.GetValue<string>() != "free"),
            ["appointment-location-unresolvable"] = async s =>
                (await ReadAsync(s, ByOtherOrganisation)).Json["participant"]?.AsArray()
                    .Any(p => p!["actor"]?["reference"]?.GetValue<string>() is { } r && r.StartsWith("Location/") && r.EndsWith("0404")) == true,
            ["appointment-without-created"] = async s => (await ReadAsync(s, ByOtherOrganisation)) is { Status: HttpStatusCode.OK } read && !read.Json.ContainsKey("created"),
            ["tls-accepts-revoked-certificate"] = async s => await OverTls(s, Tls.Value.Revoked) is { StatusCode: HttpStatusCode.OK },
            ["tls-accepts-any-certificate-name"] = async s => await OverTls(s, Tls.Value.Misnamed) is { StatusCode: HttpStatusCode.OK },
            ["tls-accepts-unapproved-cipher"] = async s =>
                await Handshake(s, SslProtocols.Tls12, [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256]),
            ["tls-13-only"] = async s => !await Handshake(s, SslProtocols.Tls12, null),
        };

    private static readonly Lazy<TlsMaterial> Tls = new(() => new TlsMaterial());

    private sealed class TlsMaterial
    {
        public X509Certificate2 Authority { get; } = TestCertificates.CreateAuthority("Request-validation probe CA");
        public X509Certificate2 Server { get; }
        public X509Certificate2 Client { get; }
        public X509Certificate2 Revoked { get; }
        public X509Certificate2 Misnamed { get; }
        public byte[] RevocationList { get; }

        public TlsMaterial()
        {
            Server = TestCertificates.CreateServer(Authority);
            Client = TestCertificates.CreateClient(Authority);
            Revoked = TestCertificates.CreateClient(Authority);
            Misnamed = TestCertificates.CreateClient(Authority, subject: "CN=someone-else.test");
            var builder = new CertificateRevocationListBuilder();
            builder.AddEntry(Revoked, DateTimeOffset.UtcNow.AddMinutes(-5));
            RevocationList = builder.Build(Authority, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
        }
    }

    private static Task<ProviderSession> Https(ProviderSession s) => ProviderSession.StartAsync(o =>
    {
        o.Faults = s.Provider.ActiveFaults.ToArray();
        o.ServerCertificate = Tls.Value.Server;
        o.ClientCertificateAuthority = Tls.Value.Authority;
        o.ClientCertificateRevocationList = Tls.Value.RevocationList;
        o.ClientCertificateName = "ssp.test";
    }, now: DateTimeOffset.UtcNow);

    /// <summary>/metadata over HTTPS presenting <paramref name="certificate"/>; null when the connection was refused.</summary>
    private static async Task<HttpResponseMessage?> OverTls(ProviderSession s, X509Certificate2 certificate)
    {
        await using var https = await Https(s);
        return await TlsMetadata.GetAsync(https, certificate, _ => true);
    }

    /// <summary>True when a bare TLS handshake offering only <paramref name="protocols"/> (and <paramref name="suites"/>) completes.</summary>
    private static async Task<bool> Handshake(ProviderSession s, SslProtocols protocols, TlsCipherSuite[]? suites)
    {
        await using var https = await Https(s);
        var root = https.Provider.ServiceRoot;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(root.Host, root.Port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = protocols,
                CipherSuitesPolicy = suites is null ? null : new CipherSuitesPolicy(suites),
                ClientCertificates = [Tls.Value.Client],
            });
            return true;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return false;
        }
    }

    private static JsonObject With(JsonObject patient, Action<JsonObject> change)
    {
        change(patient);
        return patient;
    }

    private static bool Registered(FhirResponse response) => (int)response.Status is >= 200 and < 300;
}
