using System.Runtime.CompilerServices;
using GenPro.Sdk.Operations;
using GenPro.Sdk.Pagination;

namespace GenPro.Sdk.Avatars;

/// <summary>
/// Pages through <c>GET /agents/:id/avatars</c>. The API returns up to 20 avatars with an id above <c>cursor</c>,
/// the primary avatar first whatever its id, and the client passes the last id of a page as the next cursor until a
/// page holds fewer than 20. The primary therefore comes back on every page where its id is above the cursor: ids
/// already yielded are dropped, and a full page that does not move the cursor forward or brings nothing new is a
/// server fault that ends the listing with an exception instead of a loop.
/// </summary>
/// <remarks>
/// What a listing remembers is bounded by a page, not by the listing: every id at or below the cursor was listed
/// already (ids only grow, and the API sends only ids above the cursor), so such an id is dropped without looking it
/// up, and only the ids yielded above the cursor are kept (what a continuation token carries too). A set of every id
/// seen grew to 10,000 entries for 10,000 avatars, reached the large-object heap and was 7 % of the listing's bytes
/// (docs/performance.md).
/// </remarks>
internal sealed class AvatarPageSource(OperationRunner runner, IAvatarsApi api, long agentId, bool prefetch) : PageSource<Avatar>
{
    public const int PageSize = 20;

    /// <summary>The caller's per-call options, applied to every page request.</summary>
    public GenProRequestOptions? RequestOptions { get; init; }

    public override IAsyncEnumerable<Page<Avatar>> GetPages(string? continuationToken, CancellationToken cancellationToken) =>
        PagesAsync(AvatarCursor.Parse(continuationToken, agentId, nameof(continuationToken)), cancellationToken);

    private async IAsyncEnumerable<Page<Avatar>> PagesAsync(AvatarCursor? start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long? cursor = start?.Cursor;
        var ahead = start is { } s ? new List<long>(s.SeenAbove) : []; // ids yielded above the cursor: what a continuation token carries
        var seen = new HashSet<long>(); // per page: the ids above the cursor yielded so far
        using var prefetchCancel = prefetch ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        Task<List<Avatar>>? next = null;
        try
        {
            while (true)
            {
                List<Avatar> items;
                if (next is null)
                {
                    items = await FetchAsync(cursor, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    (items, next) = (await AwaitPrefetchedAsync(next, cancellationToken).ConfigureAwait(false), null);
                }

                var last = items.Count < PageSize;
                var nextCursor = last ? 0 : items[^1].Id;
                if (!last && cursor is { } c && nextCursor <= c)
                {
                    throw Stalled(cursor, $"its last avatar ({nextCursor}) is not after the cursor");
                }

                var fresh = NothingSeen(items, ahead, cursor) ? items.Count : DropSeen(items, Fill(seen, ahead), cursor);
                if (!last && fresh == 0)
                {
                    throw Stalled(cursor, "every avatar on it was listed already");
                }

                string? token = null;
                if (!last)
                {
                    DropUpTo(ahead, nextCursor);
                    foreach (var avatar in items)
                    {
                        if (avatar.Id > nextCursor)
                        {
                            ahead.Add(avatar.Id);
                        }
                    }

                    token = new AvatarCursor(nextCursor, ahead).ToToken(agentId);
                    if (prefetchCancel is not null)
                    {
                        next = Observed(FetchAsync(nextCursor, prefetchCancel.Token));
                    }
                }

                yield return new Page<Avatar>(items, token);
                if (last)
                {
                    yield break;
                }

                cursor = nextCursor;
            }
        }
        finally
        {
            if (next is not null)
            {
                // The caller stopped early: leave no request running behind it.
                await prefetchCancel!.CancelAsync().ConfigureAwait(false);
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// The prefetched page, failing as the caller's own call would: the prefetch ran under the SDK's linked token, so a
    /// cancellation by the caller surfaced carrying that token; it is rethrown with the caller's.
    /// </summary>
    private static async Task<List<Avatar>> AwaitPrefetchedAsync(Task<List<Avatar>> prefetched, CancellationToken cancellationToken)
    {
        try
        {
            return await prefetched.ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
    }

    /// <summary>
    /// Marks a prefetch's failure observed as soon as it happens: a caller that drops the enumerator without disposing it
    /// never awaits the prefetch, and its exception would otherwise reach <see cref="TaskScheduler.UnobservedTaskException"/>
    /// when the task is collected. Awaiting the task later still throws the failure.
    /// </summary>
    private static Task<List<Avatar>> Observed(Task<List<Avatar>> prefetch)
    {
        _ = prefetch.ContinueWith(
            static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return prefetch;
    }

    private Task<List<Avatar>> FetchAsync(long? cursor, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new OperationContext(ListName, RequestOptions) { AgentId = agentId },
            (api, agentId, cursor),
            static (s, call) => s.api.ListAsync(s.agentId, s.cursor, call),
            cancellationToken);

    private static readonly string ListName = OperationContext.NameOf(nameof(IGenProClient.Avatars), nameof(IAvatarsClient.ListAsync));

    /// <summary>Removes, in place, the ids not above <paramref name="cursor"/> (a loop, not a lambda capturing the cursor on every page).</summary>
    private static void DropUpTo(List<long> ids, long cursor)
    {
        var kept = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] > cursor)
            {
                ids[kept++] = ids[i];
            }
        }

        ids.RemoveRange(kept, ids.Count - kept);
    }

    /// <summary>
    /// Whether no avatar of the page was yielded before, told without a set in the usual case: ids in strictly ascending
    /// order (so none repeats) above the cursor, none of them among <paramref name="ahead"/> (at most a few ids). A
    /// page in any other order (the first one, which lists the primary avatar first) goes through <see cref="DropSeen"/>.
    /// </summary>
    private static bool NothingSeen(List<Avatar> items, List<long> ahead, long? cursor)
    {
        var previous = cursor ?? 0;
        foreach (var avatar in items)
        {
            if (avatar.Id <= previous || ahead.Contains(avatar.Id))
            {
                return false;
            }

            previous = avatar.Id;
        }

        return true;
    }

    private static HashSet<long> Fill(HashSet<long> seen, List<long> ahead)
    {
        seen.Clear();
        foreach (var id in ahead)
        {
            seen.Add(id);
        }

        return seen;
    }

    /// <summary>
    /// Removes, in place, avatars already yielded: those at or below the cursor, those in <paramref name="seen"/> and
    /// those repeated within the page; returns how many remain.
    /// </summary>
    private static int DropSeen(List<Avatar> items, HashSet<long> seen, long? cursor)
    {
        var kept = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if ((cursor is not { } c || items[i].Id > c) && seen.Add(items[i].Id))
            {
                items[kept++] = items[i];
            }
        }

        items.RemoveRange(kept, items.Count - kept);
        return kept;
    }

    private GenProException Stalled(long? cursor, string why) => new(
        $"Avatars.List stopped: the API answered the page of agent {agentId} after cursor {cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} " +
        $"with a full page that does not advance the listing ({why}); the listing ended here rather than loop.");
}
