using Microsoft.AspNetCore.Builder;

namespace GpConnect.ReferenceProvider;

/// <summary>A started reference provider. Dispose it to stop listening.</summary>
public sealed class RunningReferenceProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningReferenceProvider(WebApplication app, Uri serviceRoot, IReadOnlyList<string> activeFaults)
    {
        _app = app;
        ServiceRoot = serviceRoot;
        ActiveFaults = activeFaults;
    }

    /// <summary>The FHIR service root without a trailing slash, e.g. <c>http://127.0.0.1:54321/A20047/STU3/1/gpconnect</c>. Also the JWT <c>aud</c>.</summary>
    public Uri ServiceRoot { get; }

    /// <summary>The fault switches this instance runs with.</summary>
    public IReadOnlyList<string> ActiveFaults { get; }

    /// <summary>Stops the server and releases its port, giving requests in flight at most 3 seconds to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
        {
            try { await _app.StopAsync(grace.Token); }
            catch (OperationCanceledException) { }
        }
        await _app.DisposeAsync();
    }
}
