using System.Globalization;
using System.Net;
using System.Text;
using GenPro.Sdk.Tests.Infrastructure;

namespace GenPro.Sdk.Tests.Avatars;

/// <summary>Prefetch asks for page N+1 while page N is consumed, and leaves nothing running when the caller stops.</summary>
public sealed class AvatarPrefetchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly PagingHandler _handler = new();
    private readonly GenProClient _client;

    public AvatarPrefetchTests() =>
        _client = new GenProClient(new GenProClientOptions { ApiKey = ApiServer.ApiKey, BaseAddress = new Uri("http://127.0.0.1:9/v1/") }, _handler);

    public void Dispose()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    [Fact]
    public async Task With_prefetch_the_next_page_is_requested_before_the_caller_asks_for_it()
    {
        var ids = new List<long>();
        await foreach (var page in _client.Avatars.ListAsync(42, new AvatarListOptions { Prefetch = true }).AsPages())
        {
            if (ids.Count == 0)
            {
                await _handler.Started(2).WaitAsync(Patience); // hangs (and fails) unless page 2 was prefetched
            }

            ids.AddRange(page.Values.Select(a => a.Id));
        }

        ids.Should().Equal(Enumerable.Range(1, 45).Select(i => (long)i));
        _handler.Cursors.Should().Equal(null, "20", "40");
    }

    [Fact]
    public async Task Without_prefetch_no_request_is_made_before_it_is_needed()
    {
        await foreach (var _ in _client.Avatars.ListAsync(42).AsPages())
        {
            _handler.Cursors.Should().HaveCount(1);
            break;
        }

        _handler.Cursors.Should().Equal([null]);
    }

    [Fact]
    public async Task Stopping_early_cancels_and_awaits_the_prefetched_request()
    {
        _handler.HoldPage2 = true;

        await foreach (var _ in _client.Avatars.ListAsync(42, new AvatarListOptions { Prefetch = true }).AsPages())
        {
            await _handler.Started(2).WaitAsync(Patience);
            break;
        }

        _handler.CancelledRequests.Should().Be(1);
        _handler.InFlight.Should().Be(0);
    }

    /// <summary>Serves 45 avatars (1 primary, the lowest id) in-process, by cursor.</summary>
    private sealed class PagingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource[] _started = [.. Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        private int _inFlight;
        private int _cancelled;

        public bool HoldPage2 { get; set; }

        public List<string?> Cursors { get; } = [];

        public int InFlight => Volatile.Read(ref _inFlight);

        public int CancelledRequests => Volatile.Read(ref _cancelled);

        public Task Started(int request) => _started[request - 1].Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                var query = request.RequestUri!.Query;
                var cursor = query.StartsWith("?cursor=", StringComparison.Ordinal) ? query[8..] : null;
                int number;
                lock (Cursors)
                {
                    Cursors.Add(cursor);
                    number = Cursors.Count;
                }

                _started[number - 1].TrySetResult();
                if (HoldPage2 && number == 2)
                {
                    try
                    {
                        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref _cancelled);
                        throw;
                    }
                }

                var after = cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture);
                var ids = Enumerable.Range(1, 45).Select(i => (long)i).Where(id => id > after).Take(20);
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(AvatarListingTests.PageJson(ids, primaryId: 1), Encoding.UTF8, "application/json"),
                };
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
