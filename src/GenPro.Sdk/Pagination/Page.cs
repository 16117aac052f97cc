namespace GenPro.Sdk;

/// <summary>One page of a listing, as <see cref="GenProPageable{T}.AsPages"/> yields it.</summary>
/// <typeparam name="T">The item type, such as <see cref="Avatar"/>.</typeparam>
public sealed class Page<T>
{
    internal Page(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The page's items in the API's order, without items an earlier page of the same listing already yielded.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Resumes the listing after this page when passed to <see cref="GenProPageable{T}.AsPages"/>, even from another
    /// process; null on the last page. Opaque: store it as given, do not build one.
    /// </summary>
    public string? ContinuationToken { get; }
}
