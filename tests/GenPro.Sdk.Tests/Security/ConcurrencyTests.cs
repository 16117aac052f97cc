using System.Collections.Concurrent;
using System.Net.Sockets;
using GenPro.Sdk.Http;
using GenPro.Sdk.Testing;
using GenPro.Sdk.Tests.Infrastructure;
using Xunit.Abstractions;
using static GenPro.Sdk.Tests.Security.SecretLeakTests;
using static GenPro.Sdk.Tests.Security.TimeoutTests;

namespace GenPro.Sdk.Tests.Security;

/// <summary>
/// Issue 11's "also run" list, under concurrency: 64 tasks against a server that resets, delays, drips and answers
/// 503 at random; disposal while calls are in flight; cancellation at random points; one listing enumerated by two
/// tasks at once. No deadlock, no exception of another type, no unobserved task exception, every socket released.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixty_four_tasks_against_a_chaotic_server_all_end_with_a_result_or_a_typed_exception()
    {
        var unobserved = new ConcurrentBag<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs args)
        {
            if (args.Exception.ToString().Contains("GenPro", StringComparison.Ordinal))
            {
                unobserved.Add(args.Exception);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            using var server = LoopbackServer.Scripted((_, stream) => Chaos(stream));
            using var sockets = new SocketCounter();
            var options = ApiServer.FastOptions(server.BaseAddress);
            options.Timeout = TimeSpan.FromSeconds(2);
            options.Retry.CircuitBreakerEnabled = false; // else it opens within the first hundred failures and hides the rest
            var outcomes = new ConcurrentDictionary<string, int>();
            using (var handler = sockets.Handler())
            using (var client = new GenProClient(options, handler))
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, 640), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
                {
                    var kind = "result";
                    try
                    {
                        await client.Agents.ListAsync(cancellationToken: ct);
                    }
                    catch (GenProException e)
                    {
                        kind = e.GetType().Name + ": " + System.Text.RegularExpressions.Regex.Replace(e.Message, @"\d+", "N");
                    }

                    outcomes.AddOrUpdate(kind, 1, (_, n) => n + 1);
                }).WaitAsync(HardBound);

                // Every answer closed its connection or was abandoned mid-body: none may stay open behind the calls.
                await sockets.AllClosedAsync(TimeSpan.FromSeconds(30));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")) + $"; {sockets.Opened} sockets opened");
            outcomes.Values.Sum().Should().Be(640);
            outcomes.Keys.Select(k => k.Split(':')[0]).Should().BeSubsetOf(["result", nameof(GenProConnectionException), nameof(GenProServerException)]);
            unobserved.Should().BeEmpty();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public async Task Disposing_the_client_ends_calls_that_are_reading_a_body()
    {
        var reading = 0;
        var allReading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            if (Interlocked.Increment(ref reading) == 8)
            {
                allReading.TrySetResult();
            }

            await Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", "[");
        });
        var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));
        var calls = Enumerable.Range(0, 8).Select(_ => client.Agents.ListAsync()).ToList();
        await allReading.Task.WaitAsync(HardBound);

        client.Dispose();

        foreach (var call in calls)
        {
            var (e, _) = await Timed(() => call);
            e.Should().BeOfType<GenProConnectionException>().Which.Message.Should().Contain("disposed");
        }

        await FluentActions.Awaiting(() => client.Agents.ListAsync()).Should().ThrowExactlyAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Cancelling_at_random_points_ends_each_call_with_the_callers_own_cancellation_or_an_outcome()
    {
        using var server = LoopbackServer.Scripted(async (_, stream) =>
        {
            await Task.Delay(Random.Shared.Next(0, 30));
            await Write(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            foreach (var piece in new[] { "[{\"id\": 1,", " \"name\": \"a\"}", "]" })
            {
                await Task.Delay(Random.Shared.Next(0, 20));
                await WriteChunk(stream, System.Text.Encoding.ASCII.GetBytes(piece));
            }

            await Write(stream, "0\r\n\r\n");
        });
        using var client = new GenProClient(ApiServer.FastOptions(server.BaseAddress));
        var outcomes = new ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 150)));
            try
            {
                (await client.Agents.ListAsync(cancellationToken: cts.Token)).Should().ContainSingle();
                outcomes.AddOrUpdate("result", 1, (_, n) => n + 1);
            }
            catch (OperationCanceledException e)
            {
                e.CancellationToken.Should().Be(cts.Token, "a cancellation is the caller's own, carrying the caller's token");
                outcomes.AddOrUpdate("cancelled", 1, (_, n) => n + 1);
            }
        }).WaitAsync(HardBound);

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        outcomes.Values.Sum().Should().Be(200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task One_listing_enumerated_by_two_tasks_at_once_gives_each_every_avatar_once(bool prefetch)
    {
        const string key = "gen_pat_two_readers";
        var fake = new FakeGenProApi();
        var agent = fake.AddAgent(fake.AddUser(key), "Bot");
        for (var i = 0; i < 45; i++)
        {
            fake.AddAvatar(agent.Id, makePrimary: i == 30);
        }

        await using var server = await FakeGenProServer.StartAsync(fake);
        using var client = new GenProClient(new GenProClientOptions { ApiKey = key, BaseAddress = server.BaseAddress });
        var listing = client.Avatars.ListAsync(agent.Id, new AvatarListOptions { Prefetch = prefetch });

        async Task<List<long>> ReadAll()
        {
            var ids = new List<long>();
            await foreach (var avatar in listing)
            {
                ids.Add(avatar.Id);
                await Task.Yield();
            }

            return ids;
        }

        var both = await Task.WhenAll(ReadAll(), ReadAll()).WaitAsync(HardBound);

        both[0].Should().HaveCount(45).And.OnlyHaveUniqueItems().And.BeEquivalentTo(fake.Avatars.Select(a => a.Id));
        both[1].Should().Equal(both[0]);
    }

    /// <summary>One of five behaviours at random: answer, answer late, 503, reset before answering, drip past the timeout.</summary>
    private static async Task Chaos(NetworkStream stream)
    {
        switch (Random.Shared.Next(5))
        {
            case 0:
                await Write(stream, Response(200, "[]"));
                break;
            case 1:
                await Task.Delay(Random.Shared.Next(0, 300));
                await Write(stream, Response(200, "[]"));
                break;
            case 2:
                await Write(stream, Response(503, """{"error": "busy"}"""));
                break;
            case 3:
                stream.Socket.LingerState = new LingerOption(true, 0);
                stream.Socket.Close();
                break;
            default:
                await Drip(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", "[");
                break;
        }
    }

    /// <summary>Counts the client's sockets through the SDK's own primary handler, and signals when every one is closed.</summary>
    private sealed class SocketCounter : IDisposable
    {
        private readonly SemaphoreSlim _oneClosed = new(0);
        private int _open;
        private int _opened;

        public int Opened => Volatile.Read(ref _opened);

        /// <summary>Waits, woken by each close, until no socket is open; fails after <paramref name="bound"/>.</summary>
        public async Task AllClosedAsync(TimeSpan bound)
        {
            while (Volatile.Read(ref _open) > 0)
            {
                (await _oneClosed.WaitAsync(bound)).Should().BeTrue($"{Volatile.Read(ref _open)} sockets were still open");
            }
        }

        public SocketsHttpHandler Handler()
        {
            var handler = GenProPipeline.CreatePrimaryHandler();
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                Interlocked.Increment(ref _open);
                Interlocked.Increment(ref _opened);
                return new CountedStream(socket, this);
            };
            return handler;
        }

        public void Dispose() => _oneClosed.Dispose();

        private void Closed()
        {
            Interlocked.Decrement(ref _open);
            _oneClosed.Release();
        }

        private sealed class CountedStream(Socket socket, SocketCounter counter) : NetworkStream(socket, ownsSocket: true)
        {
            private int _closed;

            protected override void Dispose(bool disposing)
            {
                if (Interlocked.Exchange(ref _closed, 1) == 0)
                {
                    counter.Closed();
                }

                base.Dispose(disposing);
            }
        }
    }
}
