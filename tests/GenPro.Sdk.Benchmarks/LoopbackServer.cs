using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 answering from <see cref="Wire"/>: keep-alive, Content-Length and chunked
/// request bodies read and discarded through one buffer per connection, whole responses prepared once. In-process, it
/// adds next to nothing to an allocation measurement (the same for every client measured). <see cref="PageDelay"/>
/// delays the pages of the prefetch scenario's listing.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private static readonly ConcurrentDictionary<byte[], byte[]> Responses = new();

    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _connections = [];
    private int _smallListingPages;
    private long _bodyBytes;

    public LoopbackServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/v1/");
        _ = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>How long each page of agent 2's listing waits before it is answered.</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>Pages of agent 2's listing served so far.</summary>
    public int SmallListingPages => Volatile.Read(ref _smallListingPages);

    /// <summary>Request body bytes read (and discarded) so far.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public void ResetCounters()
    {
        Volatile.Write(ref _smallListingPages, 0);
        Interlocked.Exchange(ref _bodyBytes, 0);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                socket.NoDelay = true;
                _connections.Add(socket);
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                // The request head.
                int headLength;
                while ((headLength = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    (start, end) = Compact(buffer, start, end);
                    var n = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    end += n;
                }

                var head = Head.Parse(buffer.AsSpan(start, headLength));
                start += headLength + 4;

                // The body, discarded.
                long discarded = 0;
                if (head.Chunked)
                {
                    while (true)
                    {
                        int lineLength;
                        while ((lineLength = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8)) < 0)
                        {
                            (start, end) = Compact(buffer, start, end);
                            end += await Receive(socket, buffer, end);
                        }

                        var line = buffer.AsSpan(start, lineLength);
                        var semicolon = line.IndexOf((byte)';');
                        var size = long.Parse(Encoding.ASCII.GetString(semicolon < 0 ? line : line[..semicolon]), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                        start += lineLength + 2;
                        (start, end) = await Skip(socket, buffer, start, end, size + 2); // data and its CRLF
                        discarded += size;
                        if (size == 0)
                        {
                            break; // no trailers from HttpClient: the CRLF skipped above ended the body
                        }
                    }
                }
                else if (head.ContentLength > 0)
                {
                    (start, end) = await Skip(socket, buffer, start, end, head.ContentLength);
                    discarded = head.ContentLength;
                }

                Interlocked.Add(ref _bodyBytes, discarded);

                var (status, body) = Wire.Answer(head.Method, head.Path, head.Query);
                if (Wire.IsSmallListingPage(head.Method, head.Path))
                {
                    Interlocked.Increment(ref _smallListingPages);
                    if (PageDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(PageDelay, _stop.Token);
                    }
                }

                var response = status == 200 ? Responses.GetOrAdd(body, static b => Wire.HttpResponse(200, b))
                    : Wire.HttpResponse(status, body);
                await socket.SendAsync(response, SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away, or the server stopped.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static (int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        if (start == end)
        {
            return (0, 0);
        }

        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
        }

        if (end - start == buffer.Length)
        {
            throw new IOException("Request head too large.");
        }

        return (0, end - start);
    }

    private async ValueTask<int> Receive(Socket socket, byte[] buffer, int end)
    {
        var n = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, _stop.Token);
        return n == 0 ? throw new IOException("The body ended early.") : n;
    }

    private async ValueTask<(int Start, int End)> Skip(Socket socket, byte[] buffer, int start, int end, long count)
    {
        var buffered = Math.Min(count, end - start);
        start += (int)buffered;
        count -= buffered;
        while (count > 0)
        {
            var n = await Receive(socket, buffer, 0);
            var used = (int)Math.Min(count, n);
            count -= used;
            (start, end) = (used, n);
        }

        return (start, end);
    }

    private readonly record struct Head(string Method, string Path, string Query, long ContentLength, bool Chunked)
    {
        public static Head Parse(ReadOnlySpan<byte> head)
        {
            var lineEnd = head.IndexOf("\r\n"u8);
            var requestLine = lineEnd < 0 ? head : head[..lineEnd];
            var firstSpace = requestLine.IndexOf((byte)' ');
            var method = requestLine[..firstSpace] switch
            {
                var m when m.SequenceEqual("GET"u8) => "GET",
                var m when m.SequenceEqual("POST"u8) => "POST",
                var m => Encoding.ASCII.GetString(m),
            };
            var target = requestLine[(firstSpace + 1)..];
            target = target[..target.IndexOf((byte)' ')];
            var question = target.IndexOf((byte)'?');
            var path = Encoding.ASCII.GetString(question < 0 ? target : target[..question]);
            var query = question < 0 ? "" : Encoding.ASCII.GetString(target[question..]);

            long contentLength = 0;
            var chunked = false;
            var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
            while (!rest.IsEmpty)
            {
                var next = rest.IndexOf("\r\n"u8);
                var line = next < 0 ? rest : rest[..next];
                rest = next < 0 ? [] : rest[(next + 2)..];
                var colon = line.IndexOf((byte)':');
                if (colon < 0)
                {
                    continue;
                }

                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
                {
                    contentLength = long.Parse(Encoding.ASCII.GetString(value), CultureInfo.InvariantCulture);
                }
                else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8) && value.IndexOf("chunked"u8) >= 0)
                {
                    chunked = true;
                }
            }

            return new Head(method, path, query, contentLength, chunked);
        }
    }
}
