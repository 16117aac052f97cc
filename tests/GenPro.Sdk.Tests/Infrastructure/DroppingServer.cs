using System.Net;
using System.Net.Sockets;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server that reads each request and closes the connection without answering: the request was
/// delivered, so the server may have acted on it. Counts the requests that arrived.
/// </summary>
public sealed class DroppingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _requests;

    public DroppingServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                var buffer = new byte[8192];
                var received = new List<byte>();
                var stream = client.GetStream();
                int read;

                // Read the whole head, so the request is provably delivered before the connection drops.
                while (!EndsHead(received) && (read = await stream.ReadAsync(buffer)) > 0)
                {
                    received.AddRange(buffer.AsSpan(0, read).ToArray());
                }

                if (received.Count > 0)
                {
                    Interlocked.Increment(ref _requests);
                }

                client.Client.LingerState = new LingerOption(true, 0); // reset, not a graceful close
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }

    private static bool EndsHead(List<byte> bytes)
    {
        for (var i = 3; i < bytes.Count; i++)
        {
            if (bytes[i - 3] == '\r' && bytes[i - 2] == '\n' && bytes[i - 1] == '\r' && bytes[i] == '\n')
            {
                return true;
            }
        }

        return false;
    }
}
