using GenPro.Sdk.Testing.Server;
using Microsoft.AspNetCore.Builder;

namespace GenPro.Sdk.Testing;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) in front of a <see cref="FakeGenProApi"/>, for tests that
/// need the whole socket path: the SDK's own primary handler, timeouts, dropped connections. Dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var server = await FakeGenProServer.StartAsync(fake, cancellationToken);
/// var options = new GenProClientOptions { ApiKey = "gen_pat_alice", BaseAddress = server.BaseAddress };
/// </code>
/// </example>
public sealed class FakeGenProServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGenProServer(FakeGenProApi api, WebApplication app, Uri root)
    {
        Api = api;
        _app = app;
        BaseAddress = new Uri(root, "/v1/");
    }

    /// <summary>The API's address on this server, such as <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The fake this server serves.</summary>
    public FakeGenProApi Api { get; }

    /// <summary>Starts a server for <paramref name="api"/> and returns once it accepts connections.</summary>
    /// <param name="api">The fake to serve; it may serve handlers and other servers at the same time.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> is null.</exception>
    public static async Task<FakeGenProServer> StartAsync(FakeGenProApi api, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var (app, root) = await KestrelHost.StartAsync(api.Core, cancellationToken).ConfigureAwait(false);
        return new FakeGenProServer(api, app, root);
    }

    /// <summary>Stops the server, closing its connections.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Describes the server.</summary>
    /// <returns>Its address.</returns>
    public override string ToString() => $"FakeGenProServer {{ BaseAddress = {BaseAddress} }}";
}
