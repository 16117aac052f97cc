namespace GenPro.Sdk;

/// <summary>
/// An API key that can be replaced while clients use it (as Azure's <c>AzureKeyCredential</c>): the SDK reads it before
/// every request, retries and redirect hops included, so after <see cref="Update"/> the next request carries the new
/// key while requests already sent finish with the old one. Thread-safe. Pass it to
/// <see cref="GenProClient(GenProKeyCredential, GenProClientOptions)"/>. Its <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class GenProKeyCredential
{
    private volatile string _key;

    /// <summary>Creates the credential.</summary>
    /// <param name="key">A GEN personal access token (<c>gen_pat_…</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank or holds characters an HTTP header cannot carry.</exception>
    public GenProKeyCredential(string key) => _key = Checked(key);

    /// <summary>The key requests are sent with now.</summary>
    internal string Key => _key;

    /// <summary>Replaces the key for every request that starts from now on.</summary>
    /// <param name="key">The new key.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is blank or holds characters an HTTP header cannot carry.</exception>
    public void Update(string key) => _key = Checked(key);

    /// <inheritdoc/>
    public override string ToString() => "GenProKeyCredential { Key = [REDACTED] }";

    private static string Checked(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Configuration.ClientOptionsChecks.IsHeaderSafe(key)
            ? key
            : throw new ArgumentException("The API key contains characters that cannot travel in an HTTP header (control characters, spaces or non-ASCII).", nameof(key));
    }
}
