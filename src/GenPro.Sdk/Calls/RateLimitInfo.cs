using System.Globalization;

namespace GenPro.Sdk;

/// <summary>
/// The rate-limit headers of a response, read case-insensitively: <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>
/// and <c>RateLimit-Reset</c> (the IETF draft), else their <c>X-RateLimit-*</c> forms, and <c>Retry-After</c>. A header
/// that is absent or unreadable leaves its property null.
/// </summary>
public sealed class RateLimitInfo
{
    /// <summary>Below this, a reset value is seconds from now; from here on, a Unix time (as GitHub sends).</summary>
    private const long UnixTimeThreshold = 1_000_000_000;

    /// <summary>The last second <see cref="DateTimeOffset"/> holds (9999-12-31); anything beyond is unreadable, not an overflow.</summary>
    private const long MaxUnixTime = 253_402_300_799;

    private RateLimitInfo(long? limit, long? remaining, TimeSpan? reset, TimeSpan? retryAfter)
    {
        Limit = limit;
        Remaining = remaining;
        Reset = reset;
        RetryAfter = retryAfter;
    }

    /// <summary>How many requests the current window allows.</summary>
    public long? Limit { get; }

    /// <summary>How many requests are left in the current window.</summary>
    public long? Remaining { get; }

    /// <summary>How long until the window resets (a Unix-time reset is turned into the time left, never negative).</summary>
    public TimeSpan? Reset { get; }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>, in seconds or as an HTTP date).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc/>
    public override string ToString() => $"RateLimitInfo {{ Limit = {Limit}, Remaining = {Remaining}, Reset = {Reset}, RetryAfter = {RetryAfter} }}";

    internal static RateLimitInfo Parse(IReadOnlyDictionary<string, string> headers, DateTimeOffset now) => new(
        Number(headers, "RateLimit-Limit") ?? Number(headers, "X-RateLimit-Limit"),
        Number(headers, "RateLimit-Remaining") ?? Number(headers, "X-RateLimit-Remaining"),
        ResetOf(Number(headers, "RateLimit-Reset") ?? Number(headers, "X-RateLimit-Reset"), now),
        RetryAfterOf(headers, now));

    /// <summary>The leading integer of a value: the draft allows <c>100, 100;w=60</c> (a limit followed by its policies).</summary>
    private static long? Number(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (!headers.TryGetValue(name, out var value))
        {
            return null;
        }

        var text = value.AsSpan().Trim();
        var end = text.IndexOfAny(',', ';');
        return long.TryParse(end < 0 ? text : text[..end].TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static TimeSpan? ResetOf(long? value, DateTimeOffset now) => value switch
    {
        null => null,
        > MaxUnixTime => null,
        >= UnixTimeThreshold => DateTimeOffset.FromUnixTimeSeconds(value.Value) - now is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
        _ => TimeSpan.FromSeconds(value.Value),
    };

    private static TimeSpan? RetryAfterOf(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        if (!headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxUnixTime)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }
}
