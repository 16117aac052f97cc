using GenPro.Sdk.Http;
using GenPro.Sdk.Testing;
using Xunit.Abstractions;

namespace GenPro.Sdk.Tests.Load;

/// <summary>One shared client under concurrent load against the fake API on a real loopback socket.</summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const string Key = "gen_pat_load_test";

    [Fact]
    public async Task Sixty_four_tasks_share_one_client_for_5000_requests_on_few_connections()
    {
        var fake = new FakeGenProApi();
        var user = fake.AddUser(Key);
        var agent = fake.AddAgent(user, "LoadBot");
        await using var server = await FakeGenProServer.StartAsync(fake);
        var connections = 0;
        var handler = GenProPipeline.CreatePrimaryHandler();
        handler.ConnectCallback = async (context, ct) =>
        {
            Interlocked.Increment(ref connections);
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        };
        using var client = new GenProClient(new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress }, handler);
        var failures = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 5000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            try
            {
                var got = await client.Agents.GetAsync(agent.Id, cancellationToken: ct);
                if (got.Name != "LoadBot")
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (GenProException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        handler.Dispose();
        output.WriteLine($"5000 requests, 64 concurrent: {connections} TCP connections");
        failures.Should().Be(0);
        // Reuse, not one connection per request: at most 64 are busy at once, but SocketsHttpHandler may open a connection
        // for a request that waits and then hand that request a connection freed meanwhile, keeping the new one idle; on
        // a loaded machine (CI runs test classes in parallel) that made 69 once. A client that did not reuse would open
        // thousands.
        connections.Should().BeInRange(1, 96, "a connection is reused once a request completes");
        fake.ReceivedRequests.Should().HaveCount(5000);
    }
}
