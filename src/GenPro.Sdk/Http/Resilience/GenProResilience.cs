using GenPro.Sdk.Diagnostics;
using GenPro.Sdk.Internal;
using GenPro.Sdk.Operations;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace GenPro.Sdk.Http.Resilience;

/// <summary>
/// The SDK's one resilience policy, in the handler <see cref="GenProPipeline.CreateHandlers"/> puts outermost for both
/// the constructors and dependency injection. Outermost first: retry, circuit breaker, attempt timeout. The total
/// timeout is not a strategy here: <see cref="OperationDeadline"/> bounds the whole operation (the body read included,
/// which a strategy that ends when the headers arrive cannot), and its token reaches the policy through the request's.
/// </summary>
internal static class GenProResilience
{
    public const string PipelineName = "GenPro";

    /// <summary>
    /// A handler that runs the policy around its inner handler, for both construction paths. With a
    /// <paramref name="telemetry"/> factory, Polly reports its own events there too (logs and the <c>Polly</c> meter).
    /// </summary>
    public static ResilienceHandler CreateHandler(
        GenProClientOptions options, TimeProvider timeProvider, ILogger logger, ILoggerFactory? telemetry = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = PipelineName };
        Configure(builder, options, timeProvider, logger);
        if (telemetry is not null)
        {
            builder.ConfigureTelemetry(telemetry);
        }

        return new ResilienceHandler(builder.Build());
    }

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, GenProClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        builder.TimeProvider = timeProvider;
        var retry = options.Retry;

        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(RetryStrategy(retry, timeProvider, logger));
        }

        if (retry.CircuitBreakerEnabled)
        {
            // The values of Microsoft's standard resilience handler: trips only on sustained failure, not on a few errors.
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "GenPro.CircuitBreaker",
                FailureRatio = 0.1,
                MinimumThroughput = 100,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
                // A picture read from the CDN (another origin) is not counted: its outage must not stop the API's calls.
                ShouldHandle = static args => ValueTask.FromResult(
                    RetryDecisions.IsTransientFailure(args.Outcome) && OperationContext.Of(args.Context.GetRequestMessage())?.IsApiCall != false),
            });
        }

        var attempt = TimeLimits.OrNoLimit(retry.AttemptTimeout); // longer than a timer runs: none, not a raw exception per call
        if (attempt != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "GenPro.AttemptTimeout",

                // Zero means "no timeout" to Polly: uploads and requests that are not retried after a timeout keep the
                // whole total budget.
                TimeoutGenerator = args => ValueTask.FromResult(
                    RetryDecisions.HasAttemptTimeout(args.Context.GetRequestMessage()) ? attempt : TimeSpan.Zero),
            });
        }
    }

    private static RetryStrategyOptions<HttpResponseMessage> RetryStrategy(GenProRetryOptions retry, TimeProvider timeProvider, ILogger logger)
    {
        var maxDelay = retry.MaxDelay;
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "GenPro.Retry",
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = maxDelay,
            ShouldHandle = args =>
            {
                if (args.Outcome.Result is { IsSuccessStatusCode: true })
                {
                    return ValueTask.FromResult(false); // the usual outcome: decided before the operation is looked up
                }

                var request = args.Context.GetRequestMessage();
                return ValueTask.FromResult(RetryDecisions.ShouldRetry(
                    request, args.Outcome, maxDelay, OperationContext.Of(request)?.Deadline.Ends, timeProvider));
            },

            // Null falls back to the jittered exponential delay.
            DelayGenerator = args => ValueTask.FromResult(RetryDecisions.RetryAfter(args.Outcome.Result, timeProvider)),
            OnRetry = args =>
            {
                GenProTelemetry.RecordRetry(logger, args.Context.GetRequestMessage(), args.AttemptNumber + 1, args.RetryDelay, args.Outcome);
                return default;
            },
        };
    }
}
