using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// A loopback server that answers every request with bytes a test writes itself: statuses HttpClient's peers would
/// never send, bodies that break off, 50 MB streamed from one small buffer. Real sockets, nothing mocked.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<NetworkStream, Task> _respond;
    private int _requests;

    public ScriptedHttpServer(Func<NetworkStream, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Answers with a fixed head and body, then closes the connection.</summary>
    public static ScriptedHttpServer Fixed(string head, byte[] body) => new(async stream =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);
    });

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                await _respond(stream);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away, as it may.
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head (these tests send no bodies worth keeping).</summary>
    private static async Task ReadHeadAsync(NetworkStream stream)
    {
        var window = 0u;
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            window = (window << 8) | one[0];
            if (window == 0x0D0A0D0A)
            {
                return;
            }
        }
    }
}
