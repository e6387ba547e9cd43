using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Tests.Infrastructure;

/// <summary>A started provider plus a plain HttpClient that sends well-formed GP Connect requests, with hooks to spoil them.</summary>
public sealed class ProviderSession : IAsyncDisposable
{
    public const string ProviderAsid = "918999198993";

    private readonly HttpClient _http;

    private ProviderSession(RunningReferenceProvider provider, FixedClock clock, HttpClient http)
    {
        Provider = provider;
        Clock = clock;
        _http = http;
    }

    public RunningReferenceProvider Provider { get; }

    public FixedClock Clock { get; }

    public string Root => Provider.ServiceRoot.ToString();

    public static async Task<ProviderSession> StartAsync(Action<ReferenceProviderOptions>? configure = null, DateTimeOffset? now = null)
    {
        var clock = new FixedClock(now ?? FixedClock.SummerMonday);
        var options = new ReferenceProviderOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var provider = await ReferenceProviderHost.StartAsync(options, TestContext.Current.CancellationToken);
        return new ProviderSession(provider, clock, new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Builds a valid request for <paramref name="interactionId"/> at <c>root + relative</c>.</summary>
    public HttpRequestMessage Request(string relative, string interactionId, string scope = InteractionIds.OrganizationRead, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, Root + relative);
        request.Headers.TryAddWithoutValidation("Ssp-TraceID", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("Ssp-From", "200000000359");
        request.Headers.TryAddWithoutValidation("Ssp-To", ProviderAsid);
        request.Headers.TryAddWithoutValidation("Ssp-InteractionID", interactionId);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestJwt.Encode(TestJwt.Header(), Payload(scope)));
        return request;
    }

    /// <summary>A valid JWT payload for this provider at its clock's time.</summary>
    public JsonObject Payload(string scope = InteractionIds.OrganizationRead) => TestJwt.Payload(Root, Clock.Now, scope);

    public static void SetBearer(HttpRequestMessage request, string token)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
    }

    public static void SetHeader(HttpRequestMessage request, string name, string? value)
    {
        request.Headers.Remove(name);
        if (value is not null) request.Headers.TryAddWithoutValidation(name, value);
    }

    public async Task<FhirResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return await FhirResponse.ReadAsync(response);
    }

    public Task<FhirResponse> GetAsync(string relative, string interactionId, string scope = InteractionIds.OrganizationRead) =>
        SendAsync(Request(relative, interactionId, scope));

    public Task<FhirResponse> MetadataAsync() => GetAsync("/metadata", InteractionIds.Metadata);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Provider.DisposeAsync();
    }
}
