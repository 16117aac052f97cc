using System.Net;
using System.Net.Sockets;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server that accepts connections and never answers: the honest way to make a request hang
/// without a mock server that would wait for its own delayed response on shutdown.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    /// <summary>Completes once a request's first bytes have arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public void Dispose()
    {
        _listener.Stop();
        lock (_accepted)
        {
            _accepted.ForEach(c => c.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_accepted)
                {
                    _accepted.Add(client);
                }

                var buffer = new byte[1024];
                if (await client.GetStream().ReadAsync(buffer) > 0)
                {
                    _firstRequest.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }
}
