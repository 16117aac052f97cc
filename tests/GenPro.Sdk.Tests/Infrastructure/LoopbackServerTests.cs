using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>The promise the runaway tests lean on: disposing a <see cref="LoopbackServer"/> ends every connection it holds.</summary>
public sealed class LoopbackServerTests
{
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Disposing_the_server_ends_a_behaviour_writing_an_endless_body_to_a_peer_that_never_reads()
    {
        var ended = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = LoopbackServer.Scripted(async stream =>
        {
            try
            {
                while (true)
                {
                    await stream.WriteAsync(new byte[64 * 1024]);
                }
            }
            catch (Exception e)
            {
                ended.TrySetResult(e);
                throw;
            }
        });
        using var peer = await ConnectAndSendAsync(server);
        await server.FirstRequest.WaitAsync(HardBound);

        server.Dispose();

        (await ended.Task.WaitAsync(HardBound)).Should().Match<Exception>(e => e is IOException || e is ObjectDisposedException);
    }

    [Fact]
    public async Task Disposing_a_silent_server_closes_its_connections_and_cancels_the_wait_for_a_first_request()
    {
        var silent = LoopbackServer.Silent();
        var neverCalled = LoopbackServer.Silent();
        using var peer = await ConnectAndSendAsync(silent);
        await silent.FirstRequest.WaitAsync(HardBound);

        silent.Dispose();
        neverCalled.Dispose();

        (await peer.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(HardBound)).Should().Be(0, "the server closed the connection");
        silent.Requests.Should().ContainSingle().Which.Head.Should().Be("GET /v1/agents HTTP/1.1\r\nHost: test\r\n\r\n");
        await FluentActions.Awaiting(() => neverCalled.FirstRequest.WaitAsync(HardBound)).Should().ThrowAsync<OperationCanceledException>();
    }

    private static async Task<TcpClient> ConnectAndSendAsync(LoopbackServer server)
    {
        var peer = new TcpClient();
        await peer.ConnectAsync(IPAddress.Loopback, server.BaseAddress.Port);
        await peer.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /v1/agents HTTP/1.1\r\nHost: test\r\n\r\n"));
        return peer;
    }
}
