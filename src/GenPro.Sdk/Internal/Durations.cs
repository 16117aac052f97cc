using System.Globalization;

namespace GenPro.Sdk.Internal;

/// <summary>Durations as people read them in logs and messages: <c>250 ms</c>, <c>1.5 s</c>, <c>2 min</c>, <c>1 h 30 min</c>.</summary>
internal static class Durations
{
    public static string Readable(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return "no limit";
        }

        return duration switch
        {
            { TotalSeconds: < 1 } => Format("{0:0.#} ms", duration.TotalMilliseconds),
            { TotalMinutes: < 1 } => Format("{0:0.##} s", duration.TotalSeconds),
            { TotalHours: < 1 } => duration.Seconds == 0 ? Format("{0} min", duration.Minutes) : Format("{0} min {1} s", duration.Minutes, duration.Seconds),
            _ => duration.Minutes == 0 ? Format("{0} h", (int)duration.TotalHours) : Format("{0} h {1} min", (int)duration.TotalHours, duration.Minutes),
        };
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
