using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>A request as <see cref="RawHttpServer"/> read it off the socket.</summary>
public sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[]? Body, long BodyLength)
{
    public string ContentType => Headers["content-type"];
}

/// <summary>
/// A minimal HTTP/1.1 server on loopback that keeps the exact bytes of each request body (Content-Length or chunked),
/// or only counts them when <see cref="KeepBodies"/> is false, through one reused buffer: in-process, it adds next to
/// nothing to an allocation measurement. Answers every request with <see cref="Status"/> and an empty body.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<RawRequest> _requests = [];
    private readonly List<TcpClient> _clients = [];

    public RawHttpServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public bool KeepBodies { get; set; } = true;

    public int Status { get; set; } = 200;

    /// <summary>The status for the n-th request (from 0), when set; <see cref="Status"/> otherwise.</summary>
    public Func<int, int>? StatusOf { get; set; }

    /// <summary>A JSON body for every response; none when null.</summary>
    public string? ResponseJson { get; set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    public IReadOnlyList<RawRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public GenProClient CreateClient() => new(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = BaseAddress });

    public void Dispose()
    {
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_clients)
                {
                    _clients.Add(client);
                }

                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new Reader(stream);
            while (await reader.ReadLineAsync() is { Length: > 0 } requestLine)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string line;
                while ((line = (await reader.ReadLineAsync())!).Length > 0)
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
                }

                var body = KeepBodies ? new MemoryStream() : null;
                long length = 0;
                if (headers.TryGetValue("content-length", out var cl))
                {
                    length = await reader.CopyAsync(long.Parse(cl, System.Globalization.CultureInfo.InvariantCulture), body);
                }
                else if (headers.TryGetValue("transfer-encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                {
                    long size;
                    while ((size = Convert.ToInt64((await reader.ReadLineAsync())!.Split(';')[0], 16)) > 0)
                    {
                        length += await reader.CopyAsync(size, body);
                        await reader.ReadLineAsync();
                    }

                    while ((await reader.ReadLineAsync())!.Length > 0)
                    {
                        // trailers
                    }
                }

                var parts = requestLine.Split(' ');
                int index;
                lock (_requests)
                {
                    index = _requests.Count;
                    _requests.Add(new RawRequest(parts[0], parts[1], headers, body?.ToArray(), length));
                }

                var status = StatusOf?.Invoke(index) ?? Status;

                var json = Encoding.UTF8.GetBytes(ResponseJson ?? "");
                var head = ResponseJson is null ? "" : "Content-Type: application/json\r\n";
                var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{head}Content-Length: {json.Length}\r\n\r\n").Concat(json).ToArray();
                await stream.WriteAsync(response);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // Client went away.
        }
    }

    /// <summary>Buffered reads of lines and counted bodies over one 64 KiB buffer.</summary>
    private sealed class Reader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)b);
            }
        }

        public async Task<long> CopyAsync(long count, Stream? sink)
        {
            // Reads inline rather than through FillAsync: one async call per body, not one per buffer, keeps the
            // server's own allocations out of an allocation measurement.
            var left = count;
            while (left > 0)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer);
                    if (_end == 0)
                    {
                        throw new IOException("Body ended early.");
                    }
                }

                var n = (int)Math.Min(left, _end - _start);
                sink?.Write(_buffer, _start, n);
                _start += n;
                left -= n;
            }

            return count;
        }

        private async Task<bool> FillAsync()
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer);
            return _end > 0;
        }
    }
}
