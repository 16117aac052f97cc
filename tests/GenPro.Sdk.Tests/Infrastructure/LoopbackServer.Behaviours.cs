using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>The behaviours tests use, each a way a peer treats a connection.</summary>
public sealed partial class LoopbackServer
{
    /// <summary>
    /// Keeps every request on a connection (keep-alive) with the exact bytes of its body, Content-Length or chunked, or
    /// only their count when <paramref name="keepBodies"/> is false; answers each with the canned answer
    /// (<see cref="Status"/>, <see cref="StatusOf"/>, <see cref="ResponseJson"/>, which a test may change as it goes).
    /// </summary>
    public static LoopbackServer Recording(int status = 200, string? json = null, bool keepBodies = true) =>
        new(async connection =>
        {
            while (await connection.ReadRequestAsync(keepBodies) is { } request)
            {
                await connection.AnswerAsync(connection.Server.StatusFor(request), connection.Server.ResponseJson);
            }
        })
        {
            Status = status,
            ResponseJson = json,
        };

    /// <summary>
    /// Answers each request with bytes the test writes itself (statuses HttpClient's peers would never send, bodies that
    /// break off, 50 MB from one small buffer); the answer may depend on the request head, as received. One request
    /// per connection: the server closes it when <paramref name="respond"/> returns.
    /// </summary>
    public static LoopbackServer Scripted(Func<string, NetworkStream, Task> respond) => new(async connection =>
    {
        if (await connection.ReadHeadAsync() is { } request)
        {
            await connection.DiscardFixedLengthBodyAsync(request);
            await respond(request.Head, connection.Stream);
        }
    });

    /// <inheritdoc cref="Scripted(Func{string, NetworkStream, Task})"/>
    public static LoopbackServer Scripted(Func<NetworkStream, Task> respond) => Scripted((_, stream) => respond(stream));

    /// <summary>Answers with a fixed head and body, then closes the connection.</summary>
    public static LoopbackServer Fixed(string head, byte[] body) => Scripted(async stream =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\nConnection: close\r\n\r\n"));
        await stream.WriteAsync(body);
    });

    /// <summary>
    /// Reads each request head and never answers, holding the connection open until the server stops: the honest way to
    /// make a request hang, without a mock server that would wait for its own delayed response on shutdown.
    /// </summary>
    public static LoopbackServer Silent() => new(async connection =>
    {
        await connection.ReadHeadAsync();
        await Task.Delay(Timeout.Infinite, connection.Closing);
    });

    /// <summary>
    /// Reads each request head, so the request is provably delivered, then resets the connection without answering:
    /// the server may have acted on it.
    /// </summary>
    public static LoopbackServer Dropping() => new(async connection =>
    {
        await connection.ReadHeadAsync();
        connection.Reset();
    });

    /// <summary>
    /// Reads each request head, then leaves the body unread for <paramref name="stall"/> (a slow uplink: the client's
    /// upload cannot finish sooner), then reads it and answers <c>200</c> with an empty body.
    /// </summary>
    public static LoopbackServer SlowReading(TimeSpan stall) => new(async connection =>
    {
        if (await connection.ReadHeadAsync() is { } request)
        {
            // The stall is the behaviour under test (a slow peer), not a wait for something to happen.
            await Task.Delay(stall, connection.Closing);
            await connection.DiscardFixedLengthBodyAsync(request);
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
}
