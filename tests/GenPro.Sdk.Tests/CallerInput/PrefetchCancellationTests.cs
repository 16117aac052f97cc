using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using GenPro.Sdk.Testing;
using GenPro.Sdk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GenPro.Sdk.Tests.CallerInput;

/// <summary>
/// Issue 24, row 8: a prefetching listing cancelled at any point ends with the caller's own token, never the linked
/// token the SDK prefetches under; a prefetching enumerator dropped without <c>DisposeAsync</c> leaves no unobserved
/// task exception behind.
/// </summary>
[Collection(UnobservedExceptions.Collection)]
public sealed class PrefetchCancellationTests(ITestOutputHelper output)
{
    private const string Key = "gen_pat_prefetch_cancel";

    /// <summary>Cancellations per construction path, and the time they may take: whichever bound is hit first ends the loop.</summary>
    private const int Cancellations = 1500;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task Cancelling_a_prefetching_listing_at_random_points_always_carries_the_callers_own_token(string path)
    {
        var fake = new FakeGenProApi();
        var agent = fake.AddAgent(fake.AddUser(Key), "Prefetcher");
        for (var i = 0; i < 45; i++)
        {
            fake.AddAvatar(agent.Id, makePrimary: i == 30);
        }

        await using var server = await FakeGenProServer.StartAsync(fake);
        using var client = ClientPaths.Create(path, new GenProClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });
        var listing = client.Avatars.ListAsync(agent.Id, new AvatarListOptions { Prefetch = true });
        var outcomes = new ConcurrentDictionary<string, int>();
        var wrongTokens = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cancellations), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            if (clock.Elapsed > Budget)
            {
                return;
            }

            using var cts = new CancellationTokenSource();
            var stopAfter = Random.Shared.Next(0, 46);
            var pages = i % 2 == 0;
            try
            {
                var seen = 0;
                if (pages)
                {
                    await foreach (var page in listing.AsPages(cancellationToken: cts.Token))
                    {
                        seen += page.Values.Count;
                        CancelSomewhereAhead(cts, seen >= stopAfter);
                    }
                }
                else
                {
                    await foreach (var avatar in listing.WithCancellation(cts.Token))
                    {
                        CancelSomewhereAhead(cts, ++seen == stopAfter);
                    }
                }

                Count(outcomes, "completed");
            }
            catch (OperationCanceledException e)
            {
                Count(outcomes, "cancelled");
                if (e.CancellationToken != cts.Token)
                {
                    wrongTokens.Add($"{e.GetType().Name} with another token: {e.Message}");
                }
            }
        }).WaitAsync(HardBound);

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        wrongTokens.Should().BeEmpty("every cancellation is the caller's own, carrying the caller's token (docs/security.md)");
        outcomes.GetValueOrDefault("cancelled").Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(ClientPaths.Both), MemberType = typeof(ClientPaths))]
    public async Task A_prefetching_enumerator_dropped_without_disposal_leaves_no_unobserved_task_exception(string path)
    {
        // Page 1 answers; page 2 (the prefetch) fails with a 500 that nobody will ever await.
        using var server = LoopbackServer.Recording(json: GenPro.Sdk.Tests.Avatars.AvatarListingTests.PageJson(Enumerable.Range(1, 20).Select(i => (long)i), primaryId: 1));
        server.StatusOf = n => n == 0 ? 200 : 500;
        var options = ApiServer.FastOptions(server.BaseAddress);
        options.Retry.MaxRetries = 0;
        using var logging = Scenarios.FakeLogging(out var logs);
        using var client = ClientPaths.Create(path, options, logging);
        var unobserved = new ConcurrentBag<Exception>();
        void Record(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Add(e.Exception);
        TaskScheduler.UnobservedTaskException += Record;
        try
        {
            await ReadOnePageAndDropTheEnumeratorAsync(client.Avatars.ListAsync(4242, new AvatarListOptions { Prefetch = true }));

            // The prefetch is failing once its 500 is logged; then the dropped enumerator and its task are garbage.
            using var bound = new CancellationTokenSource(HardBound);
            await foreach (var record in logs.GetLogsAsync(bound.Token))
            {
                if (record.Id.Name == "OperationAnswered" && record.Message.Contains("answered 500", StringComparison.Ordinal))
                {
                    break;
                }
            }

            for (var round = 0; round < 20; round++)
            {
                await Task.Yield(); // lets the failing prefetch finish unwinding its awaits
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Record;
        }

        server.Requests.Should().HaveCount(2, "page 2 was prefetched and answered 500");
        unobserved.Where(e => e.ToString().Contains("4242", StringComparison.Ordinal)).Should().BeEmpty();
    }

    /// <summary>Not inlined, so that nothing on the test's stack keeps the enumerator alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task ReadOnePageAndDropTheEnumeratorAsync(GenProPageable<Avatar> listing)
    {
        var pages = listing.AsPages().GetAsyncEnumerator();
        (await pages.MoveNextAsync()).Should().BeTrue();
        pages.Current.Values.Should().HaveCount(20);
    }

    /// <summary>Cancels from another thread, so the cancellation lands at a random point of what the listing does next.</summary>
    private static void CancelSomewhereAhead(CancellationTokenSource cts, bool now)
    {
        if (now)
        {
            _ = Task.Run(cts.Cancel);
        }
    }

    private static void Count(ConcurrentDictionary<string, int> outcomes, string outcome) => outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
}

/// <summary>Tests that watch <see cref="TaskScheduler.UnobservedTaskException"/>, which is process-wide.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class UnobservedExceptions
{
    public const string Collection = "unobserved task exceptions";
}
