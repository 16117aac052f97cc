namespace GenPro.Sdk.Configuration;

/// <summary>
/// The rules options must meet, in one place for the constructors (which throw) and for dependency injection
/// (which reports them at start-up). Messages name the setting and never echo the key: in code as
/// <c>GenProClientOptions.ApiKey</c>, or, for options bound from configuration, as the key the user edits
/// (<c>GenPro:Marketing:ApiKey</c>).
/// </summary>
internal static class ClientOptionsChecks
{
    /// <summary>The API's own host, whose paths all start with a version segment (<c>/v1/</c>).</summary>
    private const string ApiHost = "api.gen.pro";

    /// <summary>
    /// Every rule the options break, each naming its setting under <paramref name="configurationPath"/> when given. With
    /// <paramref name="keyFromCredential"/>, a <see cref="GenProKeyCredential"/> (checked as it is made) supplies the key,
    /// and a key set in the options as well is refused rather than one of them silently ignored.
    /// </summary>
    public static IEnumerable<string> Failures(GenProClientOptions options, string? configurationPath = null, bool keyFromCredential = false)
    {
        var setting = new SettingNames(configurationPath);
        if (keyFromCredential)
        {
            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                yield return $"{setting["ApiKey"]} must be left unset when a GenProKeyCredential supplies the key.";
            }
        }
        else if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return $"{setting["ApiKey"]} is required: set it to a GEN personal access token (gen_pat_…).";
        }
        else if (!IsHeaderSafe(options.ApiKey))
        {
            yield return $"{setting["ApiKey"]} contains characters that cannot travel in an HTTP header (control characters, spaces or non-ASCII).";
        }

        if (BaseAddressFailure(options.BaseAddress) is { } baseAddressFailure)
        {
            yield return $"{setting["BaseAddress"]} {baseAddressFailure}";
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"{setting["Timeout"]} must be positive, or Timeout.InfiniteTimeSpan for no limit.";
        }

        if (options.MaxResponseBodySize <= 0)
        {
            yield return $"{setting["MaxResponseBodySize"]} must be a positive number of bytes (16 MiB unless set).";
        }

        if (options.MaxImageSize <= 0)
        {
            yield return $"{setting["MaxImageSize"]} must be a positive number of bytes (8 MiB unless set).";
        }

        foreach (var failure in RetryFailures(options.Retry, setting))
        {
            yield return failure;
        }

        if (options.ApplicationId is { } appId && (!IsHeaderSafe(appId) || appId.Length > 64))
        {
            yield return $"{setting["ApplicationId"]} must be at most 64 visible ASCII characters without spaces.";
        }
    }

    private static string? BaseAddressFailure(Uri? baseAddress)
    {
        if (baseAddress is not { IsAbsoluteUri: true })
        {
            return "must be an absolute URI, such as https://api.gen.pro/v1/.";
        }

        if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
        {
            return $"must use https (plain http is allowed for loopback hosts only); it was {AsWritten(baseAddress)}.";
        }

        if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment) || !string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            return "must not carry a query, fragment or user info.";
        }

        // Without the version path every call would answer 404 and read like a missing agent; the API's own host has
        // nothing but versioned paths, so that mistake is certain there and refused up front.
        if (IsApiHost(baseAddress) && !HasVersionSegment(baseAddress))
        {
            return $"must include the API's version path, such as {GenProClientOptions.DefaultBaseAddress}; it was {AsWritten(baseAddress)}.";
        }

        return null;
    }

    /// <summary>
    /// The base address as the user wrote it (<c>http://example.com/v1/</c>, not the <c>http://example.com</c> that
    /// <see cref="Uri"/>'s parts would rebuild), so the message points at the setting's actual text. User info, a query and
    /// a fragment may hold credentials: an address with any of them is quoted without them (scheme, host, port, path).
    /// </summary>
    private static string AsWritten(Uri baseAddress) =>
        string.IsNullOrEmpty(baseAddress.UserInfo) && string.IsNullOrEmpty(baseAddress.Query) && string.IsNullOrEmpty(baseAddress.Fragment)
            ? baseAddress.OriginalString
            : $"{baseAddress.Scheme}://{baseAddress.Authority}{baseAddress.AbsolutePath}";

    /// <summary>
    /// Whether the address names the API's own host, spelled any way DNS resolves to it: in any case, and fully qualified
    /// with a final dot (<c>api.gen.pro.</c>), which <see cref="Uri.Host"/> keeps.
    /// </summary>
    private static bool IsApiHost(Uri address) =>
        address.IdnHost.AsSpan().TrimEnd('.').Equals(ApiHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the path starts with <c>/v</c> and digits, such as <c>/v1</c> or <c>/v1/</c>.</summary>
    private static bool HasVersionSegment(Uri address)
    {
        var segment = address.AbsolutePath.AsSpan().TrimStart('/');
        var end = segment.IndexOf('/');
        segment = end < 0 ? segment : segment[..end];
        return segment.Length > 1 && segment[0] is 'v' or 'V' && int.TryParse(segment[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    private static IEnumerable<string> RetryFailures(GenProRetryOptions? retry, SettingNames setting)
    {
        // Bounds are Polly's own (delays up to a day), checked here so a bad value is reported at start-up, naming the
        // setting, rather than by Polly at the first request.
        var oneDay = TimeSpan.FromDays(1);
        if (retry is null)
        {
            yield return $"{setting["Retry"]} must not be null.";
            yield break;
        }

        if (retry.MaxRetries is < 0 or > 10)
        {
            yield return $"{setting["Retry:MaxRetries"]} must be between 0 (no retries) and 10.";
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > oneDay)
        {
            yield return $"{setting["Retry:BaseDelay"]} must be between zero and one day.";
        }

        if (retry.MaxDelay <= TimeSpan.Zero || retry.MaxDelay > oneDay)
        {
            yield return $"{setting["Retry:MaxDelay"]} must be positive and at most one day.";
        }

        if (retry.AttemptTimeout <= TimeSpan.Zero && retry.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            yield return $"{setting["Retry:AttemptTimeout"]} must be positive, or Timeout.InfiniteTimeSpan for no limit.";
        }
    }

    /// <summary>Default options for <paramref name="apiKey"/>, refusing a bad key under the caller's parameter name.</summary>
    public static GenProClientOptions ForApiKey(string apiKey, string paramName)
    {
        ArgumentNullException.ThrowIfNull(apiKey, paramName);
        var options = new GenProClientOptions { ApiKey = apiKey };
        foreach (var failure in Failures(options))
        {
            throw new ArgumentException(failure, paramName);
        }

        return options;
    }

    /// <summary>Throws the first failure as an <see cref="ArgumentException"/> naming <c>options</c>.</summary>
    public static void ThrowIfInvalid(GenProClientOptions options, string paramName, bool keyFromCredential = false)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        foreach (var failure in Failures(options, keyFromCredential: keyFromCredential))
        {
            throw new ArgumentException(failure, paramName);
        }
    }

    /// <summary>The base address with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    public static Uri NormalizedBaseAddress(Uri baseAddress) =>
        baseAddress.AbsolutePath.EndsWith('/') ? baseAddress : new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");

    /// <summary>Whether an HTTP header can carry <paramref name="value"/> as it is: printable ASCII, no spaces.</summary>
    internal static bool IsHeaderSafe(string value)
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

    /// <summary>
    /// How a setting is named to the user: <c>GenProClientOptions.Retry.MaxRetries</c> in code, or the configuration key
    /// <c>GenPro:Retry:MaxRetries</c> when the options were bound from the section at <c>GenPro</c>.
    /// </summary>
    private readonly struct SettingNames(string? configurationPath)
    {
        public string this[string setting] => string.IsNullOrEmpty(configurationPath)
            ? "GenProClientOptions." + setting.Replace(':', '.')
            : configurationPath + ":" + setting;
    }
}
