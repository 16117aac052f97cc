using System.Net;
using System.Net.Sockets;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>
/// A TCP server on loopback that hands every connection it accepts to one behaviour (the factories in
/// <c>LoopbackServer.Behaviours.cs</c>: <see cref="Recording"/>, <see cref="Scripted(Func{string, NetworkStream, Task})"/>,
/// <see cref="Silent"/>, <see cref="Dropping"/>, <see cref="SlowReading"/>). Real sockets, nothing mocked. It owns what
/// every behaviour shares: the listener and accept loop, the requests received, the open connections, and their end:
/// disposing the server, or at the latest <see cref="Lifetime"/> after it started, closes every connection, so a
/// runaway behaviour (an endless body, a silent peer) cannot outlive its test.
/// </summary>
public sealed partial class LoopbackServer : IDisposable
{
    /// <summary>The hard bound on a server's life: longer than any test's own bound, so it never decides an outcome.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackConnection, Task> _serve;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stopped;
    private readonly List<LoopbackConnection> _open = [];
    private readonly List<RawRequest> _requests = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _disposed;
    private int _accepted;

    /// <summary>A server that runs <paramref name="serve"/> for each connection, then closes it.</summary>
    public LoopbackServer(Func<LoopbackConnection, Task> serve)
    {
        _serve = serve;
        _stopped = _stopping.Token;
        _listener.Start();
        _stopped.Register(Stop);
        _stopping.CancelAfter(Lifetime);
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    /// <summary>The requests received so far, in order of arrival (a head as soon as it is read, or with its body).</summary>
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

    /// <summary>How many connections the server has accepted so far.</summary>
    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    /// <summary>Completes once a request head has arrived; fails if none arrives within <see cref="Lifetime"/>.</summary>
    public Task FirstRequest => _firstRequest.Task;

    /// <summary>The canned answer's status (behaviours that answer with one).</summary>
    public int Status { get; set; } = 200;

    /// <summary>The canned answer's status for the n-th request (from 0), when set; <see cref="Status"/> otherwise.</summary>
    public Func<int, int>? StatusOf { get; set; }

    /// <summary>The canned answer's JSON body; an empty body when null.</summary>
    public string? ResponseJson { get; set; }

    public GenProClient CreateClient() => new(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = BaseAddress });

    public void Dispose()
    {
        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    internal RawRequest Record(RawRequest request)
    {
        lock (_requests)
        {
            request = request with { Index = _requests.Count };
            _requests.Add(request);
        }

        _firstRequest.TrySetResult();
        return request;
    }

    private int StatusFor(RawRequest request) => StatusOf?.Invoke(request.Index) ?? Status;

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopped);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = ServeAsync(new LoopbackConnection(this, client, _stopped));
        }
    }

    private async Task ServeAsync(LoopbackConnection connection)
    {
        lock (_open)
        {
            _open.Add(connection);
        }

        try
        {
            if (_stopped.IsCancellationRequested)
            {
                return; // accepted as the server stopped: Stop did not see it
            }

            await _serve(connection);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server stopped: both are how a connection may end.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(connection);
            }

            connection.Dispose();
        }
    }

    /// <summary>Stops accepting and closes every open connection, which ends whatever its behaviour was doing.</summary>
    private void Stop()
    {
        _listener.Stop();
        LoopbackConnection[] open;
        lock (_open)
        {
            open = [.. _open];
        }

        foreach (var connection in open)
        {
            connection.Close();
        }

        if (_disposed)
        {
            _firstRequest.TrySetCanceled(_stopped);
        }
        else
        {
            _firstRequest.TrySetException(new TimeoutException($"No request arrived within the loopback server's {Lifetime.TotalMinutes} min lifetime."));
        }
    }
}
