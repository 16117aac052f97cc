namespace GenPro.Sdk.Internal;

/// <summary>
/// The rules options must meet, in one place for the constructors (which throw) and for dependency injection
/// (which reports them at start-up). Messages name the setting and never echo the key.
/// </summary>
internal static class OptionsRules
{
    public static IEnumerable<string> Failures(GenProClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return "GenProClientOptions.ApiKey is required: set it to a GEN personal access token (gen_pat_…).";
        }
        else if (!IsHeaderSafe(options.ApiKey))
        {
            yield return "GenProClientOptions.ApiKey contains characters that cannot travel in an HTTP header (control characters, spaces or non-ASCII).";
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } baseAddress)
        {
            yield return "GenProClientOptions.BaseAddress must be an absolute URI, such as https://api.gen.pro/v1/.";
        }
        else if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
        {
            yield return $"GenProClientOptions.BaseAddress must use https (plain http is allowed for loopback hosts only); it was {baseAddress.Scheme}://{baseAddress.Authority}.";
        }
        else if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment) || !string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            yield return "GenProClientOptions.BaseAddress must not carry a query, fragment or user info.";
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return "GenProClientOptions.Timeout must be positive, or Timeout.InfiniteTimeSpan for no limit.";
        }

        if (options.MaxResponseBodySize <= 0)
        {
            yield return "GenProClientOptions.MaxResponseBodySize must be a positive number of bytes (16 MiB unless set).";
        }

        foreach (var failure in RetryFailures(options.Retry))
        {
            yield return failure;
        }

        if (options.ApplicationId is { } appId && (!IsHeaderSafe(appId) || appId.Length > 64))
        {
            yield return "GenProClientOptions.ApplicationId must be at most 64 visible ASCII characters without spaces.";
        }
    }

    private static IEnumerable<string> RetryFailures(GenProRetryOptions? retry)
    {
        // Bounds are Polly's own (delays up to a day), checked here so a bad value is reported at start-up, naming the
        // setting, rather than by Polly at the first request.
        var oneDay = TimeSpan.FromDays(1);
        if (retry is null)
        {
            yield return "GenProClientOptions.Retry must not be null.";
            yield break;
        }

        if (retry.MaxRetries is < 0 or > 10)
        {
            yield return "GenProClientOptions.Retry.MaxRetries must be between 0 (no retries) and 10.";
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > oneDay)
        {
            yield return "GenProClientOptions.Retry.BaseDelay must be between zero and one day.";
        }

        if (retry.MaxDelay <= TimeSpan.Zero || retry.MaxDelay > oneDay)
        {
            yield return "GenProClientOptions.Retry.MaxDelay must be positive and at most one day.";
        }

        if (retry.AttemptTimeout <= TimeSpan.Zero && retry.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return "GenProClientOptions.Retry.AttemptTimeout must be positive, or Timeout.InfiniteTimeSpan for no limit.";
        }
    }

    /// <summary>Throws the first failure as an <see cref="ArgumentException"/> naming <c>options</c>.</summary>
    public static void ThrowIfInvalid(GenProClientOptions options, string paramName)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        foreach (var failure in Failures(options))
        {
            throw new ArgumentException(failure, paramName);
        }
    }

    /// <summary>The base address with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    public static Uri NormalizedBaseAddress(Uri baseAddress) =>
        baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");

    private static bool IsHeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
