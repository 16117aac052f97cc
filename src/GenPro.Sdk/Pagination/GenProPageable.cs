using GenPro.Sdk.Pagination;

namespace GenPro.Sdk;

/// <summary>
/// A listing that fetches its pages lazily, as the caller enumerates. Enumerate it for every item
/// (<c>await foreach</c>, with <c>.WithCancellation(token)</c> to cancel), or call <see cref="AsPages"/> for the
/// pages and their continuation tokens. Each enumeration starts a new listing; no item is yielded twice in one.
/// </summary>
/// <typeparam name="T">The item type, such as <see cref="Avatar"/>.</typeparam>
public sealed class GenProPageable<T> : IAsyncEnumerable<T>
{
    private readonly PageSource<T> _source;

    internal GenProPageable(PageSource<T> source) => _source = source;

    /// <summary>The listing page by page, from the start or from where a <see cref="Page{T}.ContinuationToken"/> left off.</summary>
    /// <param name="continuationToken">A token from an earlier page of the same listing, or null to start at the beginning.</param>
    /// <param name="cancellationToken">Cancels the listing between and during page requests.</param>
    /// <returns>The pages; the last one has a null <see cref="Page{T}.ContinuationToken"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="continuationToken"/> is not a token this listing issued.</exception>
    public IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, CancellationToken cancellationToken = default) =>
        _source.GetPages(continuationToken, cancellationToken);

    /// <summary>Enumerates every item of the listing, fetching pages as they are needed.</summary>
    /// <param name="cancellationToken">Cancels the listing between items and during page requests.</param>
    /// <returns>The enumerator.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in _source.GetPages(null, cancellationToken).ConfigureAwait(false))
        {
            var values = page.Values;
            for (var i = 0; i < values.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return values[i];
            }
        }
    }
}
