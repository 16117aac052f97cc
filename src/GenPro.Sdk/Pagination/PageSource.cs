namespace GenPro.Sdk.Pagination;

/// <summary>What a <see cref="GenProPageable{T}"/> pages over: one implementation per listing endpoint.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class PageSource<T>
{
    /// <summary>
    /// The pages from <paramref name="continuationToken"/> on (from the start when null). Validates the token
    /// eagerly, so a bad one throws <see cref="ArgumentException"/> here rather than on the first page.
    /// </summary>
    public abstract IAsyncEnumerable<Page<T>> GetPages(string? continuationToken, CancellationToken cancellationToken);
}
