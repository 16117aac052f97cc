namespace GenPro.Sdk.Internal;

/// <summary>
/// Time limits longer than a .NET timer can run. <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> (the SDK's
/// whole-call deadline, Polly's attempt timeout) refuses more than <see cref="LongestTimer"/> (about 49.7 days) with a
/// raw <see cref="ArgumentOutOfRangeException"/> naming <c>delay</c>, and a deadline of now plus
/// <see cref="TimeSpan.MaxValue"/> is not a date at all. A limit that long is no limit for an HTTP call, so it is treated
/// as <see cref="Timeout.InfiniteTimeSpan"/>: callers write <c>TimeSpan.MaxValue</c> meaning exactly that.
/// </summary>
internal static class TimeLimits
{
    /// <summary>The longest delay a timer accepts: <see cref="uint.MaxValue"/> - 1 milliseconds.</summary>
    public static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary><paramref name="limit"/>, or <see cref="Timeout.InfiniteTimeSpan"/> when it is longer than any timer runs.</summary>
    public static TimeSpan OrNoLimit(TimeSpan limit) => limit > LongestTimer ? Timeout.InfiniteTimeSpan : limit;
}
