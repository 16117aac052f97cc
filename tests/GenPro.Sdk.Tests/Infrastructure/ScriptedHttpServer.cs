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
    private readonly Func<string, NetworkStream, Task> _respond;
    private readonly List<string> _heads = [];
    private int _requests;

    public ScriptedHttpServer(Func<NetworkStream, Task> respond)
        : this((_, stream) => respond(stream))
    {
    }

    /// <summary>A server whose answer may depend on the request head (request line and headers, as received).</summary>
    public ScriptedHttpServer(Func<string, NetworkStream, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The heads of the requests received so far, in order.</summary>
    public IReadOnlyList<string> Heads
    {
        get
        {
            lock (_heads)
            {
                return [.. _heads];
            }
        }
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
                var head = await ReadHeadAsync(stream);
                lock (_heads)
                {
                    _heads.Add(head);
                }

                Interlocked.Increment(ref _requests);
                await DrainBodyAsync(stream, head);
                await _respond(head, stream);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away, as it may.
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head, and returns it.</summary>
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var window = 0u;
        var one = new byte[1];
        var head = new StringBuilder();
        while (await stream.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
            window = (window << 8) | one[0];
            if (window == 0x0D0A0D0A)
            {
                break;
            }
        }

        return head.ToString();
    }

    /// <summary>
    /// Reads (and drops) a Content-Length body, so that closing the connection afterwards is a clean close, not a
    /// reset caused by unread bytes. Chunked request bodies are left alone: these tests answer before reading them.
    /// </summary>
    private static async Task DrainBodyAsync(NetworkStream stream, string head)
    {
        var line = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var left = line is null ? 0 : long.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[8192];
        while (left > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)));
            if (read == 0)
            {
                return;
            }

            left -= read;
        }
    }
}
