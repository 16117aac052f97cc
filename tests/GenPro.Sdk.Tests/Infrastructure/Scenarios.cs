using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace GenPro.Sdk.Tests.Infrastructure;

/// <summary>Answers that change from one request to the next (WireMock scenarios), and fast retry settings.</summary>
public static class Scenarios
{
    /// <summary>
    /// Answers <paramref name="method"/> <paramref name="path"/> with each response in turn; the last one repeats.
    /// </summary>
    public static void RespondInTurn(this ApiServer api, string method, string path, params IResponseBuilder[] responses)
    {
        var scenario = Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = api.Server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"after {i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Status(int status, string? json = null)
    {
        var response = Response.Create().WithStatusCode(status);
        return json is null ? response : response.WithHeader("Content-Type", "application/json").WithBody(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Options with millisecond delays so retry tests take no noticeable time.</summary>
    public static GenProClientOptions FastRetries(this GenProClientOptions options, int maxRetries = 3)
    {
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        return options;
    }

    /// <summary>A logger factory whose logs, at every level, land in the returned collector.</summary>
    public static ILoggerFactory FakeLogging(out FakeLogCollector collector)
    {
        var provider = new FakeLoggerProvider();
        collector = provider.Collector;
        return LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
    }

    /// <summary>The retry logs (event 4) collected so far.</summary>
    public static IReadOnlyList<FakeLogRecord> Retries(this FakeLogCollector collector) =>
        collector.GetSnapshot().Where(r => r.Id.Name == "Retrying").ToList();

    /// <summary>Completes when the first retry is logged (the collector streams records as they come; no polling).</summary>
    public static async Task FirstRetryAsync(this FakeLogCollector collector)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var record in collector.GetLogsAsync(timeout.Token))
        {
            if (record.Id.Name == "Retrying")
            {
                return;
            }
        }
    }
}
