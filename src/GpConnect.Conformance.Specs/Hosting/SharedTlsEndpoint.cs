namespace GpConnect.Conformance.Specs.Hosting;

/// <summary>
/// The run's one TLS mutual-authentication endpoint (see <see cref="TlsEndpoint"/>), opened by the first TLS scenario and
/// kept until the run ends, as a remote provider's endpoint is. The embedded HTTPS instance has the run's settings and
/// faults, and the TLS scenarios only connect to it and read the capability statement, so one instance serves them all;
/// starting one per scenario cost a provider start-up each.
/// </summary>
public sealed class SharedTlsEndpoint(Client.Configuration.ConformanceSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (TlsEndpoint? Endpoint, string? Reason)? _opened;
    private bool _disposed;

    /// <summary>The endpoint, or null with the reason the target cannot be tested for mutual TLS (see <see cref="TlsEndpoint.StartAsync"/>).</summary>
    /// <remarks>A start that fails or is cancelled is not kept: the next scenario tries again.</remarks>
    public async Task<(TlsEndpoint? Endpoint, string? Reason)> OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _opened ??= await TlsEndpoint.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (_opened?.Endpoint is { } endpoint) await endpoint.DisposeAsync().ConfigureAwait(false);
            _opened = null;
        }
        finally
        {
            _gate.Release();
        }
    }
}
