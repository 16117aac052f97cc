using System.Globalization;
using System.Runtime.CompilerServices;

namespace GenPro.Sdk.Pagination;

/// <summary>
/// Pages fixed in advance, for <see cref="GenProModelFactory"/>: a listing a test returns from a mocked client. A
/// continuation token resumes after the page that issued it, as the SDK's own listings do.
/// </summary>
internal sealed class StaticPageSource<T>(IReadOnlyList<Page<T>> pages) : PageSource<T>
{
    public override IAsyncEnumerable<Page<T>> GetPages(string? continuationToken, CancellationToken cancellationToken)
    {
        var start = 0;
        if (continuationToken is not null)
        {
            start = IndexAfter(continuationToken);
        }

        return PagesAsync(start, cancellationToken);
    }

    /// <summary>Tokens for pages built from items: the index of the next page, as text.</summary>
    public static string TokenFor(int nextPage) => nextPage.ToString(CultureInfo.InvariantCulture);

    private int IndexAfter(string continuationToken)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i].ContinuationToken == continuationToken)
            {
                return i + 1;
            }
        }

        throw new ArgumentException("The continuation token was not issued by a page of this listing.", nameof(continuationToken));
    }

    private async IAsyncEnumerable<Page<T>> PagesAsync(int start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = start; i < pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return pages[i];
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
