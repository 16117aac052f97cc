using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// One connection a <see cref="LoopbackServer"/> accepted, as its behaviour sees it: the stream, and reads of request
/// heads and bodies through one pooled 64 KiB buffer. Reads are inline (one async call per body, not one per buffer),
/// so that an in-process server adds next to nothing to an allocation measurement.
/// </summary>
public sealed class LoopbackConnection : IDisposable
{
    private readonly TcpClient _client;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;

    internal LoopbackConnection(LoopbackServer server, TcpClient client, CancellationToken closing)
    {
        Server = server;
        _client = client;
        Stream = client.GetStream();
        Closing = closing;
    }

    public LoopbackServer Server { get; }

    /// <summary>The socket's stream, for behaviours that write exact bytes; reads belong to this class.</summary>
    public NetworkStream Stream { get; }

    /// <summary>Cancelled when the server stops: disposed by its test, or at the end of <see cref="LoopbackServer.Lifetime"/>.</summary>
    public CancellationToken Closing { get; }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(LoopbackConnection));

    /// <summary>Reads the next request head and records it; null when the client closed the connection first.</summary>
    public async Task<RawRequest?> ReadHeadAsync() => await ReadHeadTextAsync() is { } head ? Server.Record(RawRequest.Parse(head)) : null;

    /// <summary>
    /// Reads the next request, head and body (Content-Length or chunked), and records it with its exact body bytes, or
    /// only their count when <paramref name="keepBody"/> is false; null when the client closed the connection first.
    /// </summary>
    public async Task<RawRequest?> ReadRequestAsync(bool keepBody)
    {
        if (await ReadHeadTextAsync() is not { } head)
        {
            return null;
        }

        var request = RawRequest.Parse(head);
        var body = keepBody ? new MemoryStream() : null;
        long length = 0;
        if (request.ContentLength is { } announced)
        {
            length = await CopyAsync(announced, body);
        }
        else if (request.IsChunked)
        {
            long size;
            while ((size = Convert.ToInt64((await ReadLineAsync()).Split(';')[0], 16)) > 0)
            {
                length += await CopyAsync(size, body);
                await ReadLineAsync();
            }

            while ((await ReadLineAsync()).Length > 0)
            {
                // trailers
            }
        }

        return Server.Record(request with { Body = body?.ToArray(), BodyLength = length });
    }

    /// <summary>
    /// Reads and drops a Content-Length body, so that closing the connection afterwards is a clean close, not a reset
    /// caused by unread bytes. A chunked body is left alone: the behaviours that call this answer before reading one.
    /// </summary>
    public async Task DiscardFixedLengthBodyAsync(RawRequest request)
    {
        if (request.ContentLength is { } length)
        {
            await CopyAsync(length, sink: null);
        }
    }

    /// <summary>Writes the server's canned answer: <paramref name="status"/> and a JSON body, or an empty one when null.</summary>
    public Task AnswerAsync(int status, string? json)
    {
        var body = json ?? "";
        var type = json is null ? "" : "Content-Type: application/json\r\n";
        return WriteAsync($"HTTP/1.1 {status} X\r\n{type}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
    }

    public Task WriteAsync(string text) => Stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    /// <summary>Closes the connection with a reset (RST), not a graceful close.</summary>
    public void Reset()
    {
        _client.Client.LingerState = new LingerOption(true, 0);
        _client.Dispose();
    }

    /// <summary>Closes the socket, which ends any read or write the behaviour has pending.</summary>
    public void Close() => _client.Dispose();

    /// <summary>Closes the socket and returns the buffer; called once the behaviour has ended.</summary>
    public void Dispose()
    {
        Close();
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes up to and with the blank line that ends a head, as Latin-1 text; null on a clean end of stream.</summary>
    private async Task<string?> ReadHeadTextAsync()
    {
        var head = new StringBuilder();
        var window = 0u;
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                return head.Length == 0 ? null : throw new IOException("The connection closed inside a request head.");
            }

            var b = Buffer[_start++];
            head.Append((char)b);
            window = (window << 8) | b;
            if (window == 0x0D0A0D0A)
            {
                return head.ToString();
            }
        }
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new IOException("The connection closed inside a chunked body.");
            }

            var b = Buffer[_start++];
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }

    private async Task<long> CopyAsync(long count, Stream? sink)
    {
        var left = count;
        while (left > 0)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new IOException(string.Create(CultureInfo.InvariantCulture, $"The body ended {left} bytes early."));
            }

            var n = (int)Math.Min(left, _end - _start);
            sink?.Write(Buffer, _start, n);
            _start += n;
            left -= n;
        }

        return count;
    }

    private async Task<bool> FillAsync()
    {
        _start = 0;
        _end = await Stream.ReadAsync(Buffer);
        return _end > 0;
    }
}
