using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GpConnect.Conformance.Client.Tests.Support;

/// <summary>A provider that reads one request per connection and answers with whatever the test writes, then closes.</summary>
internal sealed class RawProvider : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<NetworkStream, Task> _answer;

    private RawProvider(Func<NetworkStream, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _ = AcceptAsync();
    }

    public static RawProvider Start(Func<NetworkStream, Task> answer) => new(answer);

    public Uri ServiceRoot => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/A20047/STU3/1/gpconnect");

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var seen = new StringBuilder();
            var buffer = new byte[8192];
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0) return;
                seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            await _answer(stream);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
