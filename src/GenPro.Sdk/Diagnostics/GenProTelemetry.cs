using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Polly;

namespace GenPro.Sdk.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>GenPro.Sdk</c>: subscribe to that name
/// (OpenTelemetry <c>AddSource</c>/<c>AddMeter</c>) to collect one span per operation, request and retry counts and
/// operation durations.
/// </summary>
internal static class GenProTelemetry
{
    public const string Name = "GenPro.Sdk";

    private static readonly string? Version =
        typeof(GenProTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(Name, Version);

    private static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("genpro.client.requests", "{request}", "SDK operations completed, by operation and outcome.");

    public static readonly Counter<long> Retries =
        Meter.CreateCounter<long>("genpro.client.retries", "{retry}", "Attempts repeated by the retry policy.");

    public static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("genpro.client.operation.duration", "s", "How long SDK operations took, retries included.");

    /// <summary>Whether anything listens to the operation measurements; when nothing does, their tags need not be built.</summary>
    public static bool IsMeasuring => Requests.Enabled || Duration.Enabled;

    /// <summary>Logs and counts one retry (called by the retry policy before it waits).</summary>
    public static void RecordRetry(ILogger logger, HttpRequestMessage? request, int retryNumber, TimeSpan delay, Outcome<HttpResponseMessage> outcome)
    {
        var method = request?.Method.Method ?? "?";
        var tags = new TagList { { "http.request.method", method } };
        AddServer(ref tags, request?.RequestUri);
        Retries.Add(1, tags);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var what = outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : outcome.Exception?.GetType().Name ?? "unknown";
            var readableDelay = Internal.Durations.Readable(delay);
            GenProLog.Retrying(logger, method, request?.RequestUri?.AbsolutePath ?? "?", retryNumber, readableDelay, what);
        }
    }

    /// <summary>Where the request went (host and port, never the path's query), so measurements of two clients stay apart.</summary>
    public static void AddServer(ref TagList tags, Uri? uri)
    {
        if (uri is { IsAbsoluteUri: true })
        {
            tags.Add("server.address", uri.Host);
            tags.Add("server.port", uri.Port);
        }
    }
}
