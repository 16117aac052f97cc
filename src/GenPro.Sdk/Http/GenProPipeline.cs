using System.Net;
using GenPro.Sdk.Configuration;
using GenPro.Sdk.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace GenPro.Sdk.Http;

/// <summary>
/// The SDK's HTTP pipeline, defined once (<see cref="CreateHandlers"/>) and used by both the constructors
/// (<see cref="CreateHandler"/>) and <c>AddGenProClient</c>. Outermost first: the resilience policy
/// (<see cref="GenProResilience"/>), then each hop stamped (API key, User-Agent, request id) and redirects followed by
/// the SDK (<see cref="RedirectHandler"/>), then the primary handler that does the sending.
/// </summary>
internal static class GenProPipeline
{
    /// <summary>The SDK's own primary handler: pooled connections that are recycled so DNS changes are seen.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// The SDK's handlers, outermost first, not yet linked: the policy (so a retried attempt goes through everything
    /// below it again), then the handler that stamps and sends each hop and follows redirects (so every attempt and every
    /// redirect hop is stamped again, and a hop to another origin goes without the key). Handlers of the caller's run inside.
    /// <paramref name="loggerFactory"/> receives the SDK's logs and Polly's resilience telemetry; null for none.
    /// </summary>
    public static DelegatingHandler[] CreateHandlers(
        GenProClientOptions options, Func<string?> apiKey, TimeProvider timeProvider, ILoggerFactory? loggerFactory) =>
    [
        new OperationHandler(),
        GenProResilience.CreateHandler(options, timeProvider, GenProClient.CreateLogger(loggerFactory), loggerFactory),
        CreateRedirectHandler(options, apiKey, inner: null),
    ];

    /// <summary>The SDK's handlers linked in front of <paramref name="primaryHandler"/> (the SDK's own when null).</summary>
    public static HttpMessageHandler CreateHandler(
        GenProClientOptions options, Func<string?> apiKey, HttpMessageHandler? primaryHandler, TimeProvider timeProvider, ILoggerFactory? loggerFactory)
    {
        HttpMessageHandler pipeline = primaryHandler is null
            ? CreatePrimaryHandler()
            : new NonDisposingHandler(RefuseAutoRedirect(primaryHandler));
        var handlers = CreateHandlers(options, apiKey, timeProvider, loggerFactory);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = pipeline;
            pipeline = handlers[i];
        }

        return pipeline;
    }

    /// <summary>
    /// A handler that follows redirects itself would carry the key to any host a redirect names, so the SDK turns
    /// that off on every <see cref="SocketsHttpHandler"/> and <see cref="HttpClientHandler"/> in the chain, and refuses
    /// one on which it can no longer be turned off (one that has already sent). Handlers of other types cannot be
    /// inspected and are used as given (docs/security.md says so).
    /// </summary>
    internal static HttpMessageHandler RefuseAutoRedirect(HttpMessageHandler handler)
    {
        // A caller's DelegatingHandler may wrap the handler that sends: every handler down the chain is checked.
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            try
            {
                switch (current)
                {
                    case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler { AllowAutoRedirect: true } client:
                        client.AllowAutoRedirect = false;
                        break;
                }
            }
            catch (InvalidOperationException e)
            {
                throw new ArgumentException(
                    $"The handler {current.GetType().Name} follows redirects automatically and has already sent requests, so the SDK cannot turn that off; "
                    + "set AllowAutoRedirect = false on it (the SDK follows redirects itself, without leaking the API key to other hosts).",
                    nameof(handler),
                    e);
            }
        }

        return handler;
    }

    /// <summary>The handler that stamps (API key, User-Agent, request id) and sends each hop; dependency injection adds it with no inner handler (the factory links it).</summary>
    public static RedirectHandler CreateRedirectHandler(GenProClientOptions options, Func<string?> apiKey, HttpMessageHandler? inner)
    {
        var handler = new RedirectHandler(new ApiKeyStamp(
            apiKey,
            ClientOptionsChecks.NormalizedBaseAddress(options.BaseAddress),
            UserAgent.For(options.ApplicationId)));
        if (inner is not null)
        {
            handler.InnerHandler = inner;
        }

        return handler;
    }

    public static HttpClient CreateHttpClient(HttpMessageHandler pipeline, GenProClientOptions options)
    {
        var client = new HttpClient(pipeline, disposeHandler: true);
        Configure(client, options);
        return client;
    }

    /// <summary>
    /// Points a client at the API. Its own timeout is off: the policy enforces <see cref="GenProClientOptions.Timeout"/>
    /// around all attempts, the same way with and without dependency injection.
    /// </summary>
    public static void Configure(HttpClient client, GenProClientOptions options)
    {
        client.BaseAddress = ClientOptionsChecks.NormalizedBaseAddress(options.BaseAddress);
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Lets the SDK dispose its own pipeline without disposing a handler the caller owns.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215", Justification = "Not disposing the inner handler is the point: the caller owns it.")]
        protected override void Dispose(bool disposing)
        {
            // The caller's handler stays alive: it may serve other clients.
        }
    }
}
