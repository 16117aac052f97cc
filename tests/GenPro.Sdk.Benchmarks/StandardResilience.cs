using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GenPro.Sdk.Benchmarks;

/// <summary>
/// Baseline (d)'s policy: Microsoft's standard resilience strategies with their default options, in the order
/// <c>AddStandardResilienceHandler</c> stacks them (total timeout, retry, circuit breaker, attempt timeout), run by
/// <see cref="ResilienceHandler"/>. Not the SDK's own policy.
/// </summary>
public static class StandardResilience
{
    public static ResilienceHandler CreateHandler(HttpMessageHandler inner)
    {
        var options = new HttpStandardResilienceOptions();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalRequestTimeout)
            .AddRetry(options.Retry)
            .AddCircuitBreaker(options.CircuitBreaker)
            .AddTimeout(options.AttemptTimeout)
            .Build();
        return new ResilienceHandler(pipeline) { InnerHandler = inner };
    }
}
