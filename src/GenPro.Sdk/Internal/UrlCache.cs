// The type of a model's URL field: its text on .NET 10, a Uri on .NET 8, whose source generator binds each init-only
// property to the member of the same name and type (the Agent remarks), so the field must be a Uri there.
#if NET10_0_OR_GREATER
global using ModelUrl = string;
#else
global using ModelUrl = System.Uri;
#endif

namespace GenPro.Sdk.Internal;

/// <summary>
/// On .NET 10, the <see cref="Uri"/> of a model's URL field, made from the field's text the first time the property is read. JSON
/// reads the text only: parsing every URL of a response up front cost 56 bytes and most of the models' extra time per
/// URL (two per avatar, 20,000 in a 10,000-avatar listing; docs/performance.md), for URLs that are often never read.
/// <para>
/// It is a cache of the text beside it, which record equality already compares, so it compares equal to any other
/// cache: two models with the same text are equal whether or not either was read.
/// </para>
/// </summary>
internal struct UrlCache : IEquatable<UrlCache>
{
#if NET10_0_OR_GREATER
    private Uri? _uri;

    /// <summary>The URL <paramref name="text"/> spells (relative or absolute, as the JSON reader took it), parsed once.</summary>
    /// <exception cref="UriFormatException">The API sent text that is not a URL.</exception>
    public Uri? Get(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // The text changes only with the Uri (Set), so the cache never goes stale. A benign race: two threads reading at
        // once may each parse it; both results are equal.
        return _uri ??= new Uri(text, UriKind.RelativeOrAbsolute);
    }

    /// <summary>Keeps <paramref name="value"/> (set through an <c>init</c> accessor) and returns the text to store.</summary>
    public string? Set(Uri? value)
    {
        _uri = value;
        return value?.OriginalString;
    }

#else
    private Uri? _uri;

    /// <summary>On .NET 8 the field holds the <see cref="Uri"/> itself, parsed by the JSON reader; this returns it.</summary>
    public Uri? Get(Uri? value) => _uri ??= value;

    /// <summary>On .NET 8 the field holds the <see cref="Uri"/> itself.</summary>
    public Uri? Set(Uri? value) => _uri = value;

#endif
    public readonly bool Equals(UrlCache other) => true;

    public override readonly bool Equals(object? obj) => obj is UrlCache;

    public override readonly int GetHashCode() => 0;
}
